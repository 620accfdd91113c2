using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Tests;

/// <summary>
/// Tests of <see cref="PlanIndex"/> over a synthetic plan and region table built in code. The region codes and
/// names are real GB/T 2260 entries (so that the suffix and same-name cases are realistic); the tasks, their
/// titles, tags, agencies and group memberships are synthetic.
/// </summary>
public sealed class PlanIndexTests
{
    private static readonly RegionCode Shanghai = RegionCode.Parse("310000");
    private static readonly RegionCode Qingpu = RegionCode.Parse("310118");
    private static readonly RegionCode Jiangsu = RegionCode.Parse("320000");
    private static readonly RegionCode Xuzhou = RegionCode.Parse("320300");
    private static readonly RegionCode SuzhouJiangsu = RegionCode.Parse("320500");
    private static readonly RegionCode Wujiang = RegionCode.Parse("320509");
    private static readonly RegionCode Kunshan = RegionCode.Parse("320583");
    private static readonly RegionCode Nantong = RegionCode.Parse("320600");
    private static readonly RegionCode Zhejiang = RegionCode.Parse("330000");
    private static readonly RegionCode Jiaxing = RegionCode.Parse("330400");
    private static readonly RegionCode Jiashan = RegionCode.Parse("330421");
    private static readonly RegionCode Anhui = RegionCode.Parse("340000");
    private static readonly RegionCode SuzhouAnhui = RegionCode.Parse("341300");

    private static readonly RegionGroupId Whole = RegionGroupId.Parse("synthetic-whole");
    private static readonly RegionGroupId DemoZone = RegionGroupId.Parse("synthetic-demo-zone");
    private static readonly RegionGroupId Corridor = RegionGroupId.Parse("synthetic-corridor");
    private static readonly RegionGroupId Circle = RegionGroupId.Parse("synthetic-circle");

    private static readonly AspectId A1 = AspectId.Parse("a1");
    private static readonly AspectId A2 = AspectId.Parse("a2");
    private static readonly AgencyId Office = AgencyId.Parse("synthetic-office");
    private static readonly AgencyId Bureau = AgencyId.Parse("synthetic-bureau");

    private static readonly PlanIndex Index = PlanIndex.Create(SyntheticPlan(), SyntheticRegions());

    [Fact]
    public void Create_rejects_null_arguments()
    {
        Assert.Throws<ArgumentNullException>("plan", () => PlanIndex.Create(null!, SyntheticRegions()));
        Assert.Throws<ArgumentNullException>("regions", () => PlanIndex.Create(SyntheticPlan(), null!));
    }

    [Fact]
    public void Plan_and_Regions_are_the_inputs()
    {
        var plan = SyntheticPlan();
        var regions = SyntheticRegions();

        var index = PlanIndex.Create(plan, regions);

        Assert.Same(plan, index.Plan);
        Assert.Same(regions, index.Regions);
    }

    [Fact]
    public void TasksByAspect_lists_the_aspects_tasks_in_plan_order()
    {
        Assert.Equal(["T-1", "T-2", "T-7"], Codes(Index.TasksByAspect(A1)));
        Assert.Equal(["T-3", "T-4", "T-6"], Codes(Index.TasksByAspect(A2)));
        Assert.Empty(Index.TasksByAspect(AspectId.Parse("a9")));
        Assert.Empty(Index.TasksByAspect(default));
    }

    [Fact]
    public void TasksForRegion_of_a_district_includes_its_ancestors_and_the_groups_containing_them()
    {
        // Wujiang: T-1 names Jiangsu (ancestor), T-2 names Wujiang, T-3 the demonstration zone (Wujiang is a member),
        // T-4 the whole region, T-6 the corridor (its ancestor Suzhou is a member). Not T-5 (Qingpu) nor T-7 (Shanghai).
        Assert.Equal(["T-1", "T-2", "T-3", "T-4", "T-6"], Codes(Index.TasksForRegion(Wujiang)));
    }

