using System.Globalization;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tests.Data;

public sealed class YangtzeRiverDeltaTests
{
    private static readonly RegionCode Shanghai = RegionCode.Parse("310000");

    private static Plan Plan => YangtzeRiverDelta.ActionPlan2024To2026;

    private static RegionTable Regions => YangtzeRiverDelta.Regions;

    private static Dictionary<RegionCode, Region> RegionsByCode => Regions.Regions.ToDictionary(static r => r.Code);

    // ---- loading ----

    [Fact]
    public void The_three_documents_are_embedded_under_their_logical_names()
    {
        var names = typeof(YangtzeRiverDelta).Assembly.GetManifestResourceNames();

        Assert.Contains(YangtzeRiverDelta.PlanResourceName, names);
        Assert.Contains(YangtzeRiverDelta.RegionsResourceName, names);
        Assert.Contains(YangtzeRiverDelta.ObservationsResourceName, names);
    }

    [Theory]
    [InlineData(YangtzeRiverDelta.PlanResourceName, "plan")]
    [InlineData(YangtzeRiverDelta.RegionsResourceName, "region-table")]
    [InlineData(YangtzeRiverDelta.ObservationsResourceName, "observation-batch")]
    public void Each_document_starts_with_its_schema_and_format_version(string resourceName, string schemaName)
    {
        using var document = System.Text.Json.JsonDocument.Parse(YangtzeRiverDelta.ReadResource(resourceName));
        var firstTwo = document.RootElement.EnumerateObject().Take(2).ToArray();

        Assert.Equal("$schema", firstTwo[0].Name);
        Assert.Equal($"https://deltasdk.dev/schema/v1/{schemaName}.schema.json", firstTwo[0].Value.GetString());
        Assert.Equal("formatVersion", firstTwo[1].Name);
        Assert.Equal("1.0", firstTwo[1].Value.GetString());
    }

