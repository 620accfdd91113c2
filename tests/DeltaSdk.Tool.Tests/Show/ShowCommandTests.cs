using System.Globalization;
using DeltaSdk.Data;
using DeltaSdk.Tool.Tests.Infrastructure;

namespace DeltaSdk.Tool.Tests.Show;

public sealed class ShowCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_plan_tree_shows_each_aspect_with_declared_and_catalogued_counts_and_its_tasks()
    {
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;

        var run = await InProcessTool.RunAsync(_dir.Path, "show");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{plan.DeclaredTaskCount} tasks declared, {plan.CataloguedTaskCount} catalogued"), run.Output, StringComparison.Ordinal);
        foreach (var aspect in plan.Aspects)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"[{aspect.Id}]: {aspect.DeclaredTaskCount?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} declared, {aspect.Tasks.Length} catalogued"), run.Output, StringComparison.Ordinal);
        }

        Assert.All(plan.AllTasks, task => Assert.Contains(task.Code.ToString(), run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_region_by_name_shows_its_code_groups_and_tasks()
    {
        var index = YangtzeRiverDelta.Index;
        var suzhou = index.FindRegions("苏州").Single();

        var run = await InProcessTool.RunAsync(_dir.Path, "show", "--region", "苏州", "--lang", "zh-Hans");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(suzhou.Code.ToString(), run.Output, StringComparison.Ordinal);
        Assert.All(index.GroupsContaining(suzhou.Code), g => Assert.Contains(g.Id.ToString(), run.Output, StringComparison.Ordinal));
        Assert.All(index.TasksForRegion(suzhou.Code), t => Assert.Contains(t.Code.ToString(), run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_shows_its_title_and_regions()
    {
        var task = YangtzeRiverDelta.ActionPlan2024To2026.AllTasks.First(t => !t.Regions.IsEmpty);

        var run = await InProcessTool.RunAsync(_dir.Path, "show", "--task", task.Code.ToString());

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(task.Title.Get("en"), run.Output, StringComparison.Ordinal);
        Assert.All(task.Regions, r => Assert.Contains(r.ToString(), run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_task_or_region_exits_2_with_a_hint()
    {
        var task = await InProcessTool.RunAsync(_dir.Path, "show", "--task", "NOPE-9-99");
        var region = await InProcessTool.RunAsync(_dir.Path, "show", "--region", "Atlantis");

        Assert.Equal(ExitCodes.UsageOrIo, task.ExitCode);
        Assert.Contains("delta show", task.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, region.ExitCode);
        Assert.Contains("No region matches 'Atlantis'", region.Error, StringComparison.Ordinal);
    }
}
