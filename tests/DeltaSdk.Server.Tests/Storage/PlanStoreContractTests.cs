using System.Net;
using DeltaSdk.Api;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Storage;

/// <summary>The behaviour every <see cref="IPlanStore"/> shares; each store's test class runs these against it.</summary>
public abstract partial class PlanStoreContractTests : IAsyncLifetime
{
    private static readonly Plan Plan = SyntheticPlanData.Plan(40);
    private static readonly PlanId PlanId = SyntheticPlanData.PlanId;
    private static readonly Instant Now = Instant.FromUtc(2025, 1, 1, 0, 0);

    protected IPlanStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(new PlanStoreSeed { Plans = [Plan], Regions = SyntheticPlanData.Regions(), Observations = SyntheticPlanData.Seed().Observations });
        await Store.InitializeAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Through the HTTP API: the store's own check of the version (a row lock in a SQL store) lets one writer win.</summary>
    [Fact]
    public async Task Concurrent_http_writers_with_one_etag_get_one_201_and_412s()
    {
        await using var server = await TestServer.StartAsync(Store);
        var code = SyntheticPlanData.Code(13);
        var etag = await server.TaskETagAsync(code);
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => server.PostProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 2, i), i), etag)));
        Assert.Single(responses, static r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(5, responses.Count(static r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Pages_of_tasks_join_up_to_the_plan_order()
    {
        var codes = new List<TaskCode>();
        string? continuation = null;
        do
        {
            var page = (await Store.ListTasksAsync(PlanId, TaskFilter.All, continuation, 6))!;
            codes.AddRange(page.Items.Select(static t => t.Task.Code));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(Plan.AllTasks.Select(static t => t.Code), codes);
        var exact = (await Store.ListTasksAsync(PlanId, TaskFilter.All, null, Plan.CataloguedTaskCount))!;
        Assert.Null(exact.Continuation);
        Assert.Null(await Store.ListTasksAsync(PlanId.Parse("other-plan"), TaskFilter.All, null, 5));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var shanghai = Plan.AllTasks.Where(static t => t.Regions.Contains(SyntheticPlanData.Shanghai)).Select(static t => t.Code).ToList();
        var filter = new TaskFilter { Aspect = SyntheticPlanData.AspectOf(1), Keywords = ["even"], Codes = [.. shanghai] };
        var page = (await Store.ListTasksAsync(PlanId, filter, null, 100))!;
        var expected = Plan.AllTasks.Where(t => t.Aspect == SyntheticPlanData.AspectOf(1) && t.Tags.Contains("even") && shanghai.Contains(t.Code)).Select(static t => t.Code);
        Assert.NotEmpty(page.Items);
        Assert.Equal(expected, page.Items.Select(static t => t.Task.Code));

        Assert.Empty((await Store.ListTasksAsync(PlanId, new TaskFilter { Codes = [] }, null, 100))!.Items);
        var keywords = (await Store.ListTasksAsync(PlanId, new TaskFilter { Keywords = ["rail", "铁路"] }, null, 100))!;
        Assert.Equal(Plan.AllTasks.Where(static t => t.Title.EnglishText!.Contains("rail", StringComparison.Ordinal)).Select(static t => t.Code), keywords.Items.Select(static t => t.Task.Code));
    }

    [Fact]
    public async Task A_malformed_continuation_is_a_FormatException()
    {
        await Assert.ThrowsAsync<FormatException>(() => Store.ListTasksAsync(PlanId, TaskFilter.All, "x", 5));
        await Assert.ThrowsAsync<FormatException>(() => Store.ListProgressAsync(PlanId, SyntheticPlanData.Code(1), "2024-01-01", 5));
    }

    [Fact]
    public async Task Appending_checks_the_version_and_bumps_it()
    {
        var code = SyntheticPlanData.Code(1);
        var written = await AppendAsync(code, 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1));
        Assert.Equal(WriteOutcome.Written, written.Outcome);
        Assert.Equal(2, written.Value!.TaskVersion);
        Assert.Equal(ImplementationStatus.InProgress, written.Value.Report.Report.Status);

        var stale = await AppendAsync(code, 1, ImplementationStatus.Completed, new LocalDate(2024, 7, 1));
        Assert.Equal(WriteOutcome.VersionMismatch, stale.Outcome);
        Assert.Equal(2, stale.CurrentVersion);

        var task = (await Store.GetTaskAsync(PlanId, code))!;
        Assert.Equal(2, task.Version);
        Assert.Equal(ImplementationStatus.InProgress, task.LatestReport!.Status);
        Assert.Equal(WriteOutcome.NotFound, (await AppendAsync(TaskCode.Parse("NOPE"), 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1))).Outcome);
    }

    [Fact]
    public async Task The_tasks_stamp_changes_with_every_written_task_change_and_only_then()
    {
        var code = SyntheticPlanData.Code(3);
        var start = await Store.GetTasksStampAsync();
        Assert.Equal(start, await Store.GetTasksStampAsync());

        Assert.Equal(WriteOutcome.Written, (await AppendAsync(code, 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1))).Outcome);
        var afterFirst = await Store.GetTasksStampAsync();
        Assert.NotEqual(start, afterFirst);

        Assert.Equal(WriteOutcome.VersionMismatch, (await AppendAsync(code, 1, ImplementationStatus.Completed, new LocalDate(2024, 7, 1))).Outcome);
        Assert.Equal(afterFirst, await Store.GetTasksStampAsync());

        Assert.Equal(WriteOutcome.Written, (await AppendAsync(SyntheticPlanData.Code(4), 1, ImplementationStatus.Delayed, new LocalDate(2024, 3, 1))).Outcome);
        Assert.NotEqual(afterFirst, await Store.GetTasksStampAsync());
    }

    [Fact]
    public async Task A_backdated_report_is_listed_in_date_order_but_does_not_become_the_latest()
    {
        var code = SyntheticPlanData.Code(2);
        await AppendAsync(code, 1, ImplementationStatus.Delayed, new LocalDate(2024, 9, 1));
        await AppendAsync(code, 2, ImplementationStatus.NotStarted, new LocalDate(2024, 3, 1));
        await AppendAsync(code, 3, ImplementationStatus.InProgress, new LocalDate(2024, 9, 1));

        var task = (await Store.GetTaskAsync(PlanId, code))!;
        Assert.Equal(4, task.Version);
        Assert.Equal(ImplementationStatus.InProgress, task.LatestReport!.Status);

        var first = (await Store.ListProgressAsync(PlanId, code, null, 2))!;
        var rest = (await Store.ListProgressAsync(PlanId, code, first.Continuation, 2))!;
        Assert.Null(rest.Continuation);
        Assert.Equal(
            [ImplementationStatus.NotStarted, ImplementationStatus.Delayed, ImplementationStatus.InProgress],
            first.Items.Concat(rest.Items).Select(static r => r.Report.Status));

        var latest = (await Store.ListTasksAsync(PlanId, new TaskFilter { Status = ImplementationStatus.InProgress }, null, 100))!;
        Assert.Equal(code, Assert.Single(latest.Items).Task.Code);
        var stored = first.Items[0];
        Assert.Equal(stored, await Store.GetProgressAsync(PlanId, code, stored.Id));
        Assert.Null(await Store.GetProgressAsync(PlanId, SyntheticPlanData.Code(3), stored.Id));
    }

    /// <summary>
    /// The change clock: a report is recorded at the writer's clock to the microsecond, or just after the write before it
    /// when that clock is behind (another instance's clock, or a step back), so recording times rise in commit order.
    /// </summary>
    [Fact]
    public async Task Recording_times_rise_with_every_write_even_when_the_writer_clock_steps_back()
    {
        var code = SyntheticPlanData.Code(11);
        var clock = new[]
        {
            Now + Duration.FromNanoseconds(1_999),   // truncated to 1 µs
            Now - Duration.FromHours(1),            // behind: 1 µs after the write before
            Now - Duration.FromHours(2),
            Now + Duration.FromMinutes(5),          // ahead again: its own time
        };
        var recorded = new List<Instant>();
        for (var i = 0; i < clock.Length; i++)
        {
            var written = await Store.AppendProgressAsync(
                SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1 + i)) with { RecordedAt = clock[i] },
                i + 1,
                Idempotency("clock-" + i, "f" + i, Now));
            Assert.Equal(WriteOutcome.Written, written.Outcome);
            recorded.Add(written.Value!.Report.Report.RecordedAt!.Value);
        }

        var micro = Duration.FromTicks(10);
        Assert.Equal([Now + micro, Now + 2 * micro, Now + 3 * micro, Now + Duration.FromMinutes(5)], recorded);

        var listed = (await Store.ListProgressAsync(PlanId, code, null, 10))!.Items.Select(static r => r.Report.RecordedAt!.Value);
        Assert.Equal(recorded, listed);

        // A replay answers the first write's report, recorded time and all, whatever the clock says now.
        var replay = await Store.AppendProgressAsync(
            SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1)) with { RecordedAt = Now + Duration.FromDays(1) },
            1,
            Idempotency("clock-0", "f0", Now));
        Assert.Equal(WriteOutcome.Replayed, replay.Outcome);
        Assert.Equal(recorded[0], replay.Value!.Report.Report.RecordedAt);
    }

    [Fact]
    public async Task Of_concurrent_appends_at_one_version_exactly_one_is_written()
    {
        var code = SyntheticPlanData.Code(7);
        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run(() => AppendAsync(code, 1, ImplementationStatus.InProgress, new LocalDate(2024, 1, i)))));
        Assert.Single(results, static r => r.Outcome == WriteOutcome.Written);
        Assert.Equal(9, results.Count(static r => r.Outcome == WriteOutcome.VersionMismatch));
        Assert.Single((await Store.ListProgressAsync(PlanId, code, null, 50))!.Items);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_kept_response_until_it_expires()
    {
        var code = SyntheticPlanData.Code(9);
        var key = Idempotency("k1", "fingerprint-a", Now);
        var first = await AppendAsync(code, 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1), key);
        var replay = await AppendAsync(code, 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1), key);
        var reused = await AppendAsync(code, 2, ImplementationStatus.Completed, new LocalDate(2024, 6, 1), Idempotency("k1", "fingerprint-b", Now));

        Assert.Equal(WriteOutcome.Written, first.Outcome);
        Assert.Equal(WriteOutcome.Replayed, replay.Outcome);
        Assert.Equal(first.Value, replay.Value);
        Assert.Equal(WriteOutcome.IdempotencyKeyReused, reused.Outcome);

        var later = await AppendAsync(code, 2, ImplementationStatus.InProgress, new LocalDate(2024, 6, 2), Idempotency("k1", "fingerprint-b", Now + Duration.FromHours(25)));
        Assert.Equal(WriteOutcome.Written, later.Outcome);
        Assert.Equal(2, (await Store.ListProgressAsync(PlanId, code, null, 50))!.Items.Count);
    }

    [Fact]
    public async Task A_replayed_observation_write_returns_the_first_counts_and_writes_nothing()
    {
        var indicator = SyntheticPlanData.Indicator;
        Observation[] batch = [new() { Indicator = indicator, Region = SyntheticPlanData.Zhejiang, Period = ReportingPeriod.ForYear(2025), Value = 1 }];
        var key = Idempotency("obs", "f-obs", Now);
        var first = await Store.AddObservationsAsync(indicator, batch, key);
        var again = await Store.AddObservationsAsync(indicator, [batch[0] with { Value = 2 }], key);
        Assert.Equal(WriteOutcome.Written, first.Outcome);
        Assert.Equal(WriteOutcome.Replayed, again.Outcome);
        Assert.Equal(new ObservationWriteResult { Indicator = indicator, Inserted = 1, Replaced = 0 }, again.Value);
        var stored = (await Store.ListObservationsAsync(indicator, new ObservationFilter { Region = SyntheticPlanData.Zhejiang, From = ReportingPeriod.ForYear(2025) }, null, 10))!;
        Assert.Equal(1, Assert.Single(stored.Items).Value);

        var progressKeyOnObservations = await AppendAsync(SyntheticPlanData.Code(10), 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1), Idempotency("obs", "f-other", Now));
        Assert.Equal(WriteOutcome.IdempotencyKeyReused, progressKeyOnObservations.Outcome);
        Assert.Equal(1, (await Store.GetTaskAsync(PlanId, SyntheticPlanData.Code(10)))!.Version);
    }

    [Fact]
    public async Task Regions_page_and_filter_and_the_table_comes_back_whole()
    {
        var regions = SyntheticPlanData.Regions();
        var first = await Store.ListRegionsAsync(new RegionFilter(), null, 4);
        var rest = await Store.ListRegionsAsync(new RegionFilter(), first.Continuation, 4);
        Assert.Null(rest.Continuation);
        Assert.Equal(regions.Regions, first.Items.Concat(rest.Items));
        var districts = await Store.ListRegionsAsync(new RegionFilter { Level = RegionLevel.District, Parent = SyntheticPlanData.Suzhou }, null, 10);
        Assert.Equal(SyntheticPlanData.Wujiang, Assert.Single(districts.Items).Code);
        var table = await Store.GetRegionTableAsync();
        Assert.Equal(regions.Groups.Select(static g => g.Id), table.Groups.Select(static g => g.Id));
    }

    [Fact]
    public async Task Observations_upsert_by_scope_and_period_and_page_in_period_order()
    {
        var indicator = SyntheticPlanData.Indicator;
        Observation New(RegionCode region, ReportingPeriod period, double value) => new() { Indicator = indicator, Region = region, Period = period, Value = value };
        var result = await Store.AddObservationsAsync(
            indicator,
            [New(SyntheticPlanData.Shanghai, ReportingPeriod.ForYear(2024), 99), New(SyntheticPlanData.Zhejiang, ReportingPeriod.ForHalf(2024, 1), 5)],
            null);
        Assert.Equal((1, 1), (result.Value!.Inserted, result.Value.Replaced));

        var periods = new List<string>();
        string? continuation = null;
        do
        {
            var page = (await Store.ListObservationsAsync(indicator, new ObservationFilter(), continuation, 2))!;
            periods.AddRange(page.Items.Select(static o => $"{o.Period}:{o.Region}:{o.Value}"));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(["2023:310000:10", "2024:310000:99", "2024:320000:20", "2024-H1:330000:5", "2024-Q3:320000:6"], periods);
        var filtered = (await Store.ListObservationsAsync(indicator, new ObservationFilter { Region = SyntheticPlanData.Jiangsu, From = ReportingPeriod.ForHalf(2024, 2) }, null, 10))!;
        Assert.Equal(6, Assert.Single(filtered.Items).Value);
        Assert.Null(await Store.ListObservationsAsync(IndicatorId.Parse("nothing"), new ObservationFilter(), null, 10));
        Assert.Equal(WriteOutcome.NotFound, (await Store.AddObservationsAsync(IndicatorId.Parse("nothing"), [], null)).Outcome);
    }

    [Fact]
    public async Task Plans_and_indicators_come_from_the_seed()
    {
        var summary = Assert.Single(await Store.ListPlansAsync());
        Assert.Equal(PlanSummary.From(Plan), summary);
        Assert.Equal(Plan.Id, (await Store.GetPlanAsync(PlanId))!.Id);
        Assert.Null(await Store.GetPlanAsync(PlanId.Parse("nothing")));
        Assert.Equal(SyntheticPlanData.Indicator, Assert.Single(await Store.ListIndicatorsAsync()).Id);
    }

    [Fact]
    public async Task A_seed_with_a_task_code_twice_is_refused()
    {
        var task = Plan.AllTasks.First();
        var broken = Plan with { UnassignedTasks = [.. Plan.UnassignedTasks, task] };
        var store = await CreateStoreAsync(new PlanStoreSeed { Plans = [broken] });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
        Assert.Contains(task.Code.ToString(), error.Message, StringComparison.Ordinal);
    }

    protected abstract Task<IPlanStore> CreateStoreAsync(PlanStoreSeed seed);

    protected static IdempotencyRequest Idempotency(string key, string fingerprint, Instant receivedAt)
        => new() { Key = key, Fingerprint = fingerprint, ReceivedAt = receivedAt, Lifetime = Duration.FromHours(24) };

    protected Task<WriteResult<AppendedProgress>> AppendAsync(TaskCode code, long expectedVersion, ImplementationStatus status, LocalDate reportedOn, IdempotencyRequest? idempotency = null)
        => Store.AppendProgressAsync(SyntheticPlanData.Report(code, status, reportedOn) with { RecordedAt = Now }, expectedVersion, idempotency);
}
