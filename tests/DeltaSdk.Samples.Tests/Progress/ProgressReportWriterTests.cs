using System.Globalization;
using DeltaSdk.Data;
using DeltaSdk.Samples.Progress;
using NodaTime;

namespace DeltaSdk.Samples.Tests.Progress;

public sealed class ProgressReportWriterTests
{
    private static readonly LocalDate AsOf = new(2025, 6, 30);
    private static readonly RegionCode Jiangsu = RegionCode.Parse("320000");

    private static (int ExitCode, string Output) Run(string? province, params ProgressReport[] reports)
    {
        using var writer = new StringWriter();
        var exitCode = ProgressReportWriter.Write(writer, YangtzeRiverDelta.Index, YangtzeRiverDelta.Observations, reports, province, AsOf);
        return (exitCode, writer.ToString());
    }

    [Fact]
    public void Embedded_data_prints_both_tables_and_says_no_reports_are_held()
    {
        var (exitCode, output) = Run("Jiangsu");

        Assert.Equal(ProgressReportWriter.Success, exitCode);
        Assert.Contains("Task progress for 江苏省 Jiangsu (320000) as of 2025-06-30", output, StringComparison.Ordinal);
        Assert.Contains("No progress reports are held", output, StringComparison.Ordinal);
        Assert.Contains("Indicator status as of 2025-06-30 (open-sdg-progress-measure 1.0)", output, StringComparison.Ordinal);
        Assert.Equal(Run("江苏").Output, output);
        Assert.Equal(Run("320000").Output, output);
    }

    [Fact]
    public void A_report_shows_up_as_its_share_of_the_scope_with_a_bar()
    {
        // Jiangsu's scope, computed here directly: tasks that concern Jiangsu, or name a region within it.
        var index = YangtzeRiverDelta.Index;
        var concerning = index.TasksForRegion(Jiangsu).ToHashSet();
        var scope = index.Plan.AllTasks.Where(t => concerning.Contains(t) || t.Regions.Any(r => r.IsWithin(Jiangsu))).ToList();
        var task = scope[0];
        var report = new ProgressReport { Plan = index.Plan.Id, Task = task.Code, Region = Jiangsu, ReportedOn = new LocalDate(2025, 3, 31), Status = ImplementationStatus.InProgress, PercentComplete = 80 };

        var (exitCode, output) = Run("Jiangsu", report);

        var expected = 80.0 / scope.Count;
        var overall = output.Split('\n').Single(l => l.TrimStart().StartsWith("All aspects", StringComparison.Ordinal));
        Assert.Equal(ProgressReportWriter.Success, exitCode);
        Assert.EndsWith(expected.ToString("0.0", CultureInfo.InvariantCulture), overall.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains(ProgressReportWriter.Bar(expected), overall, StringComparison.Ordinal);
        Assert.Contains($" {scope.Count,5} ", overall, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Suzhou")]
    [InlineData("Atlantis")]
    public void Missing_unknown_or_non_provincial_names_are_usage_errors_that_list_the_provinces(string? province)
    {
        var (exitCode, output) = Run(province);

        Assert.Equal(ProgressReportWriter.UsageError, exitCode);
        Assert.Contains("320000", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Task progress", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(40, 8)]
    [InlineData(52.5, 11)]
    [InlineData(100, 20)]
    public void Bars_fill_one_cell_per_five_percent(double percent, int filled)
    {
        var bar = ProgressReportWriter.Bar(percent);

        Assert.Equal(20, bar.Length);
        Assert.Equal(filled, bar.Count(static c => c == '█'));
    }
}
