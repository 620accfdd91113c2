using System.Text.Json;
using DeltaSdk.Client;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support.Faults;
using DeltaSdk.Tool.Pull;
using DeltaSdk.Tool.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Tool.Tests.Pull;

/// <summary>delta pull against the reference server, hosted in-process on Kestrel at 127.0.0.1 on a random port.</summary>
public sealed class PullCommandTests : IAsyncLifetime, IDisposable
{
    private const string WriterKey = "synthetic-tool-writer-key-3c1e77-never-printed";

    private readonly TempDirectory _dir = new();
    private readonly FaultInjector _requests = new();
    private PlanServerHost _server = null!;

    public async Task InitializeAsync()
    {
        var store = new InMemoryPlanStore(new PlanStoreSeed
        {
            Plans = [YangtzeRiverDelta.ActionPlan2024To2026],
            Regions = YangtzeRiverDelta.Regions,
            Observations = YangtzeRiverDelta.Observations.Observations,
        });
        _server = await PlanServerHost.StartAsync(
            store,
            static options => options.ApiKeys.Add(new ApiKeyOptions { Key = WriterKey, CanWrite = true }),
            configureApp: _requests.Install);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Pulls_the_plan_tasks_observations_and_progress_into_canonical_files()
    {
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;

        var run = await InProcessTool.RunAsync(_dir.Path, ["pull", "--server", _server.BaseAddress.ToString(), "-o", "out", "--api-key-env", "DELTA_KEY"], environment: new Dictionary<string, string> { ["DELTA_KEY"] = WriterKey });

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var pulled = DeltaJson.ReadPlan(await File.ReadAllTextAsync(_dir.File("out/plan.json")));
        Assert.Equal(plan.Id, pulled.Id);
        Assert.Equal(plan.CataloguedTaskCount, pulled.CataloguedTaskCount);
        using (var tasks = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("out/tasks.json"))))
        {
            // More than one page (the server's default page is smaller than the catalogue), so pages were followed.
            Assert.Equal(plan.AllTasks.Select(t => t.Code.ToString()).Order(), tasks.RootElement.EnumerateArray().Select(t => t.GetProperty("code").GetString()).Order());
        }

        var observations = DeltaJson.ReadObservations(await File.ReadAllTextAsync(_dir.File("out/observations.json")));
        Assert.Equal(plan.Id, observations.Plan);
        Assert.Equal(YangtzeRiverDelta.Observations.Observations.Length, observations.Observations.Length);
        Assert.True(File.Exists(_dir.File("out/progress.json")));
        Assert.DoesNotContain(WriterKey, run.Output + run.Error, StringComparison.Ordinal);
        // No progress on the server yet: no mark to give, so the next pull is a full one.
        Assert.Contains("No progress recorded yet: the next pull is a full one.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incremental_pull_asks_the_server_for_progress_after_the_instant_and_prints_the_next_mark()
    {
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;
        var task = plan.AllTasks.First();
        var before = SystemClock.Instance.GetCurrentInstant() - Duration.FromSeconds(1);
        var recorded = await PostProgressAsync(task.Code);

        var since = await InProcessTool.RunAsync(_dir.Path, "pull", "--server", _server.BaseAddress.ToString(), "-o", "since", "--updated-since", InstantPattern.ExtendedIso.Format(before));
        Assert.Equal(ExitCodes.Success, since.ExitCode);
        Assert.Equal([task.Code], ReadProgress("since/progress.json").Select(r => r.Task));

        // The next mark is the server's recording time of the last report, and a pull from it finds nothing new.
        var mark = InstantPattern.ExtendedIso.Format(recorded);
        Assert.Contains("Next incremental pull: --updated-since " + mark, since.Output, StringComparison.Ordinal);
        var later = await InProcessTool.RunAsync(_dir.Path, "pull", "--server", _server.BaseAddress.ToString(), "-o", "later", "--updated-since", mark);
        Assert.Equal(ExitCodes.Success, later.ExitCode);
        Assert.Empty(ReadProgress("later/progress.json"));
        Assert.Contains("Next incremental pull: --updated-since " + mark, later.Output, StringComparison.Ordinal);

        // The filter runs on the server: the tool asks the plan's progress feed with updatedSince, not every task's list.
        var feed = _requests.Requests.Where(r => r.Path.EndsWith($"/plans/{plan.Id}/progress", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, feed.Count);
        Assert.All(feed, r => Assert.Contains("updatedSince=", r.Query, StringComparison.Ordinal));
        Assert.DoesNotContain(_requests.Requests, r => r.Method == "GET" && r.Path.EndsWith("/progress", StringComparison.Ordinal) && r.Path.Contains("/tasks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_key_can_come_from_standard_input_and_is_never_printed()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, ["pull", "--server", _server.BaseAddress.ToString(), "-o", "out", "--api-key-stdin"], standardInput: WriterKey + "\n");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain(WriterKey, run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_variable_is_a_usage_error_naming_it()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "pull", "--server", _server.BaseAddress.ToString(), "--api-key-env", "DELTA_NOT_SET");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("DELTA_NOT_SET", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_plan_or_an_unreachable_server_exits_2_without_a_stack_trace()
    {
        var unknown = await InProcessTool.RunAsync(_dir.Path, "pull", "--server", _server.BaseAddress.ToString(), "--plan", "no-such-plan", "-o", "x");
        var unreachable = await InProcessTool.RunAsync(_dir.Path, "pull", "--server", "http://127.0.0.1:1", "-o", "y");

        Assert.Equal(ExitCodes.UsageOrIo, unknown.ExitCode);
        Assert.Contains("404", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, unreachable.ExitCode);
        Assert.Contains("http://127.0.0.1:1", unreachable.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", unknown.Error + unreachable.Error, StringComparison.Ordinal);
    }

    private List<ProgressReport> ReadProgress(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(_dir.File(path)));
        return [.. document.RootElement.EnumerateArray().Select(e => DeltaJson.ReadProgressReport(e.GetRawText()))];
    }

    private async Task<Instant> PostProgressAsync(TaskCode code)
    {
        var services = new ServiceCollection();
        services.AddDeltaClient(options =>
        {
            options.BaseAddress = _server.BaseAddress;
            options.ApiKey = WriterKey;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DeltaClient>();
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;
        var current = await client.GetTaskAsync(plan.Id, code);
        var stored = await client.PostProgressAsync(plan.Id, code, new ProgressReport
        {
            Plan = plan.Id,
            Task = code,
            ReportedOn = new LocalDate(2025, 3, 31),
            Status = ImplementationStatus.InProgress,
            PercentComplete = 40,
            Narrative = LocalizedText.Create("合成进展", "Synthetic progress"),
        }, current.ETag);
        return stored.Value.RecordedAt!.Value;
    }
}
