using System.Text.Json;
using DeltaSdk.Analytics;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Tests.Infrastructure;
using static DeltaSdk.Tool.Tests.Infrastructure.SyntheticStatusInputs;

namespace DeltaSdk.Tool.Tests.Status;

public sealed class StatusCommandTests : IDisposable
{
    private static readonly Plan Embedded = YangtzeRiverDelta.ActionPlan2024To2026;
    private readonly TempDirectory _dir = new();

    public StatusCommandTests()
    {
        _dir.Write("progress.json", ArrayJson(ProgressReports()));
        _dir.Write("observations.json", DeltaJson.WriteObservations(Observations()));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_json_is_an_analysis_document_whose_roll_up_equals_ProgressRollup_called_directly()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "progress.json", "--observations", "observations.json", "--as-of", "2025-06-30", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var document = AnalysisJson.Read(run.Output);
        Assert.Equal(Embedded.Id, document.Plan);
        Assert.Equal(AsOf, document.AsOf);
        var expected = new ProgressRollup(YangtzeRiverDelta.Index, ProgressLedger.Create(ProgressReports())).Summarize(AsOf);
        AssertSameRollup(expected, document.Progress!);

        // The figures are not trivial: two regions on the first task average 40 and 60; the September report is not used.
        var tasks = Embedded.AllTasks.ToList();
        Assert.Equal(50, document.Progress!.Tasks.Single(t => t.Task == tasks[0].Code).PercentComplete);
        Assert.Equal(20, document.Progress.Tasks.Single(t => t.Task == tasks[3].Code).PercentComplete);
        Assert.Equal(4, document.Progress.Overall.TasksReported);
    }

    [Fact]
    public async Task The_json_carries_each_result_s_parts_and_statuses_equal_the_measure_called_directly()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--observations", "observations.json", "--as-of", "2025-06-30", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var document = AnalysisJson.Read(run.Output);
        Assert.Null(document.Progress);
        var observations = Observations().Observations;
        foreach (var status in document.IndicatorStatuses)
        {
            var indicator = Embedded.Indicators.Single(i => i.Id == status.Indicator);
            var direct = OpenSdgProgressMeasure.Default.Evaluate(indicator, observations, AsOf, status.Region, status.RegionGroup);
            Assert.Equal(direct.Status, status.Status);
            Assert.Equal(direct.NotAvailableReason, status.NotAvailableReason);
            Assert.Equal(direct.Base, status.Base);
            Assert.Equal(direct.Current, status.Current);
            Assert.Equal(direct.ObservedGrowth, status.ObservedGrowth);
            Assert.Equal(direct.Ratio, status.Ratio);
            Assert.Equal(direct.Thresholds, status.Thresholds);
        }

        // Every indicator of the plan has a status, and the synthetic series give real ones (growth up in Jiangsu, down in Nanjing).
        Assert.Equal(Embedded.Indicators.Select(i => i.Id).ToHashSet(), document.IndicatorStatuses.Select(s => s.Indicator).ToHashSet());
        Assert.Equal(IndicatorProgressStatus.SubstantialProgress, document.IndicatorStatuses.Single(s => s.Region == Jiangsu).Status);
        Assert.Equal(IndicatorProgressStatus.Deterioration, document.IndicatorStatuses.Single(s => s.Region == Nanjing).Status);

        // The parts are in the JSON, so any program can redo the sums.
        using var json = JsonDocument.Parse(run.Output);
        var jiangsu = json.RootElement.GetProperty("indicatorStatuses").EnumerateArray().Single(s => s.TryGetProperty("region", out var r) && r.GetString() == "320000");
        foreach (var member in new[] { "base", "current", "observedGrowth", "ratio", "thresholds", "methodology", "direction", "unit" })
        {
            Assert.True(jiangsu.TryGetProperty(member, out _), member);
        }

