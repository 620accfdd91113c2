using DeltaSdk.Server.Http;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

public sealed class ProgressRollupTests
{
    private static readonly Plan Plan = SyntheticPlanData.Plan(12);

    [Fact]
    public void Counts_tasks_by_latest_status_per_aspect_and_in_total()
    {
        var tasks = Stored(new Dictionary<int, ProgressReport>
        {
            [4] = Report(4, ImplementationStatus.Completed, null),
            [8] = Report(8, ImplementationStatus.InProgress, 50),
            [1] = Report(1, ImplementationStatus.Delayed, 20),
        });

        var summary = ProgressRollup.Build(Plan, tasks);

        Assert.Equal(Plan.CataloguedTaskCount, summary.CataloguedTaskCount);
        Assert.Equal(Plan.DeclaredTaskCount, summary.DeclaredTaskCount);
        Assert.Equal(3, summary.ReportedTaskCount);
        Assert.Equal(1, summary.TasksByStatus.Completed);
        Assert.Equal(1, summary.TasksByStatus.InProgress);
        Assert.Equal(1, summary.TasksByStatus.Delayed);
        Assert.Equal(Plan.CataloguedTaskCount - 3, summary.TasksByStatus.Unreported);

        var a1 = summary.Aspects.Single(a => a.Aspect == SyntheticPlanData.AspectOf(1));
        Assert.Equal(Plan.Aspects[0].Tasks.Length, a1.CataloguedTaskCount);
        Assert.Equal(Plan.Aspects[0].DeclaredTaskCount, a1.DeclaredTaskCount);
        Assert.Equal(1, a1.TasksByStatus.Completed);
        Assert.Equal(1, a1.TasksByStatus.InProgress);
        Assert.Equal(75, a1.PercentCompleteMean);

        var unassigned = summary.Aspects[^1];
        Assert.Null(unassigned.Aspect);
        Assert.Null(unassigned.Name);
        Assert.Equal(Plan.UnassignedTasks.Length, unassigned.CataloguedTaskCount);
        Assert.Null(unassigned.PercentCompleteMean);
        Assert.Equal(Plan.Aspects.Length + 1, summary.Aspects.Length);
    }

    [Fact]
    public void The_mean_counts_completed_as_100_and_not_started_as_0_and_leaves_out_unknown_percentages()
    {
        var tasks = Stored(new Dictionary<int, ProgressReport>
        {
            [4] = Report(4, ImplementationStatus.Completed, null),
            [8] = Report(8, ImplementationStatus.NotStarted, null),
            [1] = Report(1, ImplementationStatus.Suspended, null),
            [5] = Report(5, ImplementationStatus.InProgress, 35),
        });

        var summary = ProgressRollup.Build(Plan, tasks);

        Assert.Equal(45, summary.PercentCompleteMean);
        Assert.Null(ProgressRollup.Build(Plan, Stored([])).PercentCompleteMean);
    }

    private static List<StoredTask> Stored(Dictionary<int, ProgressReport> reports)
        => [.. Plan.AllTasks.Select(t => new StoredTask
        {
            Task = t,
            Version = 1,
            LatestReport = reports.FirstOrDefault(r => SyntheticPlanData.Code(r.Key) == t.Code).Value,
        })];

    private static ProgressReport Report(int task, ImplementationStatus status, double? percent)
        => SyntheticPlanData.Report(SyntheticPlanData.Code(task), status, new LocalDate(2024, 6, 30), percent);
}
