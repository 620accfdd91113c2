using System.Net;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using Npgsql;
using NodaTime;

namespace DeltaSdk.Server.Tests.Storage;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlPlanStoreTests(PostgreSqlCluster cluster) : PlanStoreContractTests
{
    private readonly List<PostgreSqlPlanStore> _stores = [];
    private string _connectionString = string.Empty;

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_schema_is_at_the_latest_version_and_seeded_once_when_instances_start_together()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlPlanStore(connectionString, SyntheticPlanData.Seed())).ToList();
        _stores.AddRange(stores);
        await Task.WhenAll(stores.Select(static s => Task.Run(() => s.InitializeAsync())));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var versions = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM deltasdk_schema", connection);
        Assert.Equal(Enumerable.Range(1, PostgreSqlPlanStore.SchemaVersion), (int[])(await versions.ExecuteScalarAsync())!);
        await using var tasks = new NpgsqlCommand("SELECT count(*) FROM tasks", connection);
        Assert.Equal((long)SyntheticPlanData.Seed().Plans.Single().AllTasks.Count(), await tasks.ExecuteScalarAsync());
        await using var seeded = new NpgsqlCommand("SELECT count(*) FROM meta WHERE key = 'seeded_at'", connection);
        Assert.Equal(1L, await seeded.ExecuteScalarAsync());
    }

    /// <summary>
    /// Instances whose clocks disagree by hours write at once: the change clock still hands out one gapless sequence,
    /// and recording times that rise with it, which is what lets an updatedSince reader trust the order.
    /// </summary>
    [Fact]
    public async Task Instances_with_skewed_clocks_writing_at_once_get_one_sequence_and_rising_times()
    {
        var stores = Enumerable.Range(0, 3).Select(_ => new PostgreSqlPlanStore(_connectionString, PlanStoreSeed.Empty)).ToList();
        _stores.AddRange(stores);
        var now = Instant.FromUtc(2025, 3, 1, 0, 0);
        var writes = Enumerable.Range(1, 30).Select(i => Task.Run(async () =>
        {
            var store = stores[i % stores.Count];
            var skewed = now - Duration.FromHours(i % stores.Count * 3);
            var written = await store.AppendProgressAsync(
                SyntheticPlanData.Report(SyntheticPlanData.Code(i), ImplementationStatus.InProgress, new LocalDate(2024, 6, 1)) with { RecordedAt = skewed }, 1, idempotency: null);
            Assert.Equal(WriteOutcome.Written, written.Outcome);
        }));
        await Task.WhenAll(writes);

        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT seq, recorded_at FROM progress ORDER BY seq", connection);
        var stamps = new List<(long Seq, long RecordedAt)>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stamps.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        // The seed's plan revision took the first stamp; the writes then get one gapless run after it.
        Assert.Equal(Enumerable.Range(2, 30).Select(static i => (long)i), stamps.Select(static s => s.Seq));
        Assert.All(stamps.Zip(stamps.Skip(1)), static pair => Assert.True(pair.Second.RecordedAt > pair.First.RecordedAt, $"seq {pair.Second.Seq} is not recorded after seq {pair.First.Seq}"));
    }

    [Fact]
    public async Task Writes_on_one_store_are_seen_by_another_on_the_same_database()
    {
        var code = SyntheticPlanData.Code(11);
        await AppendAsync(code, 1, ImplementationStatus.Completed, new LocalDate(2024, 12, 1), Idempotency("shared", "f", Instant.FromUtc(2025, 1, 1, 0, 0)));
        var other = new PostgreSqlPlanStore(_connectionString, new PlanStoreSeed { Plans = [SyntheticPlanData.Plan(3) with { Id = PlanId.Parse("another-plan") }] });
        _stores.Add(other);
        Assert.Equal(SyntheticPlanData.PlanId, Assert.Single(await other.ListPlansAsync()).Id);
        var task = (await other.GetTaskAsync(SyntheticPlanData.PlanId, code))!;
        Assert.Equal(2, task.Version);
        Assert.Equal(ImplementationStatus.Completed, task.LatestReport!.Status);

        var replay = await other.AppendProgressAsync(
            SyntheticPlanData.Report(code, ImplementationStatus.Completed, new LocalDate(2024, 12, 1)) with { RecordedAt = Instant.FromUtc(2025, 1, 1, 0, 0) },
            1,
            Idempotency("shared", "f", Instant.FromUtc(2025, 1, 1, 0, 1)));
        Assert.Equal(WriteOutcome.Replayed, replay.Outcome);
        Assert.Equal(2, replay.Value!.TaskVersion);
        await other.CheckHealthAsync();
    }

    [Fact]
    public async Task Another_stores_write_changes_this_stores_stamp_by_notification_without_a_query()
    {
        var writer = await CreateStoreAsync(SyntheticPlanData.Seed());
        var reader = new PostgreSqlPlanStore(_connectionString, SyntheticPlanData.Seed());
        _stores.Add(reader);
        await reader.InitializeAsync();
        Assert.True(reader.Stamp.IsListening);
        var listener = reader.Stamp.ListenerProcessId;
        var before = await reader.GetTasksStampAsync();
        Assert.True(before < 0, "A listening store's stamp is not read from the database (those are not negative).");

        // Quiet for longer than the check interval: the connection is checked, not dropped, and the stamp holds.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.True(reader.Stamp.IsListening);
        Assert.Equal(listener, reader.Stamp.ListenerProcessId);
        Assert.Equal(before, await reader.GetTasksStampAsync());

        var code = SyntheticPlanData.Code(5);
        Assert.Equal(WriteOutcome.Written, (await writer.AppendProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 5, 1)) with { RecordedAt = Instant.FromUtc(2025, 1, 1, 0, 0) }, 1, null)).Outcome);
        await WaitUntilAsync(async () => await reader.GetTasksStampAsync() != before, "the reader's stamp to change after the writer's commit");
    }

    [Fact]
    public async Task After_its_listening_connection_is_killed_a_store_listens_again_and_misses_no_write()
    {
        var writer = await CreateStoreAsync(SyntheticPlanData.Seed());
        var reader = new PostgreSqlPlanStore(_connectionString, SyntheticPlanData.Seed());
        _stores.Add(reader);
        await reader.InitializeAsync();
        var listener = reader.Stamp.ListenerProcessId;
        var before = await reader.GetTasksStampAsync();

        // Kill the listening backend, then write at once: the notification of this write may never reach the reader.
        await using (var admin = new NpgsqlConnection(_connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
            kill.Parameters.AddWithValue("pid", listener);
            Assert.True((bool)(await kill.ExecuteScalarAsync())!);
        }

        var code = SyntheticPlanData.Code(6);
        Assert.Equal(WriteOutcome.Written, (await writer.AppendProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.Delayed, new LocalDate(2024, 5, 1)) with { RecordedAt = Instant.FromUtc(2025, 1, 1, 0, 0) }, 1, null)).Outcome);

        // Whether read from the database meanwhile or bumped on reconnecting, the stamp moves on; and it listens again.
        await WaitUntilAsync(async () => await reader.GetTasksStampAsync() != before, "the reader's stamp to change after the write");
        await WaitUntilAsync(() => Task.FromResult(reader.Stamp.IsListening && reader.Stamp.ListenerProcessId != listener), "the reader to listen on a new connection");
        var listening = await reader.GetTasksStampAsync();
        Assert.Equal(WriteOutcome.Written, (await writer.AppendProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.Completed, new LocalDate(2024, 6, 1)) with { RecordedAt = Instant.FromUtc(2025, 1, 1, 0, 0) }, 2, null)).Outcome);
        await WaitUntilAsync(async () => await reader.GetTasksStampAsync() != listening, "the reader's stamp to change after a write on the new connection");
    }

    [Fact]
    public async Task A_store_that_cannot_listen_reads_the_stamp_from_the_database()
    {
        // A port nobody listens on: the first LISTEN fails at once, and the stamp comes from the query it is given.
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={UnusedPort()};Timeout=2");
        await using var stamp = new PostgreSqlTasksStamp(dataSource);
        await stamp.StartAsync(CancellationToken.None);
        Assert.False(stamp.IsListening);
        Assert.Equal(42L, await stamp.GetAsync(static _ => Task.FromResult(42L), CancellationToken.None));
    }

    [Fact]
    public async Task A_database_of_a_newer_schema_version_is_refused()
    {
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("INSERT INTO deltasdk_schema (version) VALUES (99)", connection);
            await command.ExecuteNonQueryAsync();
        }

        var reopened = new PostgreSqlPlanStore(_connectionString, PlanStoreSeed.Empty);
        _stores.Add(reopened);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reopened.InitializeAsync());
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Waited {watch.Elapsed} for {what}.");
            await Task.Delay(10);
        }
    }

    private static int UnusedPort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    protected override async Task<IPlanStore> CreateStoreAsync(PlanStoreSeed seed)
    {
        _connectionString = await cluster.CreateDatabaseAsync();
        var store = new PostgreSqlPlanStore(_connectionString, seed);
        _stores.Add(store);
        return store;
    }
}
