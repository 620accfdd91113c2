using System.Text.RegularExpressions;
using DeltaSdk.Data;
using DeltaSdk.Samples.Quickstart;
using NodaTime;

namespace DeltaSdk.Samples.Tests.Quickstart;

public sealed partial class QuickstartReportTests
{
    private static (int ExitCode, string Output) Run(string? city)
    {
        using var writer = new StringWriter();
        var exitCode = QuickstartReport.Write(writer, city);
        return (exitCode, writer.ToString());
    }

    private static string Section(string output, string startsWith)
    {
        var start = output.IndexOf(startsWith, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section starting with '{startsWith}'.");
        var end = output.IndexOf("\n\n", start, StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..end];
    }

    private static HashSet<string> TaskCodesIn(string section)
        => TaskLine().Matches(section).Select(static m => m.Groups["code"].Value).ToHashSet();

    [GeneratedRegex(@"^  (?<code>YRD-[0-9X]+-\d{2})  ", RegexOptions.Multiline)]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"^\s+(?<ordinal>\d)\s+(?<declared>\d+|\?)\s+(?<catalogued>\d+)\s+\S", RegexOptions.Multiline)]
    private static partial Regex AspectLine();

    [GeneratedRegex(@"^(?<indent> *)(?<code>\d{6})  ", RegexOptions.Multiline)]
    private static partial Regex TreeLine();

    // ---- Shanghai, the default ----

    [Fact]
    public void Without_a_city_the_report_is_about_Shanghai_and_matches_asking_for_it_by_name_or_code()
    {
        var byDefault = Run(null);

        Assert.Equal(QuickstartReport.Success, byDefault.ExitCode);
        Assert.Contains("Key tasks concerning 上海市 Shanghai (310000)", byDefault.Output, StringComparison.Ordinal);
        Assert.Equal(byDefault, Run("Shanghai"));
        Assert.Equal(byDefault, Run("  上海 "));
        Assert.Equal(byDefault, Run("310000"));
    }

    [Fact]
    public void Overview_shows_both_titles_the_issuer_and_declared_against_catalogued_counts()
    {
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;
        var output = Run(null).Output;
        var overview = output[..output.IndexOf("Aspects (", StringComparison.Ordinal)];

        Assert.StartsWith(plan.Title.EnglishText!, overview, StringComparison.Ordinal);

        Assert.Contains("长三角地区一体化发展三年行动计划（2024—2026年）", overview, StringComparison.Ordinal);
        Assert.Contains("2024-01-01 to 2026-12-31", overview, StringComparison.Ordinal);
        Assert.Contains("Yangtze River Delta Regional Cooperation Office", overview, StringComparison.Ordinal);
        Assert.Contains("Declared:   9 aspects, 165 key tasks", overview, StringComparison.Ordinal);
        Assert.Contains($"{plan.CataloguedTaskCount} key tasks", overview, StringComparison.Ordinal);
        Assert.Contains("partial", overview, StringComparison.Ordinal);
    }

    [Fact]
    public void Aspects_show_declared_counts_for_one_to_four_and_a_question_mark_where_none_is_published()
    {
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;
        var rows = AspectLine().Matches(Section(Run(null).Output, "Aspects")).ToDictionary(static m => int.Parse(m.Groups["ordinal"].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Enumerable.Range(1, 9), rows.Keys.Order());
        Assert.Equal(["20", "20", "25", "23"], Enumerable.Range(1, 4).Select(i => rows[i].Groups["declared"].Value));
        Assert.All(Enumerable.Range(5, 5), i => Assert.Equal("?", rows[i].Groups["declared"].Value));
        Assert.All(plan.Aspects, a => Assert.Equal(a.Tasks.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[a.Ordinal].Groups["catalogued"].Value));
        Assert.Contains("not published", Section(Run(null).Output, "Aspects"), StringComparison.Ordinal);
        Assert.Contains("77", Section(Run(null).Output, "Aspects"), StringComparison.Ordinal);
    }

    [Fact]
    public void Shanghai_tasks_include_those_naming_it_its_circle_or_its_districts()
    {
        var tasks = TaskCodesIn(Section(Run(null).Output, "Key tasks concerning"));

        Assert.Contains("YRD-1-01", tasks); // names Shanghai (Zhangjiang)
        Assert.Contains("YRD-8-01", tasks); // names the Shanghai metropolitan circle
        Assert.Contains("YRD-2-04", tasks); // the demonstration zone holds Qingpu, a district of Shanghai
        Assert.Contains("YRD-X-01", tasks); // the G60 corridor holds Songjiang, a district of Shanghai
        Assert.Equal(YangtzeRiverDelta.Index.TasksForRegion(RegionCode.Parse("310000")).Select(static t => t.Code.ToString()).ToHashSet(), tasks);
    }

    [Fact]
    public void Region_tree_lists_every_region_once_nested_under_its_parent()
    {
        var lines = TreeLine().Matches(Section(Run(null).Output, "Regions")).ToDictionary(static m => m.Groups["code"].Value, static m => m.Groups["indent"].Length);

        Assert.Equal(YangtzeRiverDelta.Regions.Regions.Length, lines.Count);
        Assert.All(YangtzeRiverDelta.Regions.Regions, region =>
            Assert.Equal(region.Parent is { } parent ? lines[parent.ToString()] + 2 : 2, lines[region.Code.ToString()]));
        Assert.True(lines["320583"] > lines["320500"] && lines["320500"] > lines["320000"], "Kunshan should sit under Suzhou, under Jiangsu.");
    }

    // ---- another city ----

    [Fact]
    public void A_county_level_code_gets_the_tasks_of_its_city_province_and_groups()
    {
        var (exitCode, output) = Run("320509");
        var section = Section(output, "Key tasks concerning");
        var tasks = TaskCodesIn(section);

        Assert.Equal(QuickstartReport.Success, exitCode);
        Assert.StartsWith("Key tasks concerning 吴江区 Wujiang District (320509)", section, StringComparison.Ordinal);
        Assert.Contains("YRD-2-04", tasks); // the demonstration zone
        Assert.Contains("YRD-X-01", tasks); // the G60 corridor, through Suzhou
        Assert.Contains("YRD-8-02", tasks); // names Suzhou
        Assert.DoesNotContain("YRD-1-01", tasks); // Shanghai and Hefei only
        Assert.Contains("names 苏州市 Suzhou, which contains it", section, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chinese_name_without_its_suffix_finds_the_city()
    {
        var (exitCode, output) = Run("苏州");

        Assert.Equal(QuickstartReport.Success, exitCode);
        Assert.Contains("Key tasks concerning 苏州市 Suzhou (320500)", output, StringComparison.Ordinal);
    }

    // ---- ambiguous and unknown input ----

    [Fact]
    public void An_ambiguous_name_lists_the_candidates_with_codes_and_asks_for_a_code()
    {
        var (exitCode, output) = Run("Suzhou");

        Assert.Equal(QuickstartReport.UsageError, exitCode);
        Assert.Contains("320500  苏州市 Suzhou, Jiangsu", output, StringComparison.Ordinal);
        Assert.Contains("341300  宿州市 Suzhou, Anhui", output, StringComparison.Ordinal);
        Assert.Contains("Run again with a code", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Key tasks concerning", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hangzou", "330100  杭州市 Hangzhou")]
    [InlineData("Nanjng", "320100  南京市 Nanjing")]
    [InlineData("苏洲", "320500  苏州市 Suzhou")]
    public void A_misspelt_name_suggests_close_matches_and_exits_with_2(string city, string expectedSuggestion)
    {
        var (exitCode, output) = Run(city);

        Assert.Equal(2, exitCode);
        Assert.Contains($"No region in the table is called '{city}'", output, StringComparison.Ordinal);
        Assert.Contains("Did you mean:", output, StringComparison.Ordinal);
        Assert.Contains(expectedSuggestion, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Key tasks concerning", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_nothing_close_explains_what_to_type()
    {
        var (exitCode, output) = Run("Atlantis");

        Assert.Equal(QuickstartReport.UsageError, exitCode);
        Assert.DoesNotContain("Did you mean", output, StringComparison.Ordinal);
        Assert.Contains("six-digit code", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_code_missing_from_the_table_points_to_the_city_that_contains_it()
    {
        var (exitCode, output) = Run("320581");

        Assert.Equal(QuickstartReport.UsageError, exitCode);
        Assert.Contains("No region in the table has the code 320581", output, StringComparison.Ordinal);
        Assert.Contains("run again with 320500", output, StringComparison.Ordinal);
    }

    // ---- other plans ----

    [Fact]
    public void A_synthetic_plan_without_declared_counts_shows_question_marks_and_a_region_without_tasks_says_so()
    {
        var regions = new RegionTable
        {
            Regions =
            [
                new Region { Code = RegionCode.Parse("110000"), Name = LocalizedText.Create("合成省", "Synthetic Province"), Level = RegionLevel.Province },
                new Region { Code = RegionCode.Parse("110100"), Name = LocalizedText.Create(null, "Synthetic City"), Level = RegionLevel.City, Parent = RegionCode.Parse("110000") },
            ],
        };
        var plan = new Plan
        {
            Id = PlanId.Parse("synthetic-plan"),
            Title = LocalizedText.Create(null, "Synthetic plan"),
            StartDate = new LocalDate(2030, 1, 1),
            EndDate = new LocalDate(2030, 12, 31),
            Aspects = [new Aspect { Id = AspectId.Parse("a1"), Ordinal = 1, Name = LocalizedText.Create(null, "Synthetic aspect") }],
        };
        using var writer = new StringWriter();

        var exitCode = QuickstartReport.Write(writer, PlanIndex.Create(plan, regions), "Synthetic City");
        var output = writer.ToString();

        Assert.Equal(QuickstartReport.Success, exitCode);
        Assert.Contains("Declared:   ? aspects, ? key tasks", output, StringComparison.Ordinal);
        Assert.Contains("No catalogued task names this region", output, StringComparison.Ordinal);
        Assert.Contains("    110100  Synthetic City [prefecture-level city]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => QuickstartReport.Write(null!, null));
        Assert.Throws<ArgumentNullException>(() => QuickstartReport.Write(TextWriter.Null, null!, null));
    }
}
