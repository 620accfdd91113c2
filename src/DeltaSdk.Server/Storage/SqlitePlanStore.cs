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
/// Plans, regions and indicators are read-only after seeding and are kept in memory as well; tasks' versions and
/// progress, observations and idempotency keys are read from the file on every request.
/// </remarks>
public sealed class SqlitePlanStore : IPlanStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly PlanStoreSeed _seed;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private readonly ParsedReportCache _reports = new();
    private readonly SqliteDataVersion _dataVersion;
    private StoreCatalog? _catalog;

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
    /// <c>PRAGMA data_version</c> on one kept connection (see <see cref="SqliteDataVersion"/>): it changes with every
    /// commit to the file by any connection, this process's or another's, and reading it touches no table.
    /// </remarks>
    public async Task<long> GetTasksStampAsync(CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        return _dataVersion.Read();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default)
        => (await GetCatalogAsync(cancellationToken).ConfigureAwait(false)).PlanSummaries;

    /// <inheritdoc />
    public async Task<Plan?> GetPlanAsync(PlanId planId, CancellationToken cancellationToken = default)
        => (await GetCatalogAsync(cancellationToken).ConfigureAwait(false)).Plans.GetValueOrDefault(planId);

    /// <inheritdoc />
    public async Task<StorePage<StoredTask>?> ListTasksAsync(PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var after = continuation is null ? -1 : StoreHelpers.ParseOrdinalContinuation(continuation);
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        if (!catalog.Plans.ContainsKey(planId))
        {
            return null;
        }

        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder(
                """
                SELECT t.ordinal, t.code, t.version, p.id, p.document
                FROM tasks t LEFT JOIN progress p ON p.id = t.latest_report_id
                WHERE t.plan_id = $plan AND t.ordinal > $after
                """);
            command.Parameters.AddWithValue("$plan", planId.ToString());
            command.Parameters.AddWithValue("$after", after);
            if (filter.Aspect is { } aspect)
            {
                sql.Append(" AND t.aspect = $aspect");
                command.Parameters.AddWithValue("$aspect", aspect.ToString());
            }

            if (filter.Status is { } status)
            {
                sql.Append(" AND t.latest_status = $status");
                command.Parameters.AddWithValue("$status", (int)status);
            }

            for (var i = 0; i < filter.Keywords.Length; i++)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND instr(t.search_text, $k{i}) > 0");
                command.Parameters.AddWithValue($"$k{i}", filter.Keywords[i]);
            }

            if (filter.Codes is { } codes)
            {
                // An empty set matches nothing; IN () is not valid SQL.
                sql.Append(codes.IsEmpty ? " AND 0" : " AND t.code IN (");
                sql.AppendJoin(", ", codes.Select(static (_, i) => string.Create(CultureInfo.InvariantCulture, $"$c{i}")));
                sql.Append(codes.IsEmpty ? string.Empty : ")");
                for (var i = 0; i < codes.Length; i++)
                {
                    command.Parameters.AddWithValue($"$c{i}", codes[i].ToString());
                }
            }

            sql.Append(" ORDER BY t.ordinal LIMIT $take");
            command.Parameters.AddWithValue("$take", (long)limit + 1);
            command.CommandText = sql.ToString();

            var items = new List<StoredTask>();
            var lastOrdinal = -1L;
            string? next = null;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (items.Count == limit)
                    {
                        next = StoreHelpers.OrdinalContinuation(lastOrdinal);
                        break;
                    }

                    lastOrdinal = reader.GetInt64(0);
                    items.Add(new StoredTask
                    {
                        Task = catalog.Task(planId, reader.GetString(1)),
                        Version = reader.GetInt64(2),
                        LatestReport = reader.IsDBNull(3) ? null : CachedReport(reader, 3, 4),
                    });
                }
            }

            return new StorePage<StoredTask> { Items = items, Continuation = next };
        }
    }

    /// <inheritdoc />
    public async Task<StoredTask?> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
    {
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT t.code, t.version, p.id, p.document
                FROM tasks t LEFT JOIN progress p ON p.id = t.latest_report_id
                WHERE t.plan_id = $plan AND t.code = $code
                """;
            command.Parameters.AddWithValue("$plan", planId.ToString());
            command.Parameters.AddWithValue("$code", code.ToString());
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new StoredTask
                {
                    Task = catalog.Task(planId, reader.GetString(0)),
                    Version = reader.GetInt64(1),
                    LatestReport = reader.IsDBNull(2) ? null : CachedReport(reader, 2, 3),
                };
            }
        }
    }

    /// <inheritdoc />
    public async Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, TaskCode code, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        (LocalDate ReportedOn, long Id)? after = continuation is null ? null : StoreHelpers.ParseProgressContinuation(continuation);
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (!await TaskExistsAsync(connection, null, planId, code, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            using var command = connection.CreateCommand();
            command.CommandText =
                """
                SELECT id, document FROM progress
                WHERE plan_id = $plan AND code = $code AND (reported_on, id) > ($afterDate, $afterId)
                ORDER BY reported_on, id LIMIT $take
                """;
            command.Parameters.AddWithValue("$plan", planId.ToString());
            command.Parameters.AddWithValue("$code", code.ToString());
            command.Parameters.AddWithValue("$afterDate", after is { } a ? StoreHelpers.Date(a.ReportedOn) : string.Empty);
            command.Parameters.AddWithValue("$afterId", after?.Id ?? 0);
            command.Parameters.AddWithValue("$take", (long)limit + 1);
            var items = new List<StoredProgressReport>();
            var more = false;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (items.Count == limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add(new StoredProgressReport { Id = reader.GetInt64(0), Report = CachedReport(reader, 0, 1) });
                }
            }

            return new StorePage<StoredProgressReport> { Items = items, Continuation = more ? StoreHelpers.ProgressContinuation(items[^1]) : null };
        }
    }

    /// <inheritdoc />
    public async Task<StoredProgressReport?> GetProgressAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken = default)
    {
        await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, document FROM progress WHERE id = $id AND plan_id = $plan AND code = $code";
            command.Parameters.AddWithValue("$id", reportId);
            command.Parameters.AddWithValue("$plan", planId.ToString());
            command.Parameters.AddWithValue("$code", code.ToString());
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new StoredProgressReport { Id = reportId, Report = CachedReport(reader, 0, 1) }
                    : null;
            }
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

            long version;
            string? latestReportedOn;
            using (var read = Command(connection, transaction, "SELECT version, latest_reported_on FROM tasks WHERE plan_id = $plan AND code = $code"))
            {
                read.Parameters.AddWithValue("$plan", report.Plan.ToString());
                read.Parameters.AddWithValue("$code", report.Task.ToString());
                var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return WriteResult<AppendedProgress>.NotFound;
                    }

                    version = reader.GetInt64(0);
                    latestReportedOn = reader.IsDBNull(1) ? null : reader.GetString(1);
                }
            }

            if (version != expectedVersion)
            {
                return WriteResult<AppendedProgress>.Mismatch(version);
            }

            var reportedOn = StoreHelpers.Date(report.ReportedOn);
            long id;
            using (var insert = Command(connection, transaction, "INSERT INTO progress (plan_id, code, reported_on, document) VALUES ($plan, $code, $reportedOn, $document) RETURNING id"))
            {
                insert.Parameters.AddWithValue("$plan", report.Plan.ToString());
                insert.Parameters.AddWithValue("$code", report.Task.ToString());
                insert.Parameters.AddWithValue("$reportedOn", reportedOn);
                insert.Parameters.AddWithValue("$document", Serialize(report));
                id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }

            // ISO dates compare as text; a later or equal state date makes this report the latest (see StoreHelpers.IsLatest).
            var isLatest = latestReportedOn is null || string.CompareOrdinal(reportedOn, latestReportedOn) >= 0;
            using (var update = Command(
                connection,
                transaction,
                isLatest
                    ? "UPDATE tasks SET version = version + 1, latest_report_id = $id, latest_status = $status, latest_reported_on = $reportedOn WHERE plan_id = $plan AND code = $code AND version = $version"
                    : "UPDATE tasks SET version = version + 1 WHERE plan_id = $plan AND code = $code AND version = $version"))
            {
                update.Parameters.AddWithValue("$plan", report.Plan.ToString());
                update.Parameters.AddWithValue("$code", report.Task.ToString());
                update.Parameters.AddWithValue("$version", version);
                if (isLatest)
                {
                    update.Parameters.AddWithValue("$id", id);
                    update.Parameters.AddWithValue("$status", (int)report.Status);
                    update.Parameters.AddWithValue("$reportedOn", reportedOn);
                }

                if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new InvalidOperationException($"Task '{report.Task}' changed inside a write transaction; the database is being written by another program.");
                }
            }

            var appended = new AppendedProgress { Report = new StoredProgressReport { Id = id, Report = report }, TaskVersion = version + 1 };
            await RememberAsync(connection, transaction, idempotency, appended, null, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return WriteResult<AppendedProgress>.Written(appended);
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
        => (await GetCatalogAsync(cancellationToken).ConfigureAwait(false)).Indicators;

    /// <inheritdoc />
    public async Task<StorePage<Observation>?> ListObservationsAsync(IndicatorId indicator, ObservationFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        if (!catalog.IndicatorIds.Contains(indicator))
        {
            return null;
        }

        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder("SELECT sort_key, document FROM observations WHERE indicator = $indicator AND sort_key > $after");
            command.Parameters.AddWithValue("$indicator", indicator.ToString());
            command.Parameters.AddWithValue("$after", continuation ?? string.Empty);
            if (filter.Region is { } region)
            {
                sql.Append(" AND region = $region");
                command.Parameters.AddWithValue("$region", region.ToString());
            }

            if (filter.RegionGroup is { } group)
            {
                sql.Append(" AND region_group = $group");
                command.Parameters.AddWithValue("$group", group.ToString());
            }

            if (filter.From is { } from)
            {
                sql.Append(" AND period_start >= $from");
                command.Parameters.AddWithValue("$from", StoreHelpers.Date(from.Start));
            }

            if (filter.To is { } to)
            {
                sql.Append(" AND period_end <= $to");
                command.Parameters.AddWithValue("$to", StoreHelpers.Date(to.End));
            }

            sql.Append(" ORDER BY sort_key LIMIT $take");
            command.Parameters.AddWithValue("$take", (long)limit + 1);
            command.CommandText = sql.ToString();
            var items = new List<(string Key, Observation Observation)>();
            var more = false;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (items.Count == limit)
                    {
                        more = true;
                        break;
                    }

                    items.Add((reader.GetString(0), Deserialize<Observation>(reader.GetString(1))));
                }
            }

            return new StorePage<Observation> { Items = [.. items.Select(static x => x.Observation)], Continuation = more ? items[^1].Key : null };
        }
    }

    /// <inheritdoc />
    public async Task<WriteResult<ObservationWriteResult>> AddObservationsAsync(IndicatorId indicator, IReadOnlyList<Observation> observations, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
    {
        var batch = StoreHelpers.ObservationBatch(indicator, observations);
        var catalog = await GetCatalogAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenAsync(forWriting: true, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            if (StoreHelpers.CheckIdempotency<ObservationWriteResult>(await RememberedAsync(connection, transaction, idempotency, cancellationToken).ConfigureAwait(false), idempotency) is { } earlier)
            {
                return earlier;
            }

            if (!catalog.IndicatorIds.Contains(indicator))
            {
                return WriteResult<ObservationWriteResult>.NotFound;
            }

            var replaced = 0;
            foreach (var (key, observation) in batch)
            {
                using var exists = Command(connection, transaction, "SELECT 1 FROM observations WHERE indicator = $indicator AND sort_key = $key");
                exists.Parameters.AddWithValue("$indicator", indicator.ToString());
                exists.Parameters.AddWithValue("$key", key);
                if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    replaced++;
                }

                await UpsertObservationAsync(connection, transaction, key, observation, cancellationToken).ConfigureAwait(false);
            }

            var counts = new ObservationWriteResult { Indicator = indicator, Inserted = batch.Count - replaced, Replaced = replaced };
            await RememberAsync(connection, transaction, idempotency, null, counts, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return WriteResult<ObservationWriteResult>.Written(counts);
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
            }

            using (var seeded = Command(connection, transaction, "SELECT value FROM meta WHERE key = 'seeded_at'"))
            {
                if (await seeded.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }
            }

            await SeedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
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
            await ExecuteAsync(connection, transaction, "INSERT INTO plans (id, ordinal, document) VALUES ($id, $ordinal, $document)", cancellationToken, ("$id", plan.Id.ToString()), ("$ordinal", planOrdinal++), ("$document", DeltaJson.WritePlan(plan))).ConfigureAwait(false);
            var ordinal = 0;
            foreach (var task in StoreHelpers.TasksInOrder(plan))
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO tasks (plan_id, code, ordinal, aspect, document, search_text, version) VALUES ($plan, $code, $ordinal, $aspect, $document, $search, 1)",
                    cancellationToken,
                    ("$plan", plan.Id.ToString()),
                    ("$code", task.Code.ToString()),
                    ("$ordinal", ordinal++),
                    ("$aspect", task.Aspect?.ToString()),
                    ("$document", Serialize(task)),
                    ("$search", StoreHelpers.SearchText(task))).ConfigureAwait(false);
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
        var plans = new List<Plan>();
        RegionTable regions;
        var connection = await OpenAsync(forWriting: false, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT document FROM plans ORDER BY ordinal";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        plans.Add(DeltaJson.ReadPlan(reader.GetString(0)));
                    }
                }
            }

            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT document FROM documents WHERE name = 'regions'";
                regions = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string document ? DeltaJson.ReadRegions(document) : new RegionTable();
            }
        }

        return new StoreCatalog(plans, regions);
    }

    /// <summary>Reads what the write with the request's key did, if the key is known: the report it appended, or the counts.</summary>
    private static async Task<RememberedWrite?> RememberedAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return null;
        }

        using var command = Command(
            connection,
            transaction,
            """
            SELECT i.fingerprint, i.created_at, i.report_id, i.task_version, p.document, i.indicator, i.inserted, i.replaced
            FROM idempotency i LEFT JOIN progress p ON p.id = i.report_id
            WHERE i.key = $key
            """);
        command.Parameters.AddWithValue("$key", request.Key);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            object result = !reader.IsDBNull(4)
                ? new AppendedProgress { Report = new StoredProgressReport { Id = reader.GetInt64(2), Report = Deserialize<ProgressReport>(reader.GetString(4)) }, TaskVersion = reader.GetInt64(3) }
                : new ObservationWriteResult { Indicator = IndicatorId.Parse(reader.GetString(5)), Inserted = reader.GetInt32(6), Replaced = reader.GetInt32(7) };
            return new RememberedWrite(reader.GetString(0), StoreHelpers.InstantPattern.Parse(reader.GetString(1)).Value, result);
        }
    }

    private static async Task RememberAsync(SqliteConnection connection, SqliteTransaction transaction, IdempotencyRequest? request, AppendedProgress? appended, ObservationWriteResult? counts, CancellationToken cancellationToken)
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
            INSERT OR REPLACE INTO idempotency (key, fingerprint, created_at, report_id, task_version, indicator, inserted, replaced)
            VALUES ($key, $fingerprint, $createdAt, $reportId, $taskVersion, $indicator, $inserted, $replaced)
            """,
            cancellationToken,
            ("$key", request.Key),
            ("$fingerprint", request.Fingerprint),
            ("$createdAt", StoreHelpers.InstantPattern.Format(request.ReceivedAt)),
            ("$reportId", appended?.Report.Id),
            ("$taskVersion", appended?.TaskVersion),
            ("$indicator", counts?.Indicator.ToString()),
            ("$inserted", counts?.Inserted),
            ("$replaced", counts?.Replaced)).ConfigureAwait(false);
    }

    private static Task UpsertObservationAsync(SqliteConnection connection, SqliteTransaction transaction, string key, Observation observation, CancellationToken cancellationToken)
        => ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO observations (indicator, sort_key, region, region_group, period_start, period_end, document)
            VALUES ($indicator, $key, $region, $group, $start, $end, $document)
            ON CONFLICT (indicator, sort_key) DO UPDATE SET document = excluded.document
            """,
            cancellationToken,
            ("$indicator", observation.Indicator.ToString()),
            ("$key", key),
            ("$region", observation.Region?.ToString()),
            ("$group", observation.RegionGroup?.ToString()),
            ("$start", StoreHelpers.Date(observation.Period.Start)),
            ("$end", StoreHelpers.Date(observation.Period.End)),
            ("$document", Serialize(observation)));

    private static async Task<bool> TaskExistsAsync(SqliteConnection connection, SqliteTransaction? transaction, PlanId planId, TaskCode code, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT 1 FROM tasks WHERE plan_id = $plan AND code = $code");
        command.Parameters.AddWithValue("$plan", planId.ToString());
        command.Parameters.AddWithValue("$code", code.ToString());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

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

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ServerJson.TypeInfo<T>());

    // Stored reports never change: parse each once (by id) and read its text only when it is not cached.
    private ProgressReport CachedReport(SqliteDataReader reader, int idColumn, int documentColumn)
        => _reports.GetOrParse(reader.GetInt64(idColumn), () => reader.GetString(documentColumn), static json => Deserialize<ProgressReport>(json));

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize(json, ServerJson.TypeInfo<T>())
        ?? throw new InvalidDataException($"The database holds null where a {typeof(T).Name} belongs.");

    /// <summary>
    /// The schema, one script per version: a file at version N gets scripts N+1 onwards, each in the start-up
    /// transaction, and records the version it reached in <c>meta</c>.
    /// </summary>
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
    ];
}