        Assert.Equal(Math.Pow(2300.0 / 2000, 1.0 / 3) - 1, jiangsu.GetProperty("observedGrowth").GetDouble(), 12);
    }

    [Theory]
    [InlineData("320000")]
    [InlineData("江苏")]
    [InlineData("Jiangsu")]
    public async Task A_region_limits_the_roll_up_and_the_statuses_to_it_and_the_regions_within_it(string region)
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "progress.json", "--observations", "observations.json", "--as-of", "2025-06-30", "--region", region, "-f", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var document = AnalysisJson.Read(run.Output);
        var expected = new ProgressRollup(YangtzeRiverDelta.Index, ProgressLedger.Create(ProgressReports())).Summarize(AsOf, Jiangsu);
        AssertSameRollup(expected, document.Progress!);
        Assert.Equal(Jiangsu, document.Progress!.Region);
        Assert.All(document.IndicatorStatuses, s => Assert.True(s.Region is { } r && (r == Jiangsu || r.IsWithin(Jiangsu)), s.Region?.ToString() ?? s.RegionGroup?.ToString()));
        Assert.Contains(document.IndicatorStatuses, s => s.Region == Nanjing);
    }

    [Fact]
    public async Task The_table_shows_the_aspects_the_reported_tasks_and_the_statuses_without_colour_codes()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "progress.json", "--observations", "observations.json", "--as-of", "2025-06-30");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("Task progress of yrd-2024-2026 for the whole delta as of 2025-06-30 (6 reports read from progress.json)", run.Output, StringComparison.Ordinal);
        var overall = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("| All aspects", StringComparison.Ordinal));
        var expected = new ProgressRollup(YangtzeRiverDelta.Index, ProgressLedger.Create(ProgressReports())).Summarize(AsOf).Overall;
        Assert.Contains(expected.PercentComplete!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%", overall, StringComparison.Ordinal);
        Assert.Contains("Tasks with reports in scope: 4 of " + Embedded.CataloguedTaskCount + ".", run.Output, StringComparison.Ordinal);
        Assert.Contains("| " + Embedded.AllTasks.First().Code + " ", run.Output, StringComparison.Ordinal);
        Assert.Contains("substantialProgress", run.Output, StringComparison.Ordinal);
        Assert.Contains("deterioration", run.Output, StringComparison.Ordinal);
        Assert.Contains("notAvailable (fewerThanTwoObservations)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Without_inputs_it_is_a_usage_error_that_names_both_options()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("--progress", run.Error, StringComparison.Ordinal);
        Assert.Contains("--observations", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("--as-of", "30/06/2025", "yyyy-MM-dd")]
    [InlineData("--region", "Atlantis", "no region matches 'Atlantis'")]
    [InlineData("--aspect", "a99", "has no aspect 'a99'")]
    [InlineData("--format", "xml", "xml")]
    public async Task A_bad_option_value_exits_2_and_says_what_to_give(string option, string value, string expected)
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "progress.json", option, value);

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_report_in_the_array_is_named_by_file_line_and_path()
    {
        var reports = ProgressReports();
        var json = ArrayJson(reports);
        var second = DeltaJson.WriteProgressReport(reports[1]);
        var broken = second.Replace("\"percentComplete\": 60", "\"percentComplete\": \"sixty\"", StringComparison.Ordinal);
        Assert.NotEqual(second, broken);
        _dir.Write("broken.json", json.Replace(second, broken, StringComparison.Ordinal));
        var line = json[..json.IndexOf(second, StringComparison.Ordinal)].Count(c => c == '\n') + second.Split('\n').TakeWhile(l => !l.Contains("percentComplete", StringComparison.Ordinal)).Count() + 1;

        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "broken.json", "--as-of", "2025-06-30");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains($"broken.json:{line} at $[1].percentComplete", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Broken_json_and_missing_files_exit_2_naming_the_file()
    {
        _dir.Write("truncated.json", ArrayJson(ProgressReports())[..200]);

        var truncated = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "truncated.json");
        var missing = await InProcessTool.RunAsync(_dir.Path, "status", "--observations", "missing.json");
        var wrongKind = await InProcessTool.RunAsync(_dir.Path, "status", "--observations", "progress.json");

        Assert.Equal(ExitCodes.UsageOrIo, truncated.ExitCode);
        Assert.StartsWith("error: truncated.json:", truncated.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, missing.ExitCode);
        Assert.Contains("Cannot read 'missing.json'", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, wrongKind.ExitCode);
        Assert.Contains("progress.json", wrongKind.Error, StringComparison.Ordinal);
        Assert.Contains("--observations needs an observation batch", wrongKind.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_observations_are_refused_with_the_conversion_to_run()
    {
        _dir.Write("observations.csv", "indicator,period,value\n");

        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--observations", "observations.csv");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("delta convert observations.csv observations.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_the_roll_up_cannot_place_are_counted_out_loud_not_silently()
    {
        var reports = ProgressReports().Add(ProgressReports()[0] with { Task = TaskCode.Parse("SYNTHETIC-UNKNOWN-1") });
        _dir.Write("extra.json", ArrayJson(reports));

        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "extra.json", "--as-of", "2025-06-30", "-f", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("warning: extra.json: 1 report(s) name tasks the plan does not catalogue", run.Error, StringComparison.Ordinal);
        Assert.Equal(4, AnalysisJson.Read(run.Output).Progress!.Overall.TasksReported);
    }

    [Fact]
    public async Task A_single_report_document_is_read_as_well_as_an_array()
    {
        _dir.Write("one.json", DeltaJson.WriteProgressReport(ProgressReports()[2]));

        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--progress", "one.json", "--as-of", "2025-06-30", "-f", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var progress = AnalysisJson.Read(run.Output).Progress!;
        Assert.Equal(1, progress.Overall.TasksCompleted);
        Assert.Equal(1, progress.Overall.TasksReported);
    }

    [Fact]
    public async Task A_plan_file_replaces_the_embedded_plan()
    {
        _dir.Write("plan.json", DeltaJson.WritePlan(Embedded with { Id = PlanId.Parse("synthetic-plan") }));

        var run = await InProcessTool.RunAsync(_dir.Path, "status", "--plan", "plan.json", "--progress", "progress.json", "--as-of", "2025-06-30", "-f", "json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("are for another plan than synthetic-plan", run.Error, StringComparison.Ordinal);
        var document = AnalysisJson.Read(run.Output);
        Assert.Equal(PlanId.Parse("synthetic-plan"), document.Plan);
        Assert.Equal(0, document.Progress!.Overall.TasksReported);
    }

    private static void AssertSameRollup(ProgressSummary expected, ProgressSummary actual)
    {
        Assert.Equal(expected.Overall, actual.Overall);
        Assert.Equal(expected.Aspects.Length, actual.Aspects.Length);
        for (var i = 0; i < expected.Aspects.Length; i++)
        {
            Assert.Equal(expected.Aspects[i], actual.Aspects[i]);
        }

        Assert.Equal(expected.Tasks.Length, actual.Tasks.Length);
        for (var i = 0; i < expected.Tasks.Length; i++)
        {
            Assert.Equal(expected.Tasks[i], actual.Tasks[i]);
        }

        Assert.Equal(expected.Methodology, actual.Methodology);
        Assert.Equal(expected.Weighting, actual.Weighting);
        Assert.Equal(expected.AsOf, actual.AsOf);
    }
}
