using System.Net;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace DeltaSdk.Server.Tests.Storage;

public sealed class SqlitePlanStoreTests : PlanStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deltasdk-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqlitePlanStore> _stores = [];

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_with_the_schema_and_seed()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "store-0.db")}");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await mode.ExecuteScalarAsync());
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM tasks";
        Assert.Equal(40L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Data_survives_reopening_and_the_seed_is_not_loaded_twice()
    {
        var code = SyntheticPlanData.Code(11);
        await AppendAsync(code, 1, ImplementationStatus.Completed, new LocalDate(2024, 12, 1));
        var path = ((SqlitePlanStore)Store).DatabasePath;
        await ((SqlitePlanStore)Store).DisposeAsync();

        await using var reopened = new SqlitePlanStore(path, new PlanStoreSeed { Plans = [SyntheticPlanData.Plan(3) with { Id = PlanId.Parse("another-plan") }] });
        await reopened.InitializeAsync();
        Assert.Equal(SyntheticPlanData.PlanId, Assert.Single(await reopened.ListPlansAsync()).Id);
        var task = (await reopened.GetTaskAsync(SyntheticPlanData.PlanId, code))!;
        Assert.Equal(2, task.Version);
        Assert.Equal(ImplementationStatus.Completed, task.LatestReport!.Status);
    }

    [Fact]
    public async Task Reopening_the_file_keeps_the_whole_history_of_observations()
    {
        var observation = new Observation { Indicator = SyntheticPlanData.Indicator, Region = SyntheticPlanData.Zhejiang, Period = ReportingPeriod.ForYear(2025), Value = 1 };
        var since = Instant.FromUtc(2020, 1, 1, 0, 0);
        Assert.Equal(WriteOutcome.Written, (await Store.AddObservationsAsync(SyntheticPlanData.Indicator, [observation], 1, Instant.FromUtc(2025, 1, 1, 0, 0), null)).Outcome);
        Assert.Equal(WriteOutcome.Written, (await Store.AddObservationsAsync(SyntheticPlanData.Indicator, [observation with { Value = 2 }], 2, Instant.FromUtc(2025, 2, 1, 0, 0), null)).Outcome);
        var changes = (await Store.ListObservationsAsync(SyntheticPlanData.Indicator, new ObservationFilter { UpdatedSince = since }, null, 10))!.Items;
        var path = ((SqlitePlanStore)Store).DatabasePath;
        await ((SqlitePlanStore)Store).DisposeAsync();

        await using var reopened = new SqlitePlanStore(path, SyntheticPlanData.Seed());
        await reopened.InitializeAsync();
        Assert.Equal(3, (await reopened.GetIndicatorAsync(SyntheticPlanData.Indicator))!.Version);
        var revisions = (await reopened.ListObservationRevisionsAsync(SyntheticPlanData.Indicator, ReportingPeriod.ForYear(2025), SyntheticPlanData.Zhejiang, null, null, 10))!.Items;
        Assert.Equal([(1.0, 1, Instant.FromUtc(2025, 1, 1, 0, 0)), (2.0, 2, Instant.FromUtc(2025, 2, 1, 0, 0))], revisions.Select(static r => (r.Value, r.Revision!.Value, r.RecordedAt!.Value)));
        Assert.Equal(changes, (await reopened.ListObservationsAsync(SyntheticPlanData.Indicator, new ObservationFilter { UpdatedSince = since }, null, 10))!.Items);
        var asOf = (await reopened.ListObservationsAsync(SyntheticPlanData.Indicator, new ObservationFilter { Region = SyntheticPlanData.Zhejiang, AsOf = Instant.FromUtc(2025, 1, 15, 0, 0) }, null, 10))!.Items;
        Assert.Equal(1, Assert.Single(asOf).Value);

        // Reopening stamps nothing again: the seeded observations are still revision 1 of the one seed stamp.
        var seeded = (await reopened.ListObservationsAsync(SyntheticPlanData.Indicator, new ObservationFilter { Region = SyntheticPlanData.Jiangsu }, null, 10))!.Items;
        Assert.All(seeded, static o => Assert.Equal(1, o.Revision));
        Assert.Single(seeded.Select(static o => o.RecordedAt).Distinct());
    }

    [Fact]
    public async Task A_server_restarted_on_the_same_file_serves_what_was_posted()
    {
        var path = Path.Combine(_folder, "server.db");
        var code = SyntheticPlanData.Code(12);
        string etag;
        await using (var store = new SqlitePlanStore(path, SyntheticPlanData.Seed()))
        {
            await using var server = await TestServer.StartAsync(store);
            using var posted = await server.PostProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 8, 1), 55), await server.TaskETagAsync(code), idempotencyKey: "before-restart");
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            etag = posted.Headers.ETag!.ToString();
        }

        await using (var store = new SqlitePlanStore(path, SyntheticPlanData.Seed()))
        {
            await using var server = await TestServer.StartAsync(store);
            Assert.Equal(etag, await server.TaskETagAsync(code));
            using var progress = await server.Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{code}/progress");
            var page = await TestServer.ReadJsonAsync(progress);
            Assert.Equal(55, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("percentComplete").GetDouble());

            // The idempotency record is on disk too: a retry after the restart is still answered, not written again.
            using var retry = await server.PostProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 8, 1), 55), "\"v1\"", idempotencyKey: "before-restart");
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        }
    }

    [Fact]
    public async Task A_database_of_another_schema_version_is_refused_with_its_path()
    {
        var path = Path.Combine(_folder, "future.db");
        await using (var store = new SqlitePlanStore(path, PlanStoreSeed.Empty))
        {
            await store.InitializeAsync();
        }

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            await command.ExecuteNonQueryAsync();
        }

        await using var reopened = new SqlitePlanStore(path, PlanStoreSeed.Empty);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.InitializeAsync());
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_1_file_is_migrated_to_the_current_version_keeping_its_data()
    {
        var code = SyntheticPlanData.Code(14);
        await AppendAsync(code, 1, ImplementationStatus.Delayed, new LocalDate(2024, 5, 1));
        var city = SyntheticPlanData.Report(SyntheticPlanData.Code(15), ImplementationStatus.InProgress, new LocalDate(2024, 5, 1)) with { Region = SyntheticPlanData.Wujiang, RecordedAt = Instant.FromUtc(2025, 1, 1, 0, 0) };
        await Store.AppendProgressAsync(city, 1, null);
        var path = ((SqlitePlanStore)Store).DatabasePath;
        await ((SqlitePlanStore)Store).DisposeAsync();

        // What a version 1 server left behind: idempotency rows holding HTTP responses.
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                """
                DROP TABLE idempotency;
                CREATE TABLE idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, created_at TEXT NOT NULL, status INTEGER NOT NULL, location TEXT NULL, etag TEXT NULL, body BLOB NOT NULL);
                INSERT INTO idempotency VALUES ('old', 'f', '2024-01-01T00:00:00.000000000Z', 201, NULL, NULL, x'7B7D');
                DROP INDEX progress_latest_by_region;
                DROP INDEX progress_by_plan_in_change_order;
                ALTER TABLE progress DROP COLUMN region;
                DROP INDEX progress_in_change_order;
                ALTER TABLE progress DROP COLUMN seq;
                ALTER TABLE progress DROP COLUMN recorded_at;
                DROP TABLE change_clock;
                DROP TABLE observation_revisions;
                DROP TABLE indicator_versions;
                ALTER TABLE observations DROP COLUMN revision;
                ALTER TABLE observations DROP COLUMN seq;
                ALTER TABLE observations DROP COLUMN recorded_at;
                DROP TABLE plan_revisions;
                ALTER TABLE plans DROP COLUMN revision;
                UPDATE meta SET value = '1' WHERE key = 'schema_version';
                """;
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await using var reopened = new SqlitePlanStore(path, PlanStoreSeed.Empty);
        await reopened.InitializeAsync();
        Assert.Equal(2, (await reopened.GetTaskAsync(SyntheticPlanData.PlanId, code))!.Version);
        var keyed = await reopened.AppendProgressAsync(
            SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1)) with { RecordedAt = Instant.FromUtc(2025, 1, 1, 0, 0) },
            2,
            Idempotency("old", "f", Instant.FromUtc(2024, 1, 1, 0, 1)));
        Assert.Equal(WriteOutcome.Written, keyed.Outcome);

        await using var check = new SqliteConnection($"Data Source={path}");
        await check.OpenAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        Assert.Equal(SqlitePlanStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), await version.ExecuteScalarAsync());

        // Version 5 filled the region column from the stored documents: the city's report is its region's latest.
        var cityState = (await reopened.GetProgressStatesAsync(SyntheticPlanData.PlanId, [SyntheticPlanData.Code(15)], null))[SyntheticPlanData.Code(15)];
        Assert.Equal([SyntheticPlanData.Wujiang], cityState.LatestByRegion.Select(static r => r.Region!.Value));
        await using (var regions = check.CreateCommand())
        {
            regions.CommandText = "SELECT group_concat(coalesce(region, '-'), ',') FROM (SELECT region FROM progress ORDER BY id)";
            Assert.Equal("-,320509,-", await regions.ExecuteScalarAsync());
        }

        // Version 3's change clock stamped the two reports stored before it, in storing order from their own recording
        // time; version 6 then gave the plan its revision 1 just after
        // them, the stored observations became revision 1 after that, and the new report comes last.
        var plan = (await reopened.GetPlanRevisionAsync(SyntheticPlanData.PlanId, null))!;
        Assert.Equal(1, plan.Revision);
        var reports = (await reopened.ListProgressAsync(SyntheticPlanData.PlanId, code, null, 10))!.Items;
        Assert.Equal([Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromTicks(40)], reports.Select(static r => r.Report.RecordedAt!.Value));
        var observations = (await reopened.ListObservationsAsync(SyntheticPlanData.Indicator, new ObservationFilter(), null, 10))!.Items;
        Assert.Equal(SyntheticPlanData.Seed().Observations.Length, observations.Count);
        Assert.All(observations, static o => Assert.Equal((1, Instant.FromUtc(2025, 1, 1, 0, 0) + Duration.FromTicks(30)), (o.Revision!.Value, o.RecordedAt!.Value)));
        await using var stamps = check.CreateCommand();
        stamps.CommandText = "SELECT group_concat(seq || ':' || recorded_at, ',') FROM (SELECT seq, recorded_at FROM progress WHERE code = $code ORDER BY id)";
        stamps.Parameters.AddWithValue("$code", code.ToString());
        var micros = Instant.FromUtc(2025, 1, 1, 0, 0).ToUnixTimeTicks() / 10;
        Assert.Equal($"1:{micros},5:{micros + 4}", await stamps.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_stored_report_is_parsed_once_however_often_its_task_is_read()
    {
        // Synthetic: a narrative with 20,000 language tags (about 0.5 MB, under the 1 MiB body limit) is the report
        // whose re-parsing on every read made each later read of its task slow.
        var code = SyntheticPlanData.Code(13);
        var narrative = new LocalizedText(Enumerable.Range(0, 20_000).Select(static i => KeyValuePair.Create(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"en-x-t{i}"), "synthetic")));
        var report = SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1)) with { Narrative = narrative, RecordedAt = Instant.FromUtc(2025, 1, 1, 0, 0) };
        var store = (SqlitePlanStore)Store;
        var written = await store.AppendProgressAsync(report, 1, idempotency: null);
        Assert.Equal(WriteOutcome.Written, written.Outcome);
        var before = store.ReportParses;

        var first = (await store.GetTaskAsync(SyntheticPlanData.PlanId, code))!.LatestReport!;
        Assert.Equal(20_000, first.Narrative!.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Same(first, (await store.GetTaskAsync(SyntheticPlanData.PlanId, code))!.LatestReport);
            Assert.Same(first, Assert.Single((await store.ListTasksAsync(SyntheticPlanData.PlanId, new TaskFilter { Codes = [code] }, null, 10))!.Items).LatestReport);
            Assert.Same(first, Assert.Single((await store.ListProgressAsync(SyntheticPlanData.PlanId, code, null, 10))!.Items).Report);
            Assert.Same(first, (await store.GetProgressAsync(SyntheticPlanData.PlanId, code, written.Value!.Report.Id))!.Report);
        }

        Assert.Equal(1, store.ReportParses - before);
    }

    [Fact]
    public async Task A_write_to_the_file_by_anyone_else_changes_the_stamp_within_the_check_interval()
    {
        var path = ((SqlitePlanStore)Store).DatabasePath;
        var before = await Store.GetTasksStampAsync();

        // Another writer of the same file: a plain connection, as another process or a maintenance script would be.
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var bump = connection.CreateCommand();
            bump.CommandText = "UPDATE tasks SET version = version + 1 WHERE rowid = (SELECT min(rowid) FROM tasks)";
            Assert.Equal(1, await bump.ExecuteNonQueryAsync());
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (await Store.GetTasksStampAsync() == before)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "The stamp did not notice a commit by another connection.");
            await Task.Delay(5);
        }
    }

    protected override Task<IPlanStore> CreateStoreAsync(PlanStoreSeed seed)
    {
        var store = new SqlitePlanStore(Path.Combine(_folder, $"store-{_stores.Count}.db"), seed);
        _stores.Add(store);
        return Task.FromResult<IPlanStore>(store);
    }
}
