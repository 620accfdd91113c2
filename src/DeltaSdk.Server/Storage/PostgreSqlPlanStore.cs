using System.Globalization;
using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;
using DeltaSdk.Api;
using DeltaSdk.Server.Http;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// A store on PostgreSQL, for several server instances on one database. Every guarantee is the database's, not one
/// process's: a progress write locks the task's row (<c>SELECT ... FOR UPDATE</c>) and updates it only at the
/// expected version; writes with one idempotency key are serialized by a transaction-scoped advisory lock and
/// recorded under a primary key in the same transaction; continuations name rows, so any instance continues a page.
/// </summary>
/// <remarks>
/// On start the store migrates the schema to its version (one script per version, recorded in
/// <c>deltasdk_schema</c>) and seeds an empty database, under <c>pg_advisory_xact_lock</c> so that instances
/// starting together do it once. Plans (at their current revisions), regions and indicators are kept in memory, and
/// follow catalogue writes: this instance's at once, another instance's on the first read after its notification.
/// </remarks>
public sealed class PostgreSqlPlanStore : IPlanStore, IAsyncDisposable
{
    /// <summary>The advisory lock key start-up takes: an arbitrary constant that only this schema uses.</summary>
    private const long MigrationLock = 0x44656C7461_01;

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PlanStoreSeed _seed;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private readonly PostgreSqlTasksStamp _stamp;
    private readonly ParsedReportCache _reports = new();
    private readonly Lock _adoption = new();
    private StoreCatalog? _catalog;

    // Stamps made while listening are negative and those read from the database are not (PostgreSqlTasksStamp), so
    // long.MaxValue is never a stamp: it marks "check at the next read".
    private long _catalogStamp = long.MaxValue;

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlPlanStore"/> class over a connection string.</summary>
    /// <param name="connectionString">
    /// An Npgsql connection string, for example <c>Host=db;Database=deltaplan;Username=delta;Password=...</c>; pool size
    /// and time-outs are set in it (<c>Maximum Pool Size</c>, <c>Timeout</c>, <c>Command Timeout</c>).
    /// </param>
    /// <param name="seed">The data to load when the database is empty; ignored once it holds data.</param>
    public PostgreSqlPlanStore(string connectionString, PlanStoreSeed seed)
        : this(NpgsqlDataSource.Create(connectionString), seed, ownsDataSource: true)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PostgreSqlPlanStore"/> class over a data source the caller owns.</summary>
    /// <param name="dataSource">The data source; the store does not dispose it.</param>
    /// <param name="seed">The data to load when the database is empty; ignored once it holds data.</param>
    public PostgreSqlPlanStore(NpgsqlDataSource dataSource, PlanStoreSeed seed)
        : this(dataSource, seed, ownsDataSource: false)
    {
    }

    private PostgreSqlPlanStore(NpgsqlDataSource dataSource, PlanStoreSeed seed, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(seed);
        _dataSource = dataSource;
        _seed = seed;
        _ownsDataSource = ownsDataSource;
        _stamp = new PostgreSqlTasksStamp(dataSource);
    }