    [Fact]
    public void TasksForRegion_includes_tasks_about_descendants_and_groups_of_descendants()
    {
        // T-5 names Qingpu and T-3 a zone with Qingpu as a member: both concern Shanghai, which Qingpu lies in.
        Assert.Equal(["T-7", "T-3", "T-4", "T-5"], Codes(Index.TasksForRegion(Shanghai)));

        // Suzhou: T-1 (Jiangsu above), T-2 (Wujiang below), T-3 (zone with Wujiang), T-4 (whole), T-6 (corridor with Suzhou).
        Assert.Equal(["T-1", "T-2", "T-3", "T-4", "T-6"], Codes(Index.TasksForRegion(SuzhouJiangsu)));
    }

    [Fact]
    public void TasksForRegion_of_a_province_finds_its_cities_tasks_but_not_another_provinces()
    {
        // Zhejiang: T-3 (zone with Jiashan), T-4 (whole), T-6 (corridor with Jiaxing); nothing about Jiangsu or Shanghai alone.
        Assert.Equal(["T-3", "T-4", "T-6"], Codes(Index.TasksForRegion(Zhejiang)));
    }

    [Fact]
    public void GroupsContaining_stays_one_way_while_tasks_look_down()
    {
        // The zone has Qingpu, not Shanghai, as a member: it does not contain Shanghai, although its task concerns Shanghai.
        Assert.DoesNotContain(Index.GroupsContaining(Shanghai), g => g.Id == DemoZone);
    }

    [Fact]
    public void TasksForRegion_of_a_municipal_district_includes_the_municipality()
    {
        Assert.Equal(["T-7", "T-3", "T-4", "T-5"], Codes(Index.TasksForRegion(Qingpu)));
    }

    [Fact]
    public void TasksForRegion_uses_the_province_by_code_when_the_table_gives_no_parent()
    {
        // Nantong is in the table without a parent; its code still places it in Jiangsu.
        Assert.Equal(["T-1", "T-4"], Codes(Index.TasksForRegion(Nantong)));
    }

    [Fact]
    public void TasksForRegion_of_a_region_missing_from_the_table_uses_its_province_by_code_only()
    {
        // Taicang (320585) is not in the table: Jiangsu by code gives T-1, and the whole region has Jiangsu as a
        // member (T-4); its prefecture Suzhou is not inferred, so the corridor's T-6 is not included.
        Assert.Equal(["T-1", "T-4"], Codes(Index.TasksForRegion(RegionCode.Parse("320585"))));
    }

    [Fact]
    public void TasksForRegion_gives_whole_region_tasks_only_to_regions_in_the_table_or_its_groups()
    {
        // Beijing is neither in the table nor within a member of a group.
        Assert.Empty(Index.TasksForRegion(RegionCode.Parse("110000")));
        Assert.Empty(Index.TasksForRegion(default));
    }

    [Fact]
    public void TasksForRegion_includes_whole_region_tasks_for_a_table_region_the_group_does_not_list()
    {
        var regions = new RegionTable
        {
            Regions = [SyntheticRegion(Shanghai, "上海市", "Shanghai", RegionLevel.Municipality, null)],
            Groups = [new RegionGroup { Id = Whole, Kind = RegionGroupKind.WholeRegion, Name = LocalizedText.Create(null, "Synthetic whole"), MembershipComplete = false }],
        };
        var plan = SyntheticPlan() with
        {
            Aspects = [],
            UnassignedTasks = [SyntheticTask("T-1", "全域", "Whole area") with { RegionGroups = [Whole] }],
        };

        var index = PlanIndex.Create(plan, regions);

        Assert.Equal(["T-1"], Codes(index.TasksForRegion(Shanghai)));
        Assert.Empty(index.TasksForRegion(RegionCode.Parse("110000")));
    }

    [Fact]
    public void TasksForRegion_lists_a_task_once_when_it_matches_several_ways()
    {
        var plan = SyntheticPlan() with
        {
            Aspects = [],
            UnassignedTasks =
            [
                SyntheticTask("T-1", "多重", "Many ways") with { Regions = [Wujiang, SuzhouJiangsu, Jiangsu], RegionGroups = [DemoZone, Corridor, Whole] },
            ],
        };

        var index = PlanIndex.Create(plan, SyntheticRegions());

        Assert.Equal(["T-1"], Codes(index.TasksForRegion(Wujiang)));
    }

