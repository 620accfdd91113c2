using System.Globalization;
using System.Text;
using System.Text.Json;
using DeltaSdk.Api;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Http;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// The default store: one SQLite file (write-ahead log, so readers never wait for the writer), its schema created on
/// first start and filled from the seed when empty. Each write is one <c>BEGIN IMMEDIATE</c> transaction, so writers
/// are serialized and a progress write's version check and insert cannot interleave with another's.
/// </summary>
/// <remarks>
/// Plans (at their current revisions), regions and indicators are kept in memory as well, and follow catalogue writes
/// (<see cref="WritePlanAsync"/>): this store's at once, anyone else's on the first read after the file changed; tasks'
/// versions and progress, observations and idempotency keys are read from the file on every request.
/// </remarks>
public sealed class SqlitePlanStore : IPlanStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly PlanStoreSeed _seed;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private readonly ParsedReportCache _reports = new();
    private readonly SqliteDataVersion _dataVersion;
    private readonly Lock _adoption = new();
    private StoreCatalog? _catalog;
    private long _catalogStamp = long.MinValue;

    /// <summary>Initializes a new instance of the <see cref="SqlitePlanStore"/> class.</summary>
    /// <param name="databasePath">The database file; it and its folder are created when missing.</param>
    /// <param name="seed">The data to load when the database is empty; ignored once the database holds data.</param>
    public SqlitePlanStore(string databasePath, PlanStoreSeed seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(seed);
        DatabasePath = Path.GetFullPath(databasePath);
        _seed = seed;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _dataVersion = new SqliteDataVersion(_connectionString);
    }

    /// <summary>Gets the schema version this store migrates a database file to.</summary>
    public static int SchemaVersion => Migrations.Length;

    /// <summary>Gets the full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Gets how many stored progress reports this store has parsed (each is parsed once, then kept); for tests.</summary>
    internal long ReportParses => _reports.Parses;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM tasks LIMIT 1";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A counter this store's commits move on at once, checked against <c>PRAGMA data_version</c> on one kept connection
    /// at most every 50 ms for commits by anyone else (see <see cref="SqliteDataVersion"/>); reading it touches no table.
    /// </remarks>
    public async Task<long> GetTasksStampAsync(CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        return _dataVersion.Read();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default)
        => (await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false)).PlanSummaries;

    /// <inheritdoc />
    public async Task<Plan?> GetPlanAsync(PlanId planId, CancellationToken cancellationToken = default)
        => (await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false)).Plans.GetValueOrDefault(planId);

    /// <inheritdoc />
    public async Task<StoredPlan?> GetPlanRevisionAsync(PlanId planId, Instant? asOf, CancellationToken cancellationToken = default)
    {
        var catalog = await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false);
        if (asOf is not { } instant)
        {
            return catalog.StoredPlans.GetValueOrDefault(planId);
        }

        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.GetPlanRevisionAsync(connection.CreateCommand, planId, instant, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<StorePage<PlanRevisionSummary>?> ListPlanRevisionsAsync(PlanId planId, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        var catalog = await CurrentCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.ListPlanRevisionsAsync(connection.CreateCommand, catalog, planId, continuation, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<WriteResult<PlanWritten>> WritePlanAsync(Plan plan, PlanPrecondition precondition, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        WriteResult<PlanWritten> written;
        var connection = await OpenAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            written = await SqlQueries.WritePlanAsync(() => Command(connection, transaction, string.Empty), SqlDialect.Sqlite, plan, precondition, now, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Written || written.Value!.Changes.IsEmpty)
            {
                return written;
            }

            await SqlQueries.CommitWriteAsync(transaction, _dataVersion.Committed, cancellationToken).ConfigureAwait(false);
        }

        Adopt(written.Value.Plan);
        return written;
    }

    /// <inheritdoc />
    public async Task<StorePage<StoredTask>?> ListTasksAsync(PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        return await WithCatalogAsync(
            async catalog =>
            {
                var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await SqlQueries.ListTasksAsync(connection.CreateCommand, SqlDialect.Sqlite, catalog, _reports, planId, filter, continuation, limit, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StoredTask?> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
    {
        return await WithCatalogAsync(
            async catalog =>
            {
                var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await SqlQueries.GetTaskAsync(connection.CreateCommand, catalog, _reports, planId, code, cancellationToken).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, TaskCode code, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One read transaction, so that the page and whether the task exists come from one snapshot.
            using var transaction = connection.BeginTransaction(deferred: true);
            return await SqlQueries.ListProgressAsync(() => Command(connection, transaction, string.Empty), _reports, planId, code, continuation, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, ProgressFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One read transaction, so that the page and whether the task exists come from one snapshot.
            using var transaction = connection.BeginTransaction(deferred: true);
            return await SqlQueries.ListProgressAsync(() => Command(connection, transaction, string.Empty), catalog, _reports, planId, filter, continuation, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<TaskCode, TaskProgressState>> GetProgressStatesAsync(PlanId planId, IReadOnlyCollection<TaskCode> codes, Instant? asOf, CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.GetProgressStatesAsync(connection.CreateCommand, _reports, planId, codes, asOf, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<StoredProgressReport?> GetProgressAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.GetProgressAsync(connection.CreateCommand, _reports, planId, code, reportId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<WriteResult<AppendedProgress>> AppendProgressAsync(ProgressReport report, long expectedVersion, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // BEGIN IMMEDIATE: the write lock is taken before the version is read, so no other writer can slip in between.
            using var transaction = connection.BeginTransaction(deferred: false);
            if (StoreHelpers.CheckIdempotency<AppendedProgress>(await RememberedAsync(connection, transaction, idempotency, cancellationToken).ConfigureAwait(false), idempotency) is { } earlier)
            {
                return earlier;
            }

            var written = await SqlQueries.AppendProgressAsync(() => Command(connection, transaction, string.Empty), SqlDialect.Sqlite, report, expectedVersion, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Written)
            {
                return written;
            }

            await RememberAsync(connection, transaction, idempotency, written.Value, null, cancellationToken).ConfigureAwait(false);
            await SqlQueries.CommitWriteAsync(transaction, _dataVersion.Committed, cancellationToken).ConfigureAwait(false);
            return written;
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
    {
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.ListObservationsAsync(connection.CreateCommand, catalog, indicator, filter, continuation, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<StoredIndicator?> GetIndicatorAsync(IndicatorId indicator, CancellationToken cancellationToken = default)
    {
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.GetIndicatorAsync(connection.CreateCommand, catalog, indicator, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<StorePage<Observation>?> ListObservationRevisionsAsync(IndicatorId indicator, ReportingPeriod period, RegionCode? region, RegionGroupId? regionGroup, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        var key = StoreHelpers.ObservationSortKey(period, StoreHelpers.ObservationScope(region, regionGroup));
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.ListObservationRevisionsAsync(connection.CreateCommand, catalog, indicator, key, continuation, limit, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<WriteResult<AddedObservations>> AddObservationsAsync(IndicatorId indicator, IReadOnlyList<Observation> observations, long expectedVersion, Instant now, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
    {
        var batch = StoreHelpers.ObservationBatch(indicator, observations);
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (StoreHelpers.CheckIdempotency<AddedObservations>(await RememberedAsync(connection, transaction, idempotency, cancellationToken).ConfigureAwait(false), idempotency) is { } earlier)
            {
                return earlier;
            }

            if (!catalog.IndicatorIds.Contains(indicator))
            {
                return WriteResult<AddedObservations>.NotFound;
            }

            var written = await SqlQueries.AddObservationsAsync(() => Command(connection, transaction, string.Empty), SqlDialect.Sqlite, indicator, batch, expectedVersion, now, cancellationToken).ConfigureAwait(false);
            if (written.Outcome != WriteOutcome.Written)
            {
                return written;
            }

            await RememberAsync(connection, transaction, idempotency, null, written.Value, cancellationToken).ConfigureAwait(false);
            await SqlQueries.CommitWriteAsync(transaction, _dataVersion.Committed, cancellationToken).ConfigureAwait(false);
            return written;
        }
    }

    /// <summary>Releases the pooled connections to the file, so that it can be moved or deleted.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        // The kept connection first, so that clearing the pool closes it too.
        _dataVersion.Dispose();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initialization.Dispose();
        _reports.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(bool forWriting, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (forWriting)
            {
                // In WAL mode NORMAL loses no committed transaction when the process crashes, only on power loss.
                using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Gets the catalog, first making sure it holds every plan's current revision whenever the tasks stamp moved since
    /// the last check (a catalogue write changes task rows, or at least the plans row, and so the stamp): one small query
    /// after a write, none otherwise.
    /// </summary>
    private async Task<StoreCatalog> CurrentCatalogAsync(CancellationToken cancellationToken)
    {
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var stamp = _dataVersion.Read();
        if (stamp == Interlocked.Read(ref _catalogStamp))
        {
            return catalog;
        }

        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (!catalog.IsAt(await SqlQueries.ReadPlanRevisionsAsync(connection.CreateCommand, cancellationToken).ConfigureAwait(false)))
            {
                catalog = await SqlQueries.LoadCatalogAsync(connection.CreateCommand, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _catalog, catalog);
            }
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
            Interlocked.Exchange(ref _catalogStamp, long.MinValue);
            var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var catalog = await SqlQueries.LoadCatalogAsync(connection.CreateCommand, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _catalog, catalog);
                return await read(catalog).ConfigureAwait(false);
            }
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
                await CreateAndSeedAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _catalog, await LoadCatalogAsync(cancellationToken).ConfigureAwait(false));
            }

            return _catalog!;
        }
        finally
        {
            _initialization.Release();
        }
    }

    private async Task CreateAndSeedAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = await OpenAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var wal = connection.CreateCommand())
            {
                // Persistent: the file stays in WAL mode once set.
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using var transaction = connection.BeginTransaction(deferred: false);
            await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
            using (var version = Command(connection, transaction, "SELECT value FROM meta WHERE key = 'schema_version'"))
            {
                var stored = await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                var current = stored is null ? 0 : int.Parse(stored, CultureInfo.InvariantCulture);
                if (current > Migrations.Length)
                {
                    throw new InvalidOperationException($"The database '{DatabasePath}' has schema version {stored}; this server knows versions up to {Migrations.Length}. Run a newer server or use another file.");
                }

                for (var next = current + 1; next <= Migrations.Length; next++)
                {
                    await ExecuteAsync(connection, transaction, Migrations[next - 1], cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, transaction, "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', $version)", cancellationToken, ("$version", next.ToString(CultureInfo.InvariantCulture))).ConfigureAwait(false);
                }

                if (current < ChangeClockVersion)
                {
                    await SqlQueries.StampUnstampedProgressAsync(() => Command(connection, transaction, string.Empty), cancellationToken).ConfigureAwait(false);
                }

                if (current < ProgressRegionVersion)
                {
                    await SqlQueries.FillProgressRegionsAsync(() => Command(connection, transaction, string.Empty), cancellationToken).ConfigureAwait(false);
                }
            }

            using (var seeded = Command(connection, transaction, "SELECT value FROM meta WHERE key = 'seeded_at'"))
            {
                if (await seeded.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
                {
                    await SeedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                }
            }

            // Seeded plans, like plans stored before plan revisions, get their revision 1.
            await SqlQueries.RecordFirstRevisionsAsync(() => Command(connection, transaction, string.Empty), NodaConstants.UnixEpoch, cancellationToken).ConfigureAwait(false);

            // Seeded observations, and those stored before the history of observations, become revision 1.
            await SqlQueries.StampUnstampedObservationsAsync(() => Command(connection, transaction, string.Empty), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SeedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var catalog = new StoreCatalog(_seed.Plans, _seed.Regions);
        StoreHelpers.CheckSeedObservations(_seed, catalog.Indicators);
        var planOrdinal = 0;
        foreach (var plan in catalog.OrderedPlans)
        {
            await ExecuteAsync(connection, transaction, SqlQueries.SeedPlan, cancellationToken, ("id", plan.Id.ToString()), ("ordinal", planOrdinal++), ("document", DeltaJson.WritePlan(plan))).ConfigureAwait(false);
            var ordinal = 0;
            foreach (var task in StoreHelpers.TasksInOrder(plan))
            {
                await ExecuteAsync(connection, transaction, SqlQueries.SeedTask, cancellationToken, SqlQueries.SeedTaskValues(plan, task, ordinal++)).ConfigureAwait(false);
            }
        }

        await ExecuteAsync(connection, transaction, "INSERT INTO documents (name, document) VALUES ('regions', $document)", cancellationToken, ("$document", DeltaJson.WriteRegions(_seed.Regions))).ConfigureAwait(false);
        foreach (var observation in _seed.Observations)
        {
            await UpsertObservationAsync(connection, transaction, StoreHelpers.ObservationSortKey(observation), observation, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, "INSERT INTO meta (key, value) VALUES ('seeded_at', $now)", cancellationToken, ("$now", StoreHelpers.InstantPattern.Format(SystemClock.Instance.GetCurrentInstant()))).ConfigureAwait(false);
    }

    private async Task<StoreCatalog> LoadCatalogAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqlQueries.LoadCatalogAsync(connection.CreateCommand, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads what the write with the request's key did, if the key is known: the report it appended, or the counts.</summary>
    private static async Task<RememberedWrite?> RememberedAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return null;
        }

        using var command = Command(connection, transaction, string.Empty);
        return await SqlQueries.ReadRememberedAsync(command, request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RememberAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyRequest? request, AppendedProgress? appended, AddedObservations? added, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return;
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM idempotency WHERE created_at < $cutoff", cancellationToken, ("$cutoff", StoreHelpers.InstantPattern.Format(request.ReceivedAt - request.Lifetime))).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            transaction,
            """
            INSERT OR REPLACE INTO idempotency (key, fingerprint, created_at, report_id, task_version, indicator, inserted, replaced, indicator_version)
            VALUES (@key, @fingerprint, @createdAt, @reportId, @taskVersion, @indicator, @inserted, @replaced, @indicatorVersion)
            """,
            cancellationToken,
            SqlQueries.RememberedWriteValues(request, appended, added)).ConfigureAwait(false);
    }

    private static Task UpsertObservationAsync(SqliteConnection connection, SqliteTransaction transaction, string key, Observation observation, CancellationToken cancellationToken)
        => ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO observations (indicator, sort_key, region, region_group, period_start, period_end, document)
            VALUES (@indicator, @key, @region, @group, @start, @end, @document)
            ON CONFLICT (indicator, sort_key) DO UPDATE SET document = excluded.document
            """,
            cancellationToken,
            SqlQueries.ObservationValues(key, observation));

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// The schema, one script per version: a file at version N gets scripts N+1 onwards, each in the start-up
    /// transaction, and records the version it reached in <c>meta</c>.
    /// </summary>
    /// <summary>The schema version that added the change clock (<see cref="SqlQueries.NextChangeAsync"/>).</summary>
    private const int ChangeClockVersion = 3;

    /// <summary>The schema version that added <c>progress.region</c> (<see cref="SqlQueries.FillProgressRegionsAsync"/>).</summary>
    private const int ProgressRegionVersion = 5;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS plans (id TEXT PRIMARY KEY, ordinal INTEGER NOT NULL, document TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, document TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS tasks (
            plan_id TEXT NOT NULL,
            code TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            aspect TEXT NULL,
            document TEXT NOT NULL,
            search_text TEXT NOT NULL,
            version INTEGER NOT NULL,
            latest_report_id INTEGER NULL,
            latest_status INTEGER NULL,
            latest_reported_on TEXT NULL,
            PRIMARY KEY (plan_id, code));
        CREATE UNIQUE INDEX IF NOT EXISTS tasks_in_order ON tasks (plan_id, ordinal);
        CREATE TABLE IF NOT EXISTS progress (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            plan_id TEXT NOT NULL,
            code TEXT NOT NULL,
            reported_on TEXT NOT NULL,
            document TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS progress_by_task ON progress (plan_id, code, reported_on, id);
        CREATE TABLE IF NOT EXISTS observations (
            indicator TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            region TEXT NULL,
            region_group TEXT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (indicator, sort_key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS idempotency (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, created_at TEXT NOT NULL, status INTEGER NOT NULL, location TEXT NULL, etag TEXT NULL, body BLOB NOT NULL);
        """,

        // Version 2: idempotency keys remember the write's domain result instead of an HTTP response. Version 1 rows
        // hold responses that cannot be read back as results; they live a day at most, so they are dropped.
        """
        DROP TABLE IF EXISTS idempotency;
        CREATE TABLE idempotency (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            created_at TEXT NOT NULL,
            report_id INTEGER NULL,
            task_version INTEGER NULL,
            indicator TEXT NULL,
            inserted INTEGER NULL,
            replaced INTEGER NULL);
        """,

        // Version 3: the change clock (SqlQueries.NextChangeAsync): one row handing out the store-wide sequence and
        // recording time of each write, and both stamped on every progress report. Reports stored before it get
        // stamps in the start-up transaction (SqlQueries.StampUnstampedProgressAsync).
        """
        CREATE TABLE change_clock (id integer PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, recorded_at INTEGER NOT NULL);
        INSERT INTO change_clock (id, seq, recorded_at) VALUES (1, 0, 0);
        ALTER TABLE progress ADD COLUMN seq INTEGER NULL;
        ALTER TABLE progress ADD COLUMN recorded_at INTEGER NULL;
        CREATE UNIQUE INDEX progress_in_change_order ON progress (seq);
        """,

        // Version 4: the history of observations (SqlQueries.Observations.cs): every revision of an observation is kept
        // with its change stamp, the current one also in observations, and each indicator has a version that every
        // observation write checks and raises. Stored observations become revision 1 in the start-up transaction
        // (SqlQueries.StampUnstampedObservationsAsync). Remembered observation writes lack the version their replay
        // answers with; they live a day at most, so they are dropped.
        """
        ALTER TABLE observations ADD COLUMN revision INTEGER NULL;
        ALTER TABLE observations ADD COLUMN seq INTEGER NULL;
        ALTER TABLE observations ADD COLUMN recorded_at INTEGER NULL;
        CREATE TABLE observation_revisions (
            indicator TEXT NOT NULL,
            sort_key TEXT NOT NULL,
            revision INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            region TEXT NULL,
            region_group TEXT NULL,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (indicator, sort_key, revision)) WITHOUT ROWID;
        CREATE INDEX observation_revisions_in_change_order ON observation_revisions (indicator, seq, sort_key);
        CREATE INDEX observation_revisions_by_time ON observation_revisions (indicator, recorded_at);
        CREATE TABLE indicator_versions (indicator TEXT PRIMARY KEY, version INTEGER NOT NULL);
        ALTER TABLE idempotency ADD COLUMN indicator_version INTEGER NULL;
        DELETE FROM idempotency WHERE indicator IS NOT NULL;
        """,

        // Version 5: the region a progress report speaks for, as a column, so that a task's latest report per region and
        // the plan-wide feed in change order are index reads (SqlQueries.GetProgressStatesAsync, ListProgressAsync).
        // Reports stored before it get theirs from their documents in the start-up transaction (SqlQueries.FillProgressRegionsAsync).
        """
        ALTER TABLE progress ADD COLUMN region TEXT NULL;
        CREATE INDEX progress_latest_by_region ON progress (plan_id, code, region, reported_on, seq);
        CREATE INDEX progress_by_plan_in_change_order ON progress (plan_id, seq);
        """,

        // Version 6: plan revisions. Every catalogue write records the whole new plan document as the plan's next
        // revision (never removed), stamped by the change clock; plans.revision is the current one. Plans stored before
        // get revision 1 in the start-up transaction (SqlQueries.RecordFirstRevisionsAsync).
        """
        ALTER TABLE plans ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE plan_revisions (
            plan_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL,
            added INTEGER NOT NULL,
            removed INTEGER NOT NULL,
            changed INTEGER NOT NULL,
            counts_changed INTEGER NOT NULL,
            document TEXT NOT NULL,
            PRIMARY KEY (plan_id, revision));
        CREATE UNIQUE INDEX plan_revisions_in_change_order ON plan_revisions (seq);
        CREATE INDEX plan_revisions_by_time ON plan_revisions (plan_id, recorded_at);
        """,
    ];
}