    /// <summary>Gets the schema version this store migrates a database to.</summary>
    public static int SchemaVersion => Migrations.Length;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
        => await GetCatalogAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("SELECT version FROM tasks LIMIT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// No round trip while the store listens for the notifications a trigger on <c>tasks</c> sends at each commit (a
    /// version this process bumps); otherwise the sum of the task versions, which every write raises by one, whichever
    /// instance made it. Another instance's write changes the stamp here when its notification arrives, normally within
    /// milliseconds; see <c>docs/articles/plan-server.md</c> for the bound.
    /// </remarks>
    public Task<long> GetTasksStampAsync(CancellationToken cancellationToken = default)
        => _stamp.GetAsync(ReadTasksStampAsync, cancellationToken);

    /// <summary>Gets where the stamp comes from (whether it listens, on which server process); for tests.</summary>
    internal PostgreSqlTasksStamp Stamp => _stamp;

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default)
        => (await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false)).PlanSummaries;

    private async Task<long> ReadTasksStampAsync(CancellationToken cancellationToken)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Task versions, plus plan revisions (times 2^32, far beyond any sum of versions), so that a catalogue write
            // that removes a task row still moves the stamp on.
            using var command = new NpgsqlCommand("SELECT (SELECT coalesce(sum(version), 0) FROM tasks)::bigint + (SELECT coalesce(sum(revision), 0) FROM plans)::bigint * 4294967296", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <inheritdoc />
    public async Task<Plan?> GetPlanAsync(PlanId planId, CancellationToken cancellationToken = default)
        => (await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false)).Plans.GetValueOrDefault(planId);

    /// <inheritdoc />
    public async Task<StoredPlan?> GetPlanRevisionAsync(PlanId planId, Instant? asOf, CancellationToken cancellationToken = default)
    {
        var catalog = await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false);
        return asOf is { } instant
            ? await SqlQueries.GetPlanRevisionAsync(NewCommand, planId, instant, cancellationToken).ConfigureAwait(false)
            : catalog.StoredPlans.GetValueOrDefault(planId);
    }

    /// <inheritdoc />
    public async Task<StorePage<PlanRevisionSummary>?> ListPlanRevisionsAsync(PlanId planId, string? continuation, int limit, CancellationToken cancellationToken = default)
        => await SqlQueries.ListPlanRevisionsAsync(NewCommand, await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false), planId, continuation, limit, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>The plan's row is locked (<c>SELECT ... FOR UPDATE</c>) for the transaction, so catalogue writers of one plan, on any instance, take turns.</remarks>
    public async Task<WriteResult<PlanWritten>> WritePlanAsync(Plan plan, PlanPrecondition precondition, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        WriteResult<PlanWritten> written;
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(connection, $"SELECT set_config('{PostgreSqlTasksStamp.WriterSetting}', @instance, true)", cancellationToken, ("instance", _stamp.Instance)).ConfigureAwait(false);
                written = await SqlQueries.WritePlanAsync(() => new NpgsqlCommand { Connection = connection }, SqlDialect.PostgreSql, plan, precondition, now, cancellationToken).ConfigureAwait(false);
                if (written.Outcome != WriteOutcome.Written || written.Value!.Changes.IsEmpty)
                {
                    return written;
                }

                await SqlQueries.CommitWriteAsync(transaction, _stamp.Written, cancellationToken).ConfigureAwait(false);
            }
        }

        Adopt(written.Value.Plan);
        return written;
    }

    /// <inheritdoc />
    public async Task<StorePage<StoredTask>?> ListTasksAsync(PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        => await WithCatalogAsync(catalog => SqlQueries.ListTasksAsync(NewCommand, SqlDialect.PostgreSql, catalog, _reports, planId, filter, continuation, limit, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<StoredTask?> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
        => await WithCatalogAsync(catalog => SqlQueries.GetTaskAsync(NewCommand, catalog, _reports, planId, code, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, TaskCode code, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        return await SqlQueries.ListProgressAsync(NewCommand, _reports, planId, code, continuation, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, ProgressFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        return await SqlQueries.ListProgressAsync(NewCommand, catalog, _reports, planId, filter, continuation, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TaskCode, TaskProgressState>> GetProgressStatesAsync(PlanId planId, IReadOnlyCollection<TaskCode> codes, Instant? asOf, CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        return await SqlQueries.GetProgressStatesAsync(NewCommand, _reports, planId, codes, asOf, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredProgressReport?> GetProgressAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        return await SqlQueries.GetProgressAsync(NewCommand, _reports, planId, code, reportId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<WriteResult<AppendedProgress>> AppendProgressAsync(ProgressReport report, long expectedVersion, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (StoreHelpers.CheckIdempotency<AppendedProgress>(await RememberedAsync(connection, idempotency, cancellationToken).ConfigureAwait(false), idempotency) is { } earlier)
                {
                    return earlier;
                }

                // The trigger's notification names this instance, whose own listener then skips it (see PostgreSqlTasksStamp).
                await ExecuteAsync(connection, $"SELECT set_config('{PostgreSqlTasksStamp.WriterSetting}', @instance, true)", cancellationToken, ("instance", _stamp.Instance)).ConfigureAwait(false);

                // The row lock (FOR UPDATE) makes a concurrent writer of the same task, on any instance, wait until this
                // transaction ends, and then read the version this one wrote.
                var written = await SqlQueries.AppendProgressAsync(() => new NpgsqlCommand { Connection = connection }, SqlDialect.PostgreSql, report, expectedVersion, cancellationToken).ConfigureAwait(false);
                if (written.Outcome != WriteOutcome.Written)
                {
                    return written;
                }

                await RememberAsync(connection, idempotency, written.Value, null, cancellationToken).ConfigureAwait(false);
                await SqlQueries.CommitWriteAsync(transaction, _stamp.Written, cancellationToken).ConfigureAwait(false);

                return written;
            }
        }
    }

    /// <inheritdoc />
    public async Task<StorePage<Region>> ListRegionsAsync(RegionFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        => (await GetCatalogAsync(cancellationToken).ConfigureAwait(false)).RegionPage(filter, continuation, limit);

    /// <inheritdoc />
    public async Task<RegionTable> GetRegionTableAsync(CancellationToken cancellationToken = default)
        => (await GetCatalogAsync(cancellationToken).ConfigureAwait(false)).Regions;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Indicator>> ListIndicatorsAsync(CancellationToken cancellationToken = default)
        => (await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false)).Indicators;

    /// <inheritdoc />
    public async Task<StorePage<Observation>?> ListObservationsAsync(IndicatorId indicator, ObservationFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        => await SqlQueries.ListObservationsAsync(NewCommand, await GetCatalogAsync(cancellationToken).ConfigureAwait(false), indicator, filter, continuation, limit, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<StoredIndicator?> GetIndicatorAsync(IndicatorId indicator, CancellationToken cancellationToken = default)
        => await SqlQueries.GetIndicatorAsync(NewCommand, await GetCatalogAsync(cancellationToken).ConfigureAwait(false), indicator, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<StorePage<Observation>?> ListObservationRevisionsAsync(IndicatorId indicator, ReportingPeriod period, RegionCode? region, RegionGroupId? regionGroup, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        var key = StoreHelpers.ObservationSortKey(period, StoreHelpers.ObservationScope(region, regionGroup));
        return await SqlQueries.ListObservationRevisionsAsync(NewCommand, await GetCatalogAsync(cancellationToken).ConfigureAwait(false), indicator, key, continuation, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<WriteResult<AddedObservations>> AddObservationsAsync(IndicatorId indicator, IReadOnlyList<Observation> observations, long expectedVersion, Instant now, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
    {
        var batch = StoreHelpers.ObservationBatch(indicator, observations);
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                if (StoreHelpers.CheckIdempotency<AddedObservations>(await RememberedAsync(connection, idempotency, cancellationToken).ConfigureAwait(false), idempotency) is { } earlier)
                {
                    return earlier;
                }

                if (!catalog.IndicatorIds.Contains(indicator))
                {
                    return WriteResult<AddedObservations>.NotFound;
                }

                // The indicator's version row is locked (FOR UPDATE) before it is checked, so a concurrent writer of the
                // same indicator, on any instance, waits for this transaction and then reads the version it wrote.
                var written = await SqlQueries.AddObservationsAsync(() => new NpgsqlCommand { Connection = connection }, SqlDialect.PostgreSql, indicator, batch, expectedVersion, now, cancellationToken).ConfigureAwait(false);
                if (written.Outcome != WriteOutcome.Written)
                {
                    return written;
                }

                await RememberAsync(connection, idempotency, null, written.Value, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return written;
            }
        }
    }

    /// <summary>Closes the pooled connections when the store created the data source.</summary>
    /// <returns>A task that completes when the connections are closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _stamp.DisposeAsync().ConfigureAwait(false);
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _initialization.Dispose();
        _reports.Dispose();
    }

    /// <summary>
    /// Gets the catalog, first making sure it holds every plan's current revision whenever the tasks stamp moved since
    /// the last check: a catalogue write on any instance updates the plans row, whose trigger notifies as a task write
    /// does, so another instance's write is picked up on the first read after its notification arrived.
    /// </summary>
    private async Task<StoreCatalog> CurrentCatalogAsync(CancellationToken cancellationToken)
    {
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var stamp = await GetTasksStampAsync(cancellationToken).ConfigureAwait(false);
        if (stamp == Interlocked.Read(ref _catalogStamp))
        {
            return catalog;
        }

        if (!catalog.IsAt(await SqlQueries.ReadPlanRevisionsAsync(NewCommand, cancellationToken).ConfigureAwait(false)))
        {
            catalog = await LoadCatalogAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _catalog, catalog);
        }

        Interlocked.Exchange(ref _catalogStamp, stamp);
        return catalog;
    }

    /// <summary>Reads with the current catalog, and once more after reloading it when a row names a task it does not hold yet.</summary>
    private async Task<T> WithCatalogAsync<T>(Func<StoreCatalog, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read(await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (StaleCatalogException)
        {
            Interlocked.Exchange(ref _catalogStamp, long.MaxValue);
            var catalog = await LoadCatalogAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _catalog, catalog);
            return await read(catalog).ConfigureAwait(false);
        }
    }

    /// <summary>Puts a plan revision this store wrote into the catalog, unless a newer one is there already.</summary>
    private void Adopt(StoredPlan plan)
    {
        lock (_adoption)
        {
            var catalog = Volatile.Read(ref _catalog)!;
            if (!catalog.StoredPlans.TryGetValue(plan.Plan.Id, out var held) || held.Revision < plan.Revision)
            {
                Volatile.Write(ref _catalog, catalog.WithPlan(plan));
            }
        }
    }

    private async Task<StoreCatalog> GetCatalogAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _catalog) is { } ready)
        {
            return ready;
        }

        await _initialization.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_catalog is null)
            {
                await MigrateAndSeedAsync(cancellationToken).ConfigureAwait(false);
                var catalog = await LoadCatalogAsync(cancellationToken).ConfigureAwait(false);
                await _stamp.StartAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _catalog, catalog);
            }

            return _catalog!;
        }
        finally
        {
            _initialization.Release();
        }
    }

    private async Task MigrateAndSeedAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Instances that start together queue here; the first migrates and seeds, the others then find it done.
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@lock)", cancellationToken, ("lock", MigrationLock)).ConfigureAwait(false);
                await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS deltasdk_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
                int current;
                using (var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM deltasdk_schema", connection))
                {
                    current = (int)(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }

                if (current > Migrations.Length)
                {
                    throw new InvalidOperationException($"The database '{connection.Database}' has schema version {current}; this server knows versions up to {Migrations.Length}. Run a newer server.");
                }

                for (var next = current + 1; next <= Migrations.Length; next++)
                {
                    await ExecuteAsync(connection, Migrations[next - 1], cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, "INSERT INTO deltasdk_schema (version) VALUES (@version)", cancellationToken, ("version", next)).ConfigureAwait(false);
                }

                if (current < ChangeClockVersion)
                {
                    await SqlQueries.StampUnstampedProgressAsync(connection.CreateCommand, cancellationToken).ConfigureAwait(false);
                }

                if (current < ProgressRegionVersion)
                {
                    await SqlQueries.FillProgressRegionsAsync(connection.CreateCommand, cancellationToken).ConfigureAwait(false);
                }

                // Plans stored before plan revisions get their revision 1 (none in a new database: it has no plans yet).
                await SqlQueries.RecordFirstRevisionsAsync(connection.CreateCommand, NodaConstants.UnixEpoch, cancellationToken).ConfigureAwait(false);

                using (var seeded = new NpgsqlCommand("SELECT 1 FROM meta WHERE key = 'seeded_at'", connection))
                {
                    if (await seeded.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                    {
                        await SeedAsync(connection, cancellationToken).ConfigureAwait(false);
                        await SqlQueries.RecordFirstRevisionsAsync(connection.CreateCommand, NodaConstants.UnixEpoch, cancellationToken).ConfigureAwait(false);
                    }
                }

                // Seeded observations, and those stored before the history of observations, become revision 1.
                await SqlQueries.StampUnstampedObservationsAsync(connection.CreateCommand, cancellationToken).ConfigureAwait(false);

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var catalog = new StoreCatalog(_seed.Plans, _seed.Regions);
        StoreHelpers.CheckSeedObservations(_seed, catalog.Indicators);
        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            var planOrdinal = 0;
            foreach (var plan in catalog.OrderedPlans)
            {
                Add(batch, SqlQueries.SeedPlan, ("id", plan.Id.ToString()), ("ordinal", planOrdinal++), ("document", DeltaJson.WritePlan(plan)));
                var ordinal = 0;
                foreach (var task in StoreHelpers.TasksInOrder(plan))
                {
                    Add(batch, SqlQueries.SeedTask, SqlQueries.SeedTaskValues(plan, task, ordinal++));
                }
            }

            Add(batch, "INSERT INTO documents (name, document) VALUES ('regions', @document)", ("document", DeltaJson.WriteRegions(_seed.Regions)));
            foreach (var observation in _seed.Observations)
            {
                batch.BatchCommands.Add(UpsertObservation(StoreHelpers.ObservationSortKey(observation), observation));
            }

            Add(batch, "INSERT INTO meta (key, value) VALUES ('seeded_at', @now)", ("now", StoreHelpers.InstantPattern.Format(SystemClock.Instance.GetCurrentInstant())));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A command on a pooled connection of its own, for one statement outside a transaction.</summary>
    private NpgsqlCommand NewCommand() => _dataSource.CreateCommand();

    private Task<StoreCatalog> LoadCatalogAsync(CancellationToken cancellationToken)
        => SqlQueries.LoadCatalogAsync(NewCommand, cancellationToken);

    /// <summary>
    /// Reads what the write with the request's key did, if the key is known. First takes a transaction-scoped advisory
    /// lock on the key, so that a second request with the same key (on any instance) waits for the first to commit and
    /// then finds its record instead of writing again.
    /// </summary>
    private static async Task<RememberedWrite?> RememberedAsync(NpgsqlConnection connection, IdempotencyRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return null;
        }

        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", cancellationToken, ("key", request.Key)).ConfigureAwait(false);
        using var command = new NpgsqlCommand { Connection = connection };
        return await SqlQueries.ReadRememberedAsync(command, request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RememberAsync(NpgsqlConnection connection, IdempotencyRequest? request, AppendedProgress? appended, AddedObservations? added, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return;
        }

        await ExecuteAsync(connection, "DELETE FROM idempotency WHERE created_at < @cutoff", cancellationToken, ("cutoff", StoreHelpers.InstantPattern.Format(request.ReceivedAt - request.Lifetime))).ConfigureAwait(false);

        // An expired record of the key was deleted above and a live one answered the request before, so this insert
        // is the key's only one; were the advisory lock ever bypassed, the primary key fails the second transaction
        // rather than record a second write.
        await ExecuteAsync(
            connection,
            """
            INSERT INTO idempotency (key, fingerprint, created_at, report_id, task_version, indicator, inserted, replaced, indicator_version)
            VALUES (@key, @fingerprint, @createdAt, @reportId, @taskVersion, @indicator, @inserted, @replaced, @indicatorVersion)
            """,
            cancellationToken,
            SqlQueries.RememberedWriteValues(request, appended, added)).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand UpsertObservation(string key, Observation observation)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO observations (indicator, sort_key, region, region_group, period_start, period_end, document)
            VALUES (@indicator, @key, @region, @group, @start, @end, @document)
            ON CONFLICT (indicator, sort_key) DO UPDATE SET document = excluded.document
            """);
        AddParameters(command.Parameters, SqlQueries.ObservationValues(key, observation));
        return command;
    }

    private static void Add(NpgsqlBatch batch, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, parameters);
        batch.BatchCommands.Add(command);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection);
        AddParameters(command.Parameters, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void AddParameters(NpgsqlParameterCollection collection, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            // A null has no type to infer from; every nullable column the stores write is text, bigint or integer.
            collection.Add(value is null
                ? new NpgsqlParameter(name, NpgsqlDbType.Unknown) { Value = DBNull.Value }
                : new NpgsqlParameter(name, value));
        }
    }

    /// <summary>
    /// The schema, one script per version: a database at version N gets scripts N+1 onwards, each in the start-up
    /// transaction, and records each version in <c>deltasdk_schema</c>. Texts that are compared or ordered use the
    /// "C" collation, so that they sort by code point as in the other stores and continuations compare alike.
    /// </summary>
    /// <summary>The schema version that added the change clock (<see cref="SqlQueries.NextChangeAsync"/>).</summary>
    private const int ChangeClockVersion = 3;

    /// <summary>The schema version that added <c>progress.region</c> (<see cref="SqlQueries.FillProgressRegionsAsync"/>).</summary>
    private const int ProgressRegionVersion = 5;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE plans (id text PRIMARY KEY, ordinal integer NOT NULL, document text NOT NULL);
        CREATE TABLE documents (name text PRIMARY KEY, document text NOT NULL);
        CREATE TABLE tasks (
            plan_id text NOT NULL,
            code text NOT NULL,
            ordinal integer NOT NULL,
            aspect text NULL,
            document text NOT NULL,
            search_text text NOT NULL,
            version bigint NOT NULL,
            latest_report_id bigint NULL,
            latest_status integer NULL,
            latest_reported_on text COLLATE "C" NULL,
            PRIMARY KEY (plan_id, code),
            UNIQUE (plan_id, ordinal));
        CREATE TABLE progress (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            plan_id text NOT NULL,
            code text NOT NULL,
            reported_on text COLLATE "C" NOT NULL,
            document text NOT NULL,
            FOREIGN KEY (plan_id, code) REFERENCES tasks (plan_id, code));
        CREATE INDEX progress_by_task ON progress (plan_id, code, reported_on, id);
        CREATE TABLE observations (
            indicator text NOT NULL,
            sort_key text COLLATE "C" NOT NULL,
            region text NULL,
            region_group text NULL,
            period_start text COLLATE "C" NOT NULL,
            period_end text COLLATE "C" NOT NULL,
            document text NOT NULL,
            PRIMARY KEY (indicator, sort_key));
        CREATE TABLE idempotency (
            key text PRIMARY KEY,
            fingerprint text NOT NULL,
            created_at text COLLATE "C" NOT NULL,
            report_id bigint NULL REFERENCES progress (id),
            task_version bigint NULL,
            indicator text NULL,
            inserted integer NULL,
            replaced integer NULL);
        CREATE INDEX idempotency_by_age ON idempotency (created_at);
        """,

        // Version 2: a notification at the commit of every change to tasks, so that instances keep their hot reads
        // without asking for the tasks stamp on each request (PostgreSqlTasksStamp). The payload names the writing
        // instance when it set deltasdk.writer, else it is empty (another program's write).
        """
        CREATE FUNCTION deltasdk_tasks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('deltasdk_tasks', coalesce(current_setting('deltasdk.writer', true), ''));
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tasks_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks
            FOR EACH STATEMENT EXECUTE FUNCTION deltasdk_tasks_changed();
        """,

        // Version 3: the change clock (SqlQueries.NextChangeAsync): one row handing out the store-wide sequence and
        // recording time of each write, and both stamped on every progress report. Reports stored before it get
        // stamps in the start-up transaction (SqlQueries.StampUnstampedProgressAsync).
        """
        CREATE TABLE change_clock (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL, recorded_at bigint NOT NULL);
        INSERT INTO change_clock (id, seq, recorded_at) VALUES (1, 0, 0);
        ALTER TABLE progress ADD COLUMN seq bigint NULL;
        ALTER TABLE progress ADD COLUMN recorded_at bigint NULL;
        CREATE UNIQUE INDEX progress_in_change_order ON progress (seq);
        """,

        // Version 4: the history of observations (SqlQueries.Observations.cs): every revision of an observation is kept
        // with its change stamp, the current one also in observations, and each indicator has a version that every
        // observation write locks, checks and raises. Stored observations become revision 1 in the start-up transaction
        // (SqlQueries.StampUnstampedObservationsAsync). Remembered observation writes lack the version their replay
        // answers with; they live a day at most, so they are dropped.
        """
        ALTER TABLE observations ADD COLUMN revision integer NULL;
        ALTER TABLE observations ADD COLUMN seq bigint NULL;
        ALTER TABLE observations ADD COLUMN recorded_at bigint NULL;
        CREATE TABLE observation_revisions (
            indicator text NOT NULL,
            sort_key text COLLATE "C" NOT NULL,
            revision integer NOT NULL,
            seq bigint NOT NULL,
            recorded_at bigint NOT NULL,
            region text NULL,
            region_group text NULL,
            period_start text COLLATE "C" NOT NULL,
            period_end text COLLATE "C" NOT NULL,
            document text NOT NULL,
            PRIMARY KEY (indicator, sort_key, revision));
        CREATE INDEX observation_revisions_in_change_order ON observation_revisions (indicator, seq, sort_key);
        CREATE INDEX observation_revisions_by_time ON observation_revisions (indicator, recorded_at);
        CREATE TABLE indicator_versions (indicator text PRIMARY KEY, version bigint NOT NULL);
        ALTER TABLE idempotency ADD COLUMN indicator_version bigint NULL;
        DELETE FROM idempotency WHERE indicator IS NOT NULL;
        """,

        // Version 5: the region a progress report speaks for, as a column, so that a task's latest report per region and
        // the plan-wide feed in change order are index reads (SqlQueries.GetProgressStatesAsync, ListProgressAsync).
        // Reports stored before it get theirs from their documents in the start-up transaction (SqlQueries.FillProgressRegionsAsync).
        """
        ALTER TABLE progress ADD COLUMN region text NULL;
        CREATE INDEX progress_latest_by_region ON progress (plan_id, code, region, reported_on, seq);
        CREATE INDEX progress_by_plan_in_change_order ON progress (plan_id, seq);
        """,

        // Version 6: plan revisions. Every catalogue write records the whole new plan document as the plan's next
        // revision (never removed), stamped by the change clock; plans.revision is the current one, and a write to
        // plans notifies as a write to tasks does, so that other instances reload their catalogs. Plans stored before
        // get revision 1 in the start-up transaction (SqlQueries.RecordFirstRevisionsAsync).
        """
        ALTER TABLE plans ADD COLUMN revision bigint NOT NULL DEFAULT 0;
        CREATE TABLE plan_revisions (
            plan_id text NOT NULL REFERENCES plans (id),
            revision bigint NOT NULL,
            seq bigint NOT NULL UNIQUE,
            recorded_at bigint NOT NULL,
            added integer NOT NULL,
            removed integer NOT NULL,
            changed integer NOT NULL,
            counts_changed integer NOT NULL,
            document text NOT NULL,
            PRIMARY KEY (plan_id, revision));
        CREATE INDEX plan_revisions_by_time ON plan_revisions (plan_id, recorded_at);
        CREATE TRIGGER plans_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
            FOR EACH STATEMENT EXECUTE FUNCTION deltasdk_tasks_changed();
        """,
    ];
}