    [Fact]
    public void GroupsContaining_includes_groups_of_ancestors_but_not_of_descendants()
    {
        Assert.Equal([Whole, DemoZone, Corridor], Index.GroupsContaining(Wujiang).Select(static g => g.Id));
        Assert.Equal([Whole, Corridor], Index.GroupsContaining(SuzhouJiangsu).Select(static g => g.Id));
        Assert.Equal([Whole], Index.GroupsContaining(Shanghai).Select(static g => g.Id));
        Assert.Equal([Whole, Circle], Index.GroupsContaining(SuzhouAnhui).Select(static g => g.Id));
        Assert.Empty(Index.GroupsContaining(RegionCode.Parse("110000")));
        Assert.Empty(Index.GroupsContaining(default));
    }

    [Fact]
    public void TasksByAgency_includes_lead_and_participating_once_each()
    {
        Assert.Equal(["T-1", "T-6"], Codes(Index.TasksByAgency(Office)));
        Assert.Equal(["T-2"], Codes(Index.TasksByAgency(Bureau)));
        Assert.Empty(Index.TasksByAgency(AgencyId.Parse("nobody")));
    }

    [Fact]
    public void TasksByTag_ignores_case()
    {
        Assert.Equal(["T-1", "T-6"], Codes(Index.TasksByTag("RAIL")));
        Assert.Equal(["T-3"], Codes(Index.TasksByTag("Ecology")));
        Assert.Empty(Index.TasksByTag("rai"));
        Assert.Throws<ArgumentNullException>(() => Index.TasksByTag(null!));
    }

    [Theory]
    [InlineData("铁路", new[] { "T-1" })]
    [InlineData("铁", new[] { "T-1", "T-6" })]
    [InlineData("生态绿色", new[] { "T-3" })]
    [InlineData("港口", new[] { "T-7" })]
    [InlineData("  铁路 ", new[] { "T-1" })]
    [InlineData("RAILWAY", new[] { "T-1" })]
    [InlineData("rail", new[] { "T-1", "T-6" })]
    [InlineData("Green", new[] { "T-3" })]
    [InlineData("tram", new[] { "T-5" })]
    [InlineData("port hub", new[] { "T-7" })]
    [InlineData("f", new[] { "T-2", "T-6" })]
    [InlineData("航天", new string[0])]
    [InlineData("submarine", new string[0])]
    public void Search_finds_substrings_of_titles_summaries_and_tags_in_either_language(string keyword, string[] expected)
    {
        Assert.Equal(expected, Codes(Index.Search(keyword)));
    }

    [Fact]
    public void Search_does_not_match_when_the_keywords_pairs_are_present_but_not_in_sequence()
    {
        // T-2's title has "tr", "ra" and "am" ("Trade fair amenities") but not "tram".
        Assert.DoesNotContain("T-2", Codes(Index.Search("tram")));
        Assert.Contains("T-2", Codes(Index.Search("trade fair")));
    }

    [Fact]
    public void Search_does_not_match_across_two_fields()
    {
        // T-1's title ends with "construction" and its summary starts with "Synthetic".
        Assert.Contains("T-1", Codes(Index.Search("construction")));
        Assert.Empty(Index.Search("constructionsynthetic"));
    }

    [Fact]
    public void Search_needs_every_keyword_each_within_one_field_as_the_servers_q_does()
    {
        // Two keywords: both must occur, each in some field (here the title and the summary).
        Assert.Equal(["T-1"], Codes(Index.Search("construction synthetic")));
        Assert.Empty(Index.Search("construction submarine"));
    }

    [Fact]
    public void Search_matches_task_codes_ignoring_case()
    {
        Assert.Equal(["T-7"], Codes(Index.Search("t-7")));
        Assert.Equal(Codes(Index.Search(KeywordQuery.Parse("T-7"))), Codes(Index.Search("t-7")));
    }

