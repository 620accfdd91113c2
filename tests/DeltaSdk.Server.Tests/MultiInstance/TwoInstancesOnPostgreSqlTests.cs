using System.Diagnostics;
using DeltaSdk.Client;
using DeltaSdk.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DeltaSdk.Server.Tests.MultiInstance;

/// <summary>
/// Two sample server processes on one PostgreSQL database, driven by the real <see cref="DeltaClient"/>: every
/// guarantee holds across instances because the database enforces it.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TwoInstancesOnPostgreSqlTests(PostgreSqlCluster cluster) : IAsyncLifetime
{
    /// <summary>Far above the milliseconds a notification takes on one machine, so that a loaded test machine passes.</summary>
    private static readonly TimeSpan StalenessBound = TimeSpan.FromSeconds(5);

    private readonly List<ServiceProvider> _providers = [];
    private PlanServerProcess _first = null!;
    private PlanServerProcess _second = null!;
    private DeltaClient _a = null!;
    private DeltaClient _b = null!;
    private PlanId _plan;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>
        {
            ["DeltaServer__Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__DeltaPlan"] = await cluster.CreateDatabaseAsync(),
        };

        // Started together, so that both migrate and seed at once: the advisory lock lets one do it.
        var servers = await Task.WhenAll(PlanServerProcess.StartAsync(environment), PlanServerProcess.StartAsync(environment));
        (_first, _second) = (servers[0], servers[1]);
        _a = Client(_first.BaseAddress);
        _b = Client(_second.BaseAddress);
        _plan = (await _a.GetPlansPageAsync()).Items[0].Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await (_first?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_second?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    /// <summary>
    /// One test over one pair of processes (starting them is the slow part): seeding, If-Match, Idempotency-Key and
    /// paging, each checked by a step of its own.
    /// </summary>
    [Fact]
    public async Task Every_guarantee_holds_across_two_server_processes_on_one_database()
    {
        await Both_instances_serve_one_seeded_database();
        await Of_concurrent_writers_with_one_etag_split_across_instances_exactly_one_wins_and_none_is_lost();
        await One_idempotency_key_sent_to_both_instances_writes_once();
        await A_page_started_on_one_instance_continues_on_the_other();
        await A_write_on_one_instance_is_read_on_the_other_within_the_notification_delay();
        await A_catalogue_write_on_one_instance_reaches_the_other_catalog();
    }

    private async Task Both_instances_serve_one_seeded_database()
    {
        var fromA = await _a.GetPlansPageAsync();
        var fromB = await _b.GetPlansPageAsync();
        Assert.Equal(fromA.Items.Select(static p => p.Id), fromB.Items.Select(static p => p.Id));
        Assert.Single(fromA.Items);
    }

    private async Task Of_concurrent_writers_with_one_etag_split_across_instances_exactly_one_wins_and_none_is_lost()
    {
        var code = await TaskCodeAsync(0);
        var etag = (await _a.GetTaskAsync(_plan, code)).ETag;
        var attempts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => TryPostAsync(i % 2 == 0 ? _a : _b, code, etag, i)));
        Assert.Single(attempts, static won => won);

        // Writers that retry on 412 (read the new ETag, post again) all get through, each exactly once.
        var writers = Enumerable.Range(10, 6).Select(i => PostWithRetryAsync(i % 2 == 0 ? _a : _b, i % 2 == 0 ? _b : _a, code, i));
        await Task.WhenAll(writers);
        var reports = await _b.ListProgressAsync(_plan, code).ToListAsync();
        Assert.Equal(7, reports.Count);
        Assert.Equal(7, reports.Select(static r => r.Narrative!.EnglishText).Distinct().Count());
        Assert.Equal((await _a.GetTaskAsync(_plan, code)).ETag, (await _b.GetTaskAsync(_plan, code)).ETag);
    }

    private async Task One_idempotency_key_sent_to_both_instances_writes_once()
    {
        var code = await TaskCodeAsync(1);
        var etag = (await _b.GetTaskAsync(_plan, code)).ETag;
        var key = "two-instance-" + Guid.NewGuid().ToString("N");
        var report = Report(code, 1);
        var results = await Task.WhenAll(
            _a.PostProgressAsync(_plan, code, report, etag, key),
            _b.PostProgressAsync(_plan, code, report, etag, key),
            _a.PostProgressAsync(_plan, code, report, etag, key));

        Assert.Single(results.Select(static r => r.ETag).Distinct());
        Assert.Single(results.Select(static r => r.Value.RecordedAt).Distinct());
        Assert.Single(await _a.ListProgressAsync(_plan, code).ToListAsync());
    }

    private async Task A_page_started_on_one_instance_continues_on_the_other()
    {
        var query = new TaskQuery { PageSize = 7 };
        var whole = await _a.ListTasksAsync(_plan, new TaskQuery { PageSize = 200 }).Select(static t => t.Task.Code).ToListAsync();
        var codes = new List<TaskCode>();
        string? token = null;
        var instance = 0;
        do
        {
            var page = await (instance++ % 2 == 0 ? _a : _b).GetTasksPageAsync(_plan, query, token);
            codes.AddRange(page.Items.Select(static t => t.Task.Code));
            token = page.NextPageToken;
        }
        while (token is not null);

        Assert.True(instance > 2, "The plan should span several pages of 7.");
        Assert.Equal(whole, codes);
    }

    /// <summary>
    /// B keeps the bytes of its hot reads and learns of A's writes by the notification PostgreSQL sends at commit,
    /// so B may answer from what it kept until that arrives: the test allows it a bounded time (see plan-server.md).
    /// </summary>
    private async Task A_write_on_one_instance_is_read_on_the_other_within_the_notification_delay()
    {
        var code = await TaskCodeAsync(2);
        var delayed = new TaskQuery { Status = ImplementationStatus.Delayed, PageSize = 50 };
        var before = await _b.GetTaskAsync(_plan, code);
        Assert.Equal(before.ETag, (await _b.GetTaskAsync(_plan, code)).ETag);
        Assert.DoesNotContain(code, (await _b.GetTasksPageAsync(_plan, delayed)).Items.Select(static t => t.Task.Code));

        var written = await _a.PostProgressAsync(_plan, code, Report(code, 3) with { Status = ImplementationStatus.Delayed }, before.ETag);
        Assert.NotEqual(before.ETag, written.ETag);

        var watch = Stopwatch.StartNew();
        while ((await _b.GetTaskAsync(_plan, code)).ETag != written.ETag)
        {
            Assert.True(watch.Elapsed < StalenessBound, $"Instance B still served the task's old ETag {watch.Elapsed} after A's write.");
            await Task.Delay(5);
        }

        // The page was kept under the same stamp, so it is fresh by now as well.
        Assert.Contains(code, (await _b.GetTasksPageAsync(_plan, delayed)).Items.Select(static t => t.Task.Code));
    }

    /// <summary>
    /// A's plan write changes the plans row, whose trigger notifies as a task write does, so B reloads its catalog (the
    /// plan in memory) on its first read after the notification; a row naming a task B's catalog lacks reloads it too.
    /// </summary>
    private async Task A_catalogue_write_on_one_instance_reaches_the_other_catalog()
    {
        var before = await _b.GetVersionedPlanAsync(_plan);
        var aspect = before.Value.Aspects[1].Id;
        var task = new KeyTask { Code = TaskCode.Parse("SYNTHETIC-PG-1"), Aspect = aspect, Title = LocalizedText.Create("合成任务", "Synthetic task") };

        var added = await _a.PutTaskAsync(_plan, task, ifMatch: null);
        var afterOnA = await _a.GetVersionedPlanAsync(_plan);
        Assert.NotEqual(before.ETag, afterOnA.ETag);

        var watch = Stopwatch.StartNew();
        while ((await _b.GetVersionedPlanAsync(_plan)).ETag != afterOnA.ETag)
        {
            Assert.True(watch.Elapsed < StalenessBound, $"Instance B still served the plan's old revision {watch.Elapsed} after A's write.");
            await Task.Delay(5);
        }

        Assert.Contains((await _b.GetPlanAsync(_plan)).Aspects[1].Tasks, t => t.Code == task.Code);
        Assert.Equal(added.ETag, (await _b.GetTaskAsync(_plan, task.Code)).ETag);
        Assert.Equal(task.Code, (await _b.ListTasksAsync(_plan, new TaskQuery { PageSize = 200 }).ToListAsync())[^1].Task.Code);
        Assert.Equal(2, (await _b.ListPlanRevisionsAsync(_plan).ToListAsync()).Count);

        // B's writer holding the old ETag loses, as one on A would.
        var stale = await Assert.ThrowsAsync<DeltaConflictException>(() => _b.SubmitPlanAsync(before.Value, before.ETag));
        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    private async Task<TaskCode> TaskCodeAsync(int index)
        => (await _a.GetTasksPageAsync(_plan, new TaskQuery { PageSize = 10 })).Items[index].Task.Code;

    private async Task<bool> TryPostAsync(DeltaClient client, TaskCode code, DeltaSdk.Api.ETag etag, int writer)
    {
        try
        {
            await client.PostProgressAsync(_plan, code, Report(code, writer), etag);
            return true;
        }
        catch (DeltaConflictException)
        {
            return false;
        }
    }

    private async Task PostWithRetryAsync(DeltaClient reader, DeltaClient writer, TaskCode code, int number)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await TryPostAsync(writer, code, (await reader.GetTaskAsync(_plan, code)).ETag, number))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Writer {number} lost 50 races in a row.");
    }

    /// <summary>A synthetic report, told apart from the others by its narrative.</summary>
    private ProgressReport Report(TaskCode code, int writer) => new()
    {
        Plan = _plan,
        Task = code,
        ReportedOn = new LocalDate(2025, 3, 31),
        Period = ReportingPeriod.ForQuarter(2025, 1),
        Status = ImplementationStatus.InProgress,
        PercentComplete = writer,
        Narrative = LocalizedText.Create($"合成进展 {writer}", $"Synthetic progress {writer}"),
    };

    private DeltaClient Client(Uri baseAddress)
    {
        var services = new ServiceCollection();
        services.AddDeltaClient(options =>
        {
            options.BaseAddress = baseAddress;
            options.ApiKey = PlanServerProcess.WriterKey;
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<DeltaClient>();
    }
}