    [Fact]
    public void A_missing_resource_is_reported_by_name()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => YangtzeRiverDelta.ReadResource("DeltaSdk.Data.Resources.no-such.json"));

        Assert.Contains("no-such.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_first_reads_all_get_the_same_instances()
    {
        var barrier = new Barrier(8);
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            barrier.SignalAndWait();
            return (Plan: YangtzeRiverDelta.ActionPlan2024To2026, Regions: YangtzeRiverDelta.Regions, Observations: YangtzeRiverDelta.Observations, Index: YangtzeRiverDelta.Index);
        })));

        Assert.All(reads, read => Assert.Same(reads[0].Index, read.Index));

        Assert.All(reads, read => Assert.Same(reads[0].Plan, read.Plan));
        Assert.All(reads, read => Assert.Same(reads[0].Regions, read.Regions));
        Assert.All(reads, read => Assert.Same(reads[0].Observations, read.Observations));
    }

    [Fact]
    public void Every_document_round_trips_through_the_canonical_writer()
    {
        var planJson = DeltaJson.WritePlan(Plan);
        var regionsJson = DeltaJson.WriteRegions(Regions);
        var observationsJson = DeltaJson.WriteObservations(YangtzeRiverDelta.Observations);

        Assert.Equal(planJson, DeltaJson.WritePlan(DeltaJson.ReadPlan(planJson)));
        Assert.Equal(regionsJson, DeltaJson.WriteRegions(DeltaJson.ReadRegions(regionsJson)));
        Assert.Equal(observationsJson, DeltaJson.WriteObservations(DeltaJson.ReadObservations(observationsJson)));
    }

    [Fact]
    public void Index_is_built_over_the_embedded_plan_and_region_table()
    {
        var index = YangtzeRiverDelta.Index;

        Assert.Same(YangtzeRiverDelta.ActionPlan2024To2026, index.Plan);
        Assert.Same(YangtzeRiverDelta.Regions, index.Regions);
        Assert.All(Plan.Aspects, aspect => Assert.Equal(aspect.Tasks, index.TasksByAspect(aspect.Id)));
    }

    [Fact]
    public void Index_finds_both_Suzhous_by_english_name_and_one_by_each_chinese_name()
    {
        var index = YangtzeRiverDelta.Index;

        Assert.Equal(["320500", "341300"], index.FindRegions("Suzhou").Select(static r => r.Code.ToString()));
        Assert.Equal("320500", Assert.Single(index.FindRegions("苏州")).Code.ToString());
        Assert.Equal("341300", Assert.Single(index.FindRegions("宿州市")).Code.ToString());
    }

    [Fact]
    public void Index_finds_demonstration_zone_tasks_for_its_member_districts_only()
    {
        var index = YangtzeRiverDelta.Index;
        var zoneTasks = Plan.AllTasks.Where(static t => t.RegionGroups.Contains(RegionGroupId.Parse("demonstration-zone"))).ToList();

        Assert.NotEmpty(zoneTasks);
        foreach (var member in new[] { "310118", "320509", "330421" })
        {
            Assert.All(zoneTasks, task => Assert.Contains(task, index.TasksForRegion(RegionCode.Parse(member))));
        }

        Assert.All(zoneTasks, task => Assert.DoesNotContain(task, index.TasksForRegion(RegionCode.Parse("310117"))));
    }

    // ---- the plan ----

    [Fact]
    public void Plan_identity_period_and_declared_counts_match_the_sources()
    {
        Assert.Equal(PlanId.Parse("yrd-2024-2026"), Plan.Id);
        Assert.Equal("长三角地区一体化发展三年行动计划（2024—2026年）", Plan.Title.Chinese);
        Assert.Equal("Three-Year Action Plan for the Integrated Development of the Yangtze River Delta Region (2024-2026)", Plan.Title.EnglishText);
        Assert.Equal(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2026, 12, 31)), Plan.Period);
        Assert.Equal(new LocalDate(2024, 7, 25), Plan.AnnouncedOn);
        Assert.Equal(9, Plan.DeclaredAspectCount);
        Assert.Equal(165, Plan.DeclaredTaskCount);
        Assert.Equal(CatalogueCompleteness.Partial, Plan.CatalogueCompleteness);
        Assert.Equal(AgencyId.Parse("yrd-cooperation-office"), Plan.IssuedBy);
    }

    [Fact]
    public void Plan_notes_say_what_is_unknown()
    {
        Assert.NotNull(Plan.Notes);
        Assert.Contains("issue date", Plan.Notes, StringComparison.Ordinal);
        Assert.Contains("lead bodies", Plan.Notes, StringComparison.Ordinal);
        Assert.Contains("aspects 5-9", Plan.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_has_nine_aspects_numbered_in_order()
    {
        Assert.Equal(Plan.DeclaredAspectCount, Plan.Aspects.Length);
        for (var i = 0; i < Plan.Aspects.Length; i++)
        {
            Assert.Equal(i + 1, Plan.Aspects[i].Ordinal);
            Assert.Equal(AspectId.Parse($"a{i + 1}"), Plan.Aspects[i].Id);
            Assert.False(string.IsNullOrWhiteSpace(Plan.Aspects[i].Name.Chinese));
            Assert.False(string.IsNullOrWhiteSpace(Plan.Aspects[i].Name.EnglishText));
        }
    }

    [Fact]
    public void Aspects_one_to_four_declare_88_tasks_and_five_to_nine_leave_77_unattributed()
    {
        var known = Plan.Aspects.Where(static a => a.Ordinal <= 4).ToArray();
        var unknown = Plan.Aspects.Where(static a => a.Ordinal >= 5).ToArray();

        Assert.Equal([20, 20, 25, 23], known.Select(static a => a.DeclaredTaskCount!.Value));
        Assert.Equal(88, known.Sum(static a => a.DeclaredTaskCount!.Value));
        Assert.All(unknown, static a => Assert.Null(a.DeclaredTaskCount));
        Assert.Equal(77, Plan.DeclaredTaskCount!.Value - Plan.Aspects.Sum(static a => a.DeclaredTaskCount ?? 0));
    }

    [Fact]
    public void Aspects_without_official_english_say_their_english_is_a_compiler_translation()
    {
        foreach (var aspect in Plan.Aspects.Where(static a => a.Ordinal >= 5))
        {
            Assert.Contains("compiler translation", aspect.Notes, StringComparison.Ordinal);
            Assert.Contains(aspect.Sources, static s => s.Note?.Contains("compiler translation", StringComparison.Ordinal) == true);
        }

        Assert.All(Plan.Aspects.Where(static a => a.Ordinal <= 4), static a => Assert.DoesNotContain("compiler translation", a.Notes ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void No_aspect_catalogues_more_tasks_than_it_declares()
    {
        foreach (var aspect in Plan.Aspects.Where(static a => a.DeclaredTaskCount is not null))
        {
            Assert.InRange(aspect.Tasks.Length, 0, aspect.DeclaredTaskCount!.Value);
        }

        Assert.InRange(Plan.CataloguedTaskCount, 1, Plan.DeclaredTaskCount!.Value);
    }

    // ---- tasks ----

    [Fact]
    public void Task_codes_are_unique()
    {
        var codes = Plan.AllTasks.Select(static t => t.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Task_codes_follow_the_aspect_they_are_filed_under()
    {
        foreach (var aspect in Plan.Aspects)
        {
            var expectedPrefix = $"YRD-{aspect.Ordinal}-";
            Assert.All(aspect.Tasks, task =>
            {
                Assert.Equal(aspect.Id, task.Aspect);
                Assert.StartsWith(expectedPrefix, task.Code.ToString(), StringComparison.Ordinal);
            });
        }

        Assert.All(Plan.UnassignedTasks, static task =>
        {
            Assert.Null(task.Aspect);
            Assert.StartsWith("YRD-X-", task.Code.ToString(), StringComparison.Ordinal);
            Assert.Contains("No source states its aspect", task.Notes, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Task_codes_are_numbered_from_01_without_gaps_within_each_series()
    {
        var series = Plan.AllTasks.GroupBy(static t => t.Code.ToString()[..t.Code.ToString().LastIndexOf('-')]);

        foreach (var group in series)
        {
            var numbers = group.Select(static t => int.Parse(t.Code.ToString()[(t.Code.ToString().LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order();
            Assert.Equal(Enumerable.Range(1, group.Count()), numbers);
        }
    }

    [Fact]
    public void Every_task_has_english_and_its_regions_and_groups_resolve_in_the_region_table()
    {
        var codes = RegionsByCode;
        var groups = Regions.Groups.Select(static g => g.Id).ToHashSet();

        foreach (var task in Plan.AllTasks)
        {
            Assert.False(string.IsNullOrWhiteSpace(task.Title.EnglishText), $"{task.Code} has no English title.");
            Assert.All(task.Regions, region => Assert.True(codes.ContainsKey(region), $"{task.Code} names unknown region {region}."));
            Assert.All(task.RegionGroups, group => Assert.Contains(group, groups));
        }
    }

    [Fact]
    public void No_task_claims_a_lead_agency_because_no_source_gives_one()
    {
        Assert.All(Plan.AllTasks, static task => Assert.Empty(task.LeadAgencies));
    }

    [Fact]
    public void Tags_are_lower_case_slugs()
    {
        Assert.All(Plan.AllTasks.SelectMany(static t => t.Tags), static tag => Assert.True(AspectId.TryParse(tag, out _), $"'{tag}' is not a lower-case slug."));
    }

    [Fact]
    public void Low_confidence_tasks_record_their_doubt()
    {
        var low = Plan.AllTasks.Where(static t => t.Sources.Any(static s => s.Confidence == SourceConfidence.Low)).ToList();

        Assert.NotEmpty(low);
        Assert.All(low, static task =>
        {
            Assert.False(string.IsNullOrWhiteSpace(task.Notes));
            Assert.All(task.Sources.Where(static s => s.Confidence == SourceConfidence.Low), static s => Assert.False(string.IsNullOrWhiteSpace(s.Note)));
        });
    }

    [Fact]
    public void The_four_shine_items_are_catalogued_as_tasks_without_an_aspect()
    {
        string[] subjects = ["Jiangnan ancient towns", "Grand Canal national cultural parks", "sports industry", "green, low-carbon supply chains"];

        foreach (var subject in subjects)
        {
            var task = Assert.Single(Plan.AllTasks, t => t.Title.EnglishText!.Contains(subject, StringComparison.Ordinal));
            Assert.Null(task.Aspect);
            Assert.Contains(task.Sources, static s => s.Url?.Host == "www.shine.cn");
        }
    }

    // ---- sources ----

    [Fact]
    public void Every_fact_has_at_least_one_source_with_an_absolute_web_address()
    {
        static void AssertSourced(IEnumerable<SourceReference> sources, string what)
            => Assert.True(sources.Any(static s => s.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)), $"{what} has no source with a URL.");

        AssertSourced(Plan.Sources, "The plan");
        Assert.All(Plan.Aspects, static a => AssertSourced(a.Sources, $"Aspect {a.Id}"));
        Assert.All(Plan.AllTasks, static t => AssertSourced(t.Sources, $"Task {t.Code}"));
        Assert.All(Plan.Agencies, static a => AssertSourced(a.Sources, $"Agency {a.Id}"));
        Assert.All(Plan.Indicators, static i => AssertSourced(i.Sources, $"Indicator {i.Id}"));
        Assert.All(Regions.Regions, static r => AssertSourced(r.Sources, $"Region {r.Code}"));
        Assert.All(Regions.Groups, static g => AssertSourced(g.Sources, $"Group {g.Id}"));
        Assert.All(YangtzeRiverDelta.Observations.Observations, static o => AssertSourced(o.Source is null ? [] : [o.Source], $"Observation {o.Indicator} {o.Period}"));
    }

    [Fact]
    public void Every_task_source_is_graded()
    {
        Assert.All(Plan.AllTasks.SelectMany(static t => t.Sources), static s => Assert.NotNull(s.Confidence));
    }

    // ---- regions ----

    [Fact]
    public void Region_codes_are_unique()
    {
        var codes = Regions.Regions.Select(static r => r.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void The_delta_has_41_cities_Shanghai_and_40_prefecture_level_cities()
    {
        var cities = Regions.Regions.Where(static r => r.Level == RegionLevel.City).ToList();

        Assert.Single(Regions.Regions, static r => r.Level == RegionLevel.Municipality);
        Assert.Equal(40, cities.Count);
        Assert.Equal(13, cities.Count(static c => c.Parent == RegionCode.Parse("320000")));
        Assert.Equal(11, cities.Count(static c => c.Parent == RegionCode.Parse("330000")));
        Assert.Equal(16, cities.Count(static c => c.Parent == RegionCode.Parse("340000")));
        Assert.Equal(41, cities.Count + 1);
    }

    [Fact]
    public void Every_region_lies_within_its_parent_and_its_province_and_parents_come_first()
    {
        var seen = new HashSet<RegionCode>();
        var byCode = RegionsByCode;

        foreach (var region in Regions.Regions)
        {
            if (region.Parent is { } parent)
            {
                Assert.True(seen.Contains(parent), $"{region.Code} comes before its parent {parent}.");
                Assert.True(region.Code.IsWithin(parent), $"{region.Code} does not lie within its parent {parent}.");
                Assert.True(region.Code.IsWithin(byCode[parent].Code.Province));
            }
            else
            {
                Assert.Equal(RegionCodeLevel.Provincial, region.Code.CodeLevel);
                Assert.Contains(region.Level, new[] { RegionLevel.Province, RegionLevel.Municipality });
            }

            Assert.True(region.Code.IsWithin(region.Code.Province));
            Assert.True(byCode.ContainsKey(region.Code.Province), $"The province of {region.Code} is not in the table.");
            seen.Add(region.Code);
        }
    }

    [Fact]
    public void Region_levels_agree_with_code_digits_and_chinese_suffixes()
    {
        foreach (var region in Regions.Regions)
        {
            switch (region.Level)
            {
                case RegionLevel.Province or RegionLevel.Municipality:
                    Assert.Equal(RegionCodeLevel.Provincial, region.Code.CodeLevel);
                    break;
                case RegionLevel.City:
                    Assert.Equal(RegionCodeLevel.Prefectural, region.Code.CodeLevel);
                    break;
                default:
                    Assert.Equal(RegionCodeLevel.County, region.Code.CodeLevel);
                    var countyDigits = int.Parse(region.Code.ToString().AsSpan(4), CultureInfo.InvariantCulture);

                    // GB/T 2260 numbers county-level cities 81-99.
                    Assert.Equal(region.Level == RegionLevel.CountyLevelCity, countyDigits >= 81);
                    var expectedSuffix = region.Level switch { RegionLevel.District => "区", RegionLevel.County => "县", _ => "市" };
                    if (region.Name.Chinese is { } chinese)
                    {
                        Assert.EndsWith(expectedSuffix, chinese, StringComparison.Ordinal);
                    }

                    break;
            }
        }
    }

    [Fact]
    public void County_level_units_without_a_sourced_chinese_name_say_so()
    {
        var withoutChinese = Regions.Regions.Where(static r => r.Name.Chinese is null).ToList();

        Assert.Equal(["320583", "320585"], withoutChinese.Select(static r => r.Code.ToString()));
        Assert.All(withoutChinese, static r => Assert.Contains(r.Sources, static s => s.Note?.Contains("Chinese name is left out", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void English_names_repeat_but_codes_do_not()
    {
        var repeated = Regions.Regions.GroupBy(static r => r.Name.EnglishText).Where(static g => g.Count() > 1).ToDictionary(static g => g.Key!, static g => g.Select(static r => r.Code.ToString()).Order().ToArray());

        Assert.Equal(["320500", "341300"], repeated["Suzhou"]);
        Assert.Equal(["321200", "331000"], repeated["Taizhou"]);
        Assert.All(Regions.Regions.GroupBy(static r => r.Name.Chinese).Where(static g => g.Key is not null), static g => Assert.Single(g));
    }

    [Fact]
    public void The_codes_that_do_not_exist_are_not_invented()
    {
        Assert.DoesNotContain(Regions.Regions, static r => r.Code.ToString() is "340900" or "341400");
    }

    // ---- groups ----

    [Fact]
    public void Group_ids_are_unique_and_members_resolve()
    {
        var byCode = RegionsByCode;

        Assert.Equal(Regions.Groups.Length, Regions.Groups.Select(static g => g.Id).Distinct().Count());
        Assert.All(Regions.Groups, group =>
        {
            Assert.NotEmpty(group.Members);
            Assert.Equal(group.Members.Length, group.Members.Distinct().Count());
            Assert.All(group.Members, member => Assert.True(byCode.ContainsKey(member), $"{group.Id} names unknown region {member}."));
        });
    }

    [Theory]
    [InlineData("yrd", RegionGroupKind.WholeRegion, 4, true)]
    [InlineData("demonstration-zone", RegionGroupKind.DemonstrationZone, 3, true)]
    [InlineData("central-area", RegionGroupKind.CentralArea, 27, true)]
    [InlineData("g60-corridor", RegionGroupKind.Corridor, 9, true)]
    [InlineData("su-xi-chang-metropolitan-circle", RegionGroupKind.MetropolitanCircle, 3, false)]
    [InlineData("shanghai-metropolitan-circle", RegionGroupKind.MetropolitanCircle, 1, false)]
    [InlineData("one-enclave-six-counties", RegionGroupKind.CooperationZone, 6, false)]
    [InlineData("jiangsu-anhui-cooperation-zone", RegionGroupKind.CooperationZone, 3, true)]
    [InlineData("jiaxing-kunshan-taicang", RegionGroupKind.CooperationZone, 3, true)]
    public void Groups_have_the_kind_and_membership_the_sources_give(string id, RegionGroupKind kind, int memberCount, bool complete)
    {
        var group = Assert.Single(Regions.Groups, g => g.Id == RegionGroupId.Parse(id));

        Assert.Equal(kind, group.Kind);
        Assert.Equal(memberCount, group.Members.Length);
        Assert.Equal(complete, group.MembershipComplete);
    }

    [Fact]
    public void There_are_six_metropolitan_circles_each_incomplete_and_explained()
    {
        var circles = Regions.Groups.Where(static g => g.Kind == RegionGroupKind.MetropolitanCircle).ToList();

        Assert.Equal(6, circles.Count);
        Assert.All(circles, static c =>
        {
            Assert.False(c.MembershipComplete);
            Assert.False(string.IsNullOrWhiteSpace(c.Notes));
        });
    }

    [Fact]
    public void The_whole_region_holds_all_41_cities()
    {
        var yrd = Assert.Single(Regions.Groups, static g => g.Kind == RegionGroupKind.WholeRegion);
        var cities = Regions.Regions.Count(r => (r.Level == RegionLevel.City || r.Level == RegionLevel.Municipality) && yrd.Members.Any(m => r.Code.IsWithin(m)));

        Assert.Equal(41, cities);
        Assert.Contains("41 cities", yrd.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void The_central_area_holds_cities_only()
    {
        var byCode = RegionsByCode;
        var central = Assert.Single(Regions.Groups, static g => g.Kind == RegionGroupKind.CentralArea);

        Assert.Contains(Shanghai, central.Members);
        Assert.All(central.Members, m => Assert.Contains(byCode[m].Level, new[] { RegionLevel.City, RegionLevel.Municipality }));
    }

    // ---- agencies ----

    [Fact]
    public void Agencies_are_unique_and_their_regions_resolve()
    {
        var byCode = RegionsByCode;

        Assert.Equal(Plan.Agencies.Length, Plan.Agencies.Select(static a => a.Id).Distinct().Count());
        Assert.Contains(Plan.Agencies, a => a.Id == Plan.IssuedBy);
        Assert.All(Plan.Agencies.Where(static a => a.Region is not null), a => Assert.True(byCode.ContainsKey(a.Region!.Value)));
        Assert.Equal(Shanghai, Assert.Single(Plan.Agencies, static a => a.Id == AgencyId.Parse("shanghai-drc")).Region);
    }

    // ---- indicators and observations ----

    [Fact]
    public void Observations_belong_to_the_plan_and_resolve_their_indicator_and_region_or_group()
    {
        var batch = YangtzeRiverDelta.Observations;
        var indicators = Plan.Indicators.Select(static i => i.Id).ToHashSet();
        var groups = Regions.Groups.Select(static g => g.Id).ToHashSet();
        var byCode = RegionsByCode;

        Assert.Equal(Plan.Id, batch.Plan);
        Assert.NotEmpty(batch.Observations);
        Assert.All(batch.Observations, o =>
        {
            Assert.Contains(o.Indicator, indicators);
            Assert.True(o.Region is null ^ o.RegionGroup is null, $"{o.Indicator} {o.Period} must name exactly one of region and group.");
            Assert.True(o.Region is null || byCode.ContainsKey(o.Region.Value));
            Assert.True(o.RegionGroup is null || groups.Contains(o.RegionGroup.Value));
        });
    }

    [Fact]
    public void Every_indicator_is_observed_and_none_claims_a_target()
    {
        var observed = YangtzeRiverDelta.Observations.Observations.Select(static o => o.Indicator).ToHashSet();

        Assert.Equal(Plan.Indicators.Length, Plan.Indicators.Select(static i => i.Id).Distinct().Count());
        Assert.All(Plan.Indicators, indicator =>
        {
            Assert.Contains(indicator.Id, observed);
            Assert.Empty(indicator.Targets);
            Assert.Contains("no target", indicator.Notes, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void High_speed_rail_length_grew_from_4150_km_in_2018_to_more_than_7100_km_at_end_2023()
    {
        var series = YangtzeRiverDelta.Observations.Observations
            .Where(static o => o.Indicator == IndicatorId.Parse("yrd-hsr-operating-length"))
            .OrderBy(static o => o.Period)
            .ToList();

        Assert.Equal([ReportingPeriod.ForYear(2018), ReportingPeriod.ForYear(2023)], series.Select(static o => o.Period));
        Assert.Equal((4150d, ValueQualifier.Exact), (series[0].Value, series[0].Qualifier));
        Assert.Equal((7100d, ValueQualifier.MoreThan), (series[1].Value, series[1].Qualifier));
        Assert.All(series, static o => Assert.Equal(RegionGroupId.Parse("yrd"), o.RegionGroup));
    }

    [Fact]
    public void Loop_train_observations_keep_the_source_discrepancies()
    {
        var loop = YangtzeRiverDelta.Observations.Observations.Where(static o => o.Indicator.ToString().StartsWith("yrd-hsr-loop-train", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, loop.Count);
        Assert.All(loop, static o => Assert.Equal(ReportingPeriod.ForMonth(2024, 6), o.Period));
        Assert.Contains(loop, static o => o.Notes?.Contains("19 stops", StringComparison.Ordinal) == true);
        Assert.Contains(loop, static o => o.Notes?.Contains("2024-06-22", StringComparison.Ordinal) == true);
    }
}