    [Fact]
    public void Search_refuses_more_keywords_than_the_limit_naming_it()
    {
        var words = string.Join(' ', Enumerable.Range(0, KeywordQuery.MaxKeywords + 1).Select(static i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var error = Assert.Throws<ArgumentException>(() => Index.Search(words));
        Assert.Contains("max keywords", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Index.Search(new string('a', KeywordQuery.MaxLength + 1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Search_rejects_an_empty_keyword(string keyword)
    {
        Assert.Throws<ArgumentException>("keywords", () => Index.Search(keyword));
    }

    [Fact]
    public void Search_rejects_null()
    {
        Assert.Throws<ArgumentNullException>("keywords", () => Index.Search((string)null!));
    }

    [Fact]
    public void TryGetTask_finds_by_code()
    {
        Assert.True(Index.TryGetTask(TaskCode.Parse("T-5"), out var task));
        Assert.Equal("Synthetic tram line", task.Title.EnglishText);
        Assert.False(Index.TryGetTask(TaskCode.Parse("T-99"), out _));
        Assert.False(Index.TryGetTask(default, out _));
    }

    [Fact]
    public void TryGetRegion_TryGetGroup_and_TryGetAgency_find_by_key()
    {
        Assert.True(Index.TryGetRegion(Wujiang, out var region));
        Assert.Equal("吴江区", region.Name.Chinese);
        Assert.False(Index.TryGetRegion(RegionCode.Parse("110000"), out _));

        Assert.True(Index.TryGetGroup(Corridor, out var group));
        Assert.Equal(RegionGroupKind.Corridor, group.Kind);
        Assert.False(Index.TryGetGroup(RegionGroupId.Parse("nowhere"), out _));

        Assert.True(Index.TryGetAgency(Bureau, out var agency));
        Assert.Equal("Synthetic bureau", agency.Name.EnglishText);
        Assert.False(Index.TryGetAgency(AgencyId.Parse("nobody"), out _));
    }

    [Fact]
    public void First_occurrence_wins_for_repeated_keys()
    {
        var regions = SyntheticRegions() with
        {
            Regions = SyntheticRegions().Regions.Add(SyntheticRegion(Wujiang, "重复区", "Duplicate District", RegionLevel.County, Jiangsu)),
            Groups = SyntheticRegions().Groups.Add(new RegionGroup { Id = Corridor, Kind = RegionGroupKind.CooperationZone, Name = LocalizedText.Create(null, "Duplicate") }),
        };
        var plan = SyntheticPlan() with
        {
            UnassignedTasks = SyntheticPlan().UnassignedTasks.Add(SyntheticTask("T-1", "重复", "Duplicate task") with { Tags = ["duplicate"] }),
            Agencies = SyntheticPlan().Agencies.Add(new Agency { Id = Office, Name = LocalizedText.Create(null, "Duplicate agency") }),
        };

        var index = PlanIndex.Create(plan, regions);

        Assert.True(index.TryGetRegion(Wujiang, out var region));
        Assert.Equal("吴江区", region.Name.Chinese);
        Assert.DoesNotContain(index.RegionsByLevel(RegionLevel.County), static r => r.Name.Chinese == "重复区");
        Assert.Empty(index.FindRegions("重复区"));
        Assert.True(index.TryGetGroup(Corridor, out var group));
        Assert.Equal(RegionGroupKind.Corridor, group.Kind);
        Assert.True(index.TryGetTask(TaskCode.Parse("T-1"), out var task));
        Assert.Equal("Synthetic railway construction", task.Title.EnglishText);
        Assert.True(index.TryGetAgency(Office, out var agency));
        Assert.Equal("Synthetic office", agency.Name.EnglishText);

        // A task with a repeated code is still a catalogued task.
        Assert.Equal("Duplicate task", Assert.Single(index.TasksByTag("duplicate")).Title.EnglishText);
    }

    [Fact]
    public void RegionsByLevel_lists_the_level_in_table_order()
    {
        Assert.Equal([Qingpu, Wujiang], Index.RegionsByLevel(RegionLevel.District).Select(static r => r.Code));
        Assert.Equal([Jiangsu, Zhejiang, Anhui], Index.RegionsByLevel(RegionLevel.Province).Select(static r => r.Code));
        Assert.Equal([Kunshan], Index.RegionsByLevel(RegionLevel.CountyLevelCity).Select(static r => r.Code));
        Assert.Empty(Index.RegionsByLevel((RegionLevel)42));
    }

    [Fact]
    public void Children_follow_the_table_parent()
    {
        Assert.Equal([Wujiang, Kunshan], Index.Children(SuzhouJiangsu).Select(static r => r.Code));
        Assert.Equal([Qingpu], Index.Children(Shanghai).Select(static r => r.Code));
        Assert.Equal([Xuzhou, SuzhouJiangsu], Index.Children(Jiangsu).Select(static r => r.Code));
        Assert.Empty(Index.Children(Wujiang));
        Assert.Empty(Index.Children(default));
    }

    [Theory]
    [InlineData("苏州", new[] { "320500" })]
    [InlineData("苏州市", new[] { "320500" })]
    [InlineData("宿州", new[] { "341300" })]
    [InlineData("Suzhou", new[] { "320500", "341300" })]
    [InlineData("suzhou city", new[] { "320500", "341300" })]
    [InlineData("  SUZHOU   City ", new[] { "320500", "341300" })]
    [InlineData("320509", new[] { "320509" })]
    [InlineData("吴江", new[] { "320509" })]
    [InlineData("吴江区", new[] { "320509" })]
    [InlineData("Wujiang", new[] { "320509" })]
    [InlineData("Wujiang District", new[] { "320509" })]
    [InlineData("上海", new[] { "310000" })]
    [InlineData("shanghai city", new[] { "310000" })]
    [InlineData("江苏", new[] { "320000" })]
    [InlineData("Jiangsu Province", new[] { "320000" })]
    [InlineData("嘉善", new[] { "330421" })]
    [InlineData("Jiashan County", new[] { "330421" })]
    [InlineData("昆山", new[] { "320583" })]
    [InlineData("Kunshan City", new[] { "320583" })]
    public void FindRegions_matches_codes_and_names_with_or_without_suffix(string query, string[] expected)
    {
        Assert.Equal(expected, Index.FindRegions(query).Select(static r => r.Code.ToString()));
    }

    [Theory]
    [InlineData("吴江县")]
    [InlineData("Wujiang County")]
    [InlineData("Suzhou District")]
    [InlineData("Suzho")]
    [InlineData("310100")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("市")]
    public void FindRegions_does_not_match_wrong_suffixes_partial_names_or_unknown_codes(string query)
    {
        Assert.Empty(Index.FindRegions(query));
    }

    [Fact]
    public void FindRegions_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => Index.FindRegions(null!));
    }

    [Theory]
    [InlineData("Suzou", new[] { "320500", "341300" })]
    [InlineData("Wujaing", new[] { "320509" })]
    [InlineData("wujiang distrct", new[] { "320509" })]
    [InlineData("Jiaxnig", new[] { "330400" })]
    [InlineData("苏洲", new[] { "320500" })]
    [InlineData("宿洲", new[] { "341300" })]
    [InlineData("青铺区", new[] { "310118" })]
    [InlineData("Suzhou", new[] { "320500", "341300", "320300" })]
    public void SuggestRegions_ranks_close_names_best_first(string text, string[] expected)
    {
        Assert.Equal(expected, Index.SuggestRegions(text).Select(static r => r.Code.ToString()));
    }

    [Theory]
    [InlineData("Beijing")]
    [InlineData("xyzxyz")]
    [InlineData("Hangzhou")]
    [InlineData("")]
    public void SuggestRegions_leaves_out_distant_names(string text)
    {
        Assert.Empty(Index.SuggestRegions(text));
    }

    [Fact]
    public void SuggestRegions_returns_at_most_max()
    {
        Assert.Equal([SuzhouJiangsu], Index.SuggestRegions("Suzhou", max: 1).Select(static r => r.Code));
        Assert.Empty(Index.SuggestRegions("Suzhou", max: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Index.SuggestRegions("Suzhou", max: -1));
        Assert.Throws<ArgumentNullException>(() => Index.SuggestRegions(null!));
    }

    [Fact]
    public void Create_tolerates_an_inconsistent_graph()
    {
        var a = RegionCode.Parse("320100");
        var b = RegionCode.Parse("320200");
        var regions = new RegionTable
        {
            Regions =
            [
                SyntheticRegion(a, "甲市", "Alpha", RegionLevel.City, b),
                SyntheticRegion(b, "乙市", "Beta", RegionLevel.City, a),
                SyntheticRegion(Shanghai, "上海市", "Shanghai", RegionLevel.Municipality, Shanghai),
                null!,
            ],
            Groups =
            [
                new RegionGroup { Id = Circle, Kind = RegionGroupKind.MetropolitanCircle, Name = LocalizedText.Create(null, "Circle"), Members = [RegionCode.Parse("999999"), b, default] },
            ],
        };
        var plan = SyntheticPlan() with
        {
            Aspects =
            [
                new Aspect
                {
                    Id = A1,
                    Ordinal = 1,
                    Name = LocalizedText.Create("方面", "Aspect"),
                    Tasks = [null!, SyntheticTask("T-1", "甲", "About alpha") with { Regions = [a, RegionCode.Parse("999998")], RegionGroups = [RegionGroupId.Parse("nowhere"), Circle] }],
                },
            ],
            UnassignedTasks = [],
            Agencies = [null!],
        };

        var index = PlanIndex.Create(plan, regions);

        // The parent cycle alpha <-> beta ends the walk: each is the other's ancestor.
        Assert.Equal(["T-1"], Codes(index.TasksForRegion(a)));
        Assert.Equal(["T-1"], Codes(index.TasksForRegion(b)));
        Assert.Equal([Circle], index.GroupsContaining(a).Select(static g => g.Id));
        Assert.Empty(index.Children(Shanghai));
        Assert.Equal(["T-1"], Codes(index.Search("alpha")));
    }

    [Fact]
    public void Lists_are_read_only()
    {
        var tasks = Index.TasksByAspect(A1);

        Assert.Throws<NotSupportedException>(() => ((IList<KeyTask>)tasks).Clear());
        Assert.Throws<NotSupportedException>(() => ((IList<KeyTask>)Index.Search("rail")).Clear());
    }

    [Fact]
    public void Queries_from_several_threads_agree()
    {
        var expected = Codes(Index.TasksForRegion(Wujiang));
        var results = new string[64][];

        Parallel.For(0, results.Length, i =>
        {
            var index = i % 2 == 0 ? Index : PlanIndex.Create(SyntheticPlan(), SyntheticRegions());
            results[i] = Codes(index.TasksForRegion(Wujiang)).Intersect(Codes(index.Search("y"))).ToArray();
        });

        Assert.All(results, r => Assert.Equal(expected.Intersect(Codes(Index.Search("y"))), r));
    }

    private static string[] Codes(IEnumerable<KeyTask> tasks) => [.. tasks.Select(static t => t.Code.ToString())];

    private static Region SyntheticRegion(RegionCode code, string chinese, string english, RegionLevel level, RegionCode? parent) =>
        new() { Code = code, Name = LocalizedText.Create(chinese, english), Level = level, Parent = parent };

    private static KeyTask SyntheticTask(string code, string chinese, string english) =>
        new() { Code = TaskCode.Parse(code), Title = LocalizedText.Create(chinese, english) };

    private static RegionTable SyntheticRegions() => new()
    {
        Regions =
        [
            SyntheticRegion(Shanghai, "上海市", "Shanghai", RegionLevel.Municipality, null),
            SyntheticRegion(Qingpu, "青浦区", "Qingpu District", RegionLevel.District, Shanghai),
            SyntheticRegion(Jiangsu, "江苏省", "Jiangsu", RegionLevel.Province, null),
            SyntheticRegion(Xuzhou, "徐州市", "Xuzhou", RegionLevel.City, Jiangsu),
            SyntheticRegion(SuzhouJiangsu, "苏州市", "Suzhou", RegionLevel.City, Jiangsu),
            SyntheticRegion(Wujiang, "吴江区", "Wujiang District", RegionLevel.District, SuzhouJiangsu),
            SyntheticRegion(Kunshan, "昆山市", "Kunshan", RegionLevel.CountyLevelCity, SuzhouJiangsu),
            SyntheticRegion(Nantong, "南通市", "Nantong", RegionLevel.City, null),
            SyntheticRegion(Zhejiang, "浙江省", "Zhejiang", RegionLevel.Province, null),
            SyntheticRegion(Jiaxing, "嘉兴市", "Jiaxing", RegionLevel.City, Zhejiang),
            SyntheticRegion(Jiashan, "嘉善县", "Jiashan County", RegionLevel.County, Jiaxing),
            SyntheticRegion(Anhui, "安徽省", "Anhui", RegionLevel.Province, null),
            SyntheticRegion(SuzhouAnhui, "宿州市", "Suzhou", RegionLevel.City, Anhui),
        ],
        Groups =
        [
            new RegionGroup { Id = Whole, Kind = RegionGroupKind.WholeRegion, Name = LocalizedText.Create("合成全域", "Synthetic whole region"), Members = [Shanghai, Jiangsu, Zhejiang, Anhui] },
            new RegionGroup { Id = DemoZone, Kind = RegionGroupKind.DemonstrationZone, Name = LocalizedText.Create("合成示范区", "Synthetic demonstration zone"), Members = [Qingpu, Wujiang, Jiashan] },
            new RegionGroup { Id = Corridor, Kind = RegionGroupKind.Corridor, Name = LocalizedText.Create("合成走廊", "Synthetic corridor"), Members = [SuzhouJiangsu, Jiaxing] },
            new RegionGroup { Id = Circle, Kind = RegionGroupKind.MetropolitanCircle, Name = LocalizedText.Create("合成都市圈", "Synthetic circle"), Members = [SuzhouAnhui], MembershipComplete = false },
        ],
    };

    private static Plan SyntheticPlan() => new()
    {
        Id = PlanId.Parse("synthetic-plan"),
        Title = LocalizedText.Create("合成计划", "Synthetic plan"),
        StartDate = new LocalDate(2024, 1, 1),
        EndDate = new LocalDate(2026, 12, 31),
        Aspects =
        [
            new Aspect
            {
                Id = A1,
                Ordinal = 1,
                Name = LocalizedText.Create("合成方面一", "Synthetic aspect one"),
                Tasks =
                [
                    SyntheticTask("T-1", "合成江苏铁路建设", "Synthetic railway construction") with
                    {
                        Summary = LocalizedText.Create("合成摘要", "Synthetic summary"),
                        Regions = [Jiangsu],
                        LeadAgencies = [Office],
                        ParticipatingAgencies = [Office],
                        Tags = ["rail"],
                    },
                    SyntheticTask("T-2", "合成展会设施", "Trade fair amenities") with { Regions = [Wujiang], LeadAgencies = [Bureau] },
                    SyntheticTask("T-7", "合成港口枢纽", "Synthetic port hub") with { Regions = [Shanghai] },
                ],
            },
            new Aspect
            {
                Id = A2,
                Ordinal = 2,
                Name = LocalizedText.Create("合成方面二", "Synthetic aspect two"),
                Tasks =
                [
                    SyntheticTask("T-3", "合成生态绿色示范", "Synthetic green demonstration") with { RegionGroups = [DemoZone], Tags = ["ecology"] },
                    SyntheticTask("T-4", "合成全域协同", "Synthetic region-wide coordination") with { RegionGroups = [Whole] },
                    SyntheticTask("T-6", "合成走廊货运", "Synthetic corridor freight") with
                    {
                        Summary = LocalizedText.Create("合成铁水联运", null),
                        RegionGroups = [Corridor],
                        ParticipatingAgencies = [Office],
                        Tags = ["Rail", "freight"],
                    },
                ],
            },
        ],
        UnassignedTasks =
        [
            SyntheticTask("T-5", "合成有轨电车", "Synthetic tram line") with { Regions = [Qingpu] },
        ],
        Agencies =
        [
            new Agency { Id = Office, Name = LocalizedText.Create("合成办公室", "Synthetic office") },
            new Agency { Id = Bureau, Name = LocalizedText.Create("合成局", "Synthetic bureau") },
        ],
    };
}
