using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DeltaSdk.Api;
using DeltaSdk.Server.Http;
using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// The reads <see cref="SqlitePlanStore"/> and <see cref="PostgreSqlPlanStore"/> share, over ADO.NET's
/// <see cref="DbCommand"/> and <see cref="DbDataReader"/>: one statement text for both (named parameters as
/// <c>@name</c>, which SQLite and Npgsql both take), so the stores differ only in how they connect, in how they write,
/// and in <see cref="SqlDialect"/>.
/// </summary>
/// <remarks>
/// Each method takes a factory of commands: a connection's (SQLite, which opens one per read) or a data source's
/// (Npgsql, whose commands take a pooled connection each).
/// </remarks>
internal static partial class SqlQueries
{
    /// <summary>The columns of a task row the reads below expect, from <c>tasks t LEFT JOIN progress p</c>.</summary>
    private const string TaskRow = "SELECT t.ordinal, t.code, t.version, p.id, p.document FROM tasks t LEFT JOIN progress p ON p.id = t.latest_report_id";

    /// <summary>What a remembered write's row holds: the first write's fingerprint, time and result.</summary>
    public const string RememberedWrite =
        """
        SELECT i.fingerprint, i.created_at, i.report_id, i.task_version, p.document, i.indicator, i.inserted, i.replaced, i.indicator_version
        FROM idempotency i LEFT JOIN progress p ON p.id = i.report_id
        WHERE i.key = @key
        """;

    /// <summary>
    /// Commits a write, then tells the store's hot-read stamp (<paramref name="committed"/>): after the commit, so that
    /// nothing read before it is kept under the new stamp, and even when the commit's answer was lost, because one
    /// needless cache miss is better than a stale entry.
    /// </summary>
    public static async Task CommitWriteAsync(DbTransaction transaction, Action committed, CancellationToken cancellationToken)
    {
        try
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            committed();
        }
    }

    /// <summary>
    /// Takes the next <see cref="ChangeStamp"/> inside the caller's write transaction, from the one row of
    /// <c>change_clock</c>. The update holds that row until the transaction ends (SQLite: the whole file already is), so
    /// writers that take stamps commit in stamp order on every instance, and a reader that has seen a sequence has seen
    /// every lower one: what lets <c>updatedSince</c> pages continue after a sequence without missing a write.
    /// </summary>
    /// <remarks>Take it as late in the transaction as the write allows: from here to the commit, stamped writes queue.</remarks>
    /// <param name="createCommand">Makes commands in the write transaction.</param>
    /// <param name="now">The writer's clock.</param>
    /// <param name="cancellationToken">Cancels the statement.</param>
    /// <returns>The stamp (see <see cref="StoreHelpers.NextRecordedAt"/> for how its time is chosen).</returns>
    public static async Task<ChangeStamp> NextChangeAsync(Func<DbCommand> createCommand, Instant now, CancellationToken cancellationToken)
    {
        using var command = createCommand();
        command.CommandText =
            """
            UPDATE change_clock
            SET seq = seq + 1, recorded_at = CASE WHEN @now > recorded_at THEN @now ELSE recorded_at + 1 END
            WHERE id = 1
            RETURNING seq, recorded_at
            """;
        Add(command, "now", StoreHelpers.ToMicros(now));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidDataException("The database has no change_clock row; its schema is incomplete.");
            }

            return new ChangeStamp(reader.GetInt64(0), StoreHelpers.FromMicros(reader.GetInt64(1)));
        }
    }

    /// <summary>
    /// Gives progress reports stored before schema version 3 the stamps that version added, in the order they were
    /// stored, each recorded at its <see cref="ProgressReport.RecordedAt"/> (or just after the one before, see
    /// <see cref="StoreHelpers.NextRecordedAt"/>), and writes the stamp into the report's document too.
    /// </summary>
    /// <param name="createCommand">Makes commands in the migration's transaction.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <returns>A task that completes when every report has a stamp.</returns>
    public static async Task StampUnstampedProgressAsync(Func<DbCommand> createCommand, CancellationToken cancellationToken)
    {
        var unstamped = new List<(long Id, ProgressReport Report)>();
        using (var read = createCommand())
        {
            read.CommandText = "SELECT id, document FROM progress WHERE seq IS NULL ORDER BY id";
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    unstamped.Add((reader.GetInt64(0), Deserialize<ProgressReport>(reader.GetString(1))));
                }
            }
        }

        foreach (var (id, report) in unstamped)
        {
            // A report always had RecordedAt set by the server; the epoch only guards a row some other program wrote.
            var stamp = await NextChangeAsync(createCommand, report.RecordedAt ?? NodaConstants.UnixEpoch, cancellationToken).ConfigureAwait(false);
            using var update = createCommand();
            update.CommandText = "UPDATE progress SET seq = @seq, recorded_at = @recordedAt, document = @document WHERE id = @id";
            Add(update, "seq", stamp.Sequence);
            Add(update, "recordedAt", StoreHelpers.ToMicros(stamp.RecordedAt));
            Add(update, "document", Serialize(report with { RecordedAt = stamp.RecordedAt }));
            Add(update, "id", id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<StorePage<StoredTask>?> ListTasksAsync(
        Func<DbCommand> createCommand, SqlDialect dialect, StoreCatalog catalog, ParsedReportCache reports, PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var after = continuation is null ? -1 : StoreHelpers.ParseOrdinalContinuation(continuation);
        if (!catalog.Plans.ContainsKey(planId))
        {
            return null;
        }

        if (filter.UpdatedSince is { } since)
        {
            return await ListChangedTasksAsync(createCommand, dialect, catalog, reports, planId, filter, since, continuation is null ? 0 : after, limit, cancellationToken).ConfigureAwait(false);
        }

        using var command = createCommand();
        var sql = new StringBuilder(TaskRow).Append(" WHERE t.plan_id = @plan AND t.ordinal > @after");
        Add(command, "plan", planId.ToString());
        Add(command, "after", after);
        AppendTaskFilter(sql, command, dialect, filter);
        sql.Append(" ORDER BY t.ordinal LIMIT @take");
        Add(command, "take", (long)limit + 1);
        command.CommandText = sql.ToString();
        return await ReadPageAsync(
            command,
            limit,
            reader => ReadTask(reader, catalog, reports, planId),
            static (reader, _) => StoreHelpers.OrdinalContinuation(reader.GetInt64(0)),
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task<StoredTask?> GetTaskAsync(Func<DbCommand> createCommand, StoreCatalog catalog, ParsedReportCache reports, PlanId planId, TaskCode code, CancellationToken cancellationToken)
    {
        using var command = createCommand();
        command.CommandText = TaskRow + " WHERE t.plan_id = @plan AND t.code = @code";
        Add(command, "plan", planId.ToString());
        Add(command, "code", code.ToString());
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTask(reader, catalog, reports, planId) : null;
        }
    }

    public static async Task<StorePage<StoredProgressReport>?> ListProgressAsync(
        Func<DbCommand> createCommand, ParsedReportCache reports, PlanId planId, TaskCode code, string? continuation, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        (LocalDate ReportedOn, long Id)? after = continuation is null ? null : StoreHelpers.ParseProgressContinuation(continuation);
        StorePage<StoredProgressReport> page;
        using (var command = createCommand())
        {
            command.CommandText =
                """
                SELECT id, document FROM progress
                WHERE plan_id = @plan AND code = @code AND (reported_on, id) > (@afterDate, @afterId)
                ORDER BY reported_on, id LIMIT @take
                """;
            Add(command, "plan", planId.ToString());
            Add(command, "code", code.ToString());
            Add(command, "afterDate", after is { } a ? StoreHelpers.Date(a.ReportedOn) : string.Empty);
            Add(command, "afterId", after?.Id ?? 0L);
            Add(command, "take", (long)limit + 1);
            page = await ReadPageAsync(
                command,
                limit,
                reader => new StoredProgressReport { Id = reader.GetInt64(0), Report = ReadReport(reader, 0, 1, reports) },
                static (_, report) => StoreHelpers.ProgressContinuation(report),
                cancellationToken).ConfigureAwait(false);
        }

        // Tasks are never removed, so an empty page only needs asking whether the task is there at all.
        return page.Items.Count > 0 || await TaskExistsAsync(createCommand, planId, code, cancellationToken).ConfigureAwait(false) ? page : null;
    }

    /// <summary>
    /// The tasks whose last change (up to <see cref="TaskFilter.AsOf"/>) was recorded after <paramref name="since"/>, by
    /// the sequence of that change. Recording times rise with sequences, so the reports after <paramref name="since"/>
    /// are the only ones to look at, and the highest sequence among them is the task's last change.
    /// </summary>
    private static async Task<StorePage<StoredTask>?> ListChangedTasksAsync(
        Func<DbCommand> createCommand, SqlDialect dialect, StoreCatalog catalog, ParsedReportCache reports, PlanId planId, TaskFilter filter, Instant since, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        using var command = createCommand();
        var sql = new StringBuilder(
            """
            SELECT t.ordinal, t.code, t.version, p.id, p.document, c.last_seq
            FROM (SELECT code, MAX(seq) AS last_seq FROM progress
                  WHERE plan_id = @plan AND recorded_at > @since AND recorded_at <= @asOf
                  GROUP BY code) c
            JOIN tasks t ON t.plan_id = @plan AND t.code = c.code
            LEFT JOIN progress p ON p.id = t.latest_report_id
            WHERE c.last_seq > @after
            """);
        Add(command, "plan", planId.ToString());
        Add(command, "since", StoreHelpers.ToMicros(since));
        Add(command, "asOf", filter.AsOf is { } asOf ? StoreHelpers.ToMicros(asOf) : long.MaxValue);
        Add(command, "after", afterSequence);
        AppendTaskFilter(sql, command, dialect, filter);
        sql.Append(" ORDER BY c.last_seq LIMIT @take");
        Add(command, "take", (long)limit + 1);
        command.CommandText = sql.ToString();
        return await ReadPageAsync(
            command,
            limit,
            reader => ReadTask(reader, catalog, reports, planId),
            static (reader, _) => StoreHelpers.OrdinalContinuation(reader.GetInt64(5)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists a plan's progress as <see cref="ProgressFilter"/> says: in change order, continuing after a sequence, or in
    /// a task's order (the same as the task list above), within an interval of recording times.
    /// </summary>
    public static async Task<StorePage<StoredProgressReport>?> ListProgressAsync(
        Func<DbCommand> createCommand, StoreCatalog catalog, ParsedReportCache reports, PlanId planId, ProgressFilter filter, string? continuation, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!catalog.Plans.ContainsKey(planId))
        {
            return null;
        }

        StorePage<StoredProgressReport> page;
        using (var command = createCommand())
        {
            var sql = new StringBuilder("SELECT id, document, seq FROM progress WHERE plan_id = @plan AND recorded_at > @since AND recorded_at <= @asOf");
            Add(command, "plan", planId.ToString());
            Add(command, "since", filter.UpdatedSince is { } since ? StoreHelpers.ToMicros(since) : long.MinValue);
            Add(command, "asOf", filter.AsOf is { } asOf ? StoreHelpers.ToMicros(asOf) : long.MaxValue);
            if (filter.Task is { } code)
            {
                sql.Append(" AND code = @code");
                Add(command, "code", code.ToString());
            }

            Func<DbDataReader, StoredProgressReport, string> key;
            if (filter.InChangeOrder)
            {
                sql.Append(" AND seq > @after ORDER BY seq");
                Add(command, "after", continuation is null ? 0L : StoreHelpers.ParseOrdinalContinuation(continuation));
                key = static (reader, _) => StoreHelpers.OrdinalContinuation(reader.GetInt64(2));
            }
            else
            {
                (LocalDate ReportedOn, long Id)? after = continuation is null ? null : StoreHelpers.ParseProgressContinuation(continuation);
                sql.Append(" AND (reported_on, id) > (@afterDate, @afterId) ORDER BY reported_on, id");
                Add(command, "afterDate", after is { } a ? StoreHelpers.Date(a.ReportedOn) : string.Empty);
                Add(command, "afterId", after?.Id ?? 0L);
                key = static (_, report) => StoreHelpers.ProgressContinuation(report);
            }

            sql.Append(" LIMIT @take");
            Add(command, "take", (long)limit + 1);
            command.CommandText = sql.ToString();
            page = await ReadPageAsync(
                command,
                limit,
                reader => new StoredProgressReport { Id = reader.GetInt64(0), Report = ReadReport(reader, 0, 1, reports) },
                key,
                cancellationToken).ConfigureAwait(false);
        }

        return page.Items.Count > 0 || filter.Task is not { } task || await TaskExistsAsync(createCommand, planId, task, cancellationToken).ConfigureAwait(false) ? page : null;
    }

    /// <summary>
    /// Each task's latest report per region and last recording time, for a page of tasks in one statement: a window over
    /// their reports (up to <paramref name="asOf"/>) ranks each region's by state date, then change sequence.
    /// </summary>
    public static async Task<IReadOnlyDictionary<TaskCode, TaskProgressState>> GetProgressStatesAsync(
        Func<DbCommand> createCommand, ParsedReportCache reports, PlanId planId, IReadOnlyCollection<TaskCode> codes, Instant? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var found = new Dictionary<TaskCode, (List<ProgressReport> Latest, long UpdatedAt)>();
        if (codes.Count > 0)
        {
            using var command = createCommand();
            var sql = new StringBuilder(
                """
                SELECT code, id, document, updated_at FROM (
                    SELECT code, id, document,
                        ROW_NUMBER() OVER (PARTITION BY code, region ORDER BY reported_on DESC, seq DESC) AS place_in_region,
                        MAX(recorded_at) OVER (PARTITION BY code) AS updated_at
                    FROM progress
                    WHERE plan_id = @plan AND recorded_at <= @asOf AND code IN (
                """);
            sql.AppendJoin(", ", codes.Select(static (_, i) => string.Create(CultureInfo.InvariantCulture, $"@c{i}")));
            sql.Append(")) latest WHERE place_in_region = 1");
            Add(command, "plan", planId.ToString());
            Add(command, "asOf", asOf is { } at ? StoreHelpers.ToMicros(at) : long.MaxValue);
            var index = 0;
            foreach (var code in codes)
            {
                Add(command, string.Create(CultureInfo.InvariantCulture, $"c{index++}"), code.ToString());
            }

            command.CommandText = sql.ToString();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var code = TaskCode.Parse(reader.GetString(0));
                    if (!found.TryGetValue(code, out var entry))
                    {
                        entry = ([], reader.GetInt64(3));
                        found.Add(code, entry);
                    }

                    entry.Latest.Add(ReadReport(reader, 1, 2, reports));
                }
            }
        }

        return found.ToDictionary(static e => e.Key, static e => TaskProgressState.From(e.Value.Latest, StoreHelpers.FromMicros(e.Value.UpdatedAt)));
    }

    /// <summary>
    /// Fills <c>progress.region</c> (schema version 4) from the documents of the reports stored before it, so that the
    /// latest report per region can be found by the column.
    /// </summary>
    /// <param name="createCommand">Makes commands in the migration's transaction.</param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <returns>A task that completes when every stored report's region is in its column.</returns>
    public static async Task FillProgressRegionsAsync(Func<DbCommand> createCommand, CancellationToken cancellationToken)
    {
        var regions = new List<(long Id, string Region)>();
        using (var read = createCommand())
        {
            read.CommandText = "SELECT id, document FROM progress ORDER BY id";
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (Deserialize<ProgressReport>(reader.GetString(1)).Region is { } region)
                    {
                        regions.Add((reader.GetInt64(0), region.ToString()));
                    }
                }
            }
        }

        foreach (var (id, region) in regions)
        {
            using var update = createCommand();
            update.CommandText = "UPDATE progress SET region = @region WHERE id = @id";
            Add(update, "region", region);
            Add(update, "id", id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<StoredProgressReport?> GetProgressAsync(Func<DbCommand> createCommand, ParsedReportCache reports, PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken)
    {
        using var command = createCommand();
        command.CommandText = "SELECT id, document FROM progress WHERE id = @id AND plan_id = @plan AND code = @code";
        Add(command, "id", reportId);
        Add(command, "plan", planId.ToString());
        Add(command, "code", code.ToString());
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StoredProgressReport { Id = reportId, Report = ReadReport(reader, 0, 1, reports) }
                : null;
        }
    }

    public static async Task<StorePage<Observation>?> ListObservationsAsync(
        Func<DbCommand> createCommand, StoreCatalog catalog, IndicatorId indicator, ObservationFilter filter, string? continuation, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!catalog.IndicatorIds.Contains(indicator))
        {
            return null;
        }

        if (filter.UpdatedSince is { } since)
        {
            return await ListObservationChangesAsync(createCommand, indicator, filter, since, continuation, limit, cancellationToken).ConfigureAwait(false);
        }

        if (filter.AsOf is { } asOf)
        {
            return await ListObservationsAsOfAsync(createCommand, indicator, filter, asOf, continuation, limit, cancellationToken).ConfigureAwait(false);
        }

        using var command = createCommand();
        var sql = new StringBuilder("SELECT sort_key, document FROM observations WHERE indicator = @indicator AND sort_key > @after");
        Add(command, "indicator", indicator.ToString());
        Add(command, "after", continuation ?? string.Empty);
        AppendObservationFilter(sql, command, filter);
        sql.Append(" ORDER BY sort_key LIMIT @take");
        Add(command, "take", (long)limit + 1);
        command.CommandText = sql.ToString();
        return await ReadPageAsync(
            command,
            limit,
            static reader => Deserialize<Observation>(reader.GetString(1)),
            static (reader, _) => reader.GetString(0),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The body of a progress write, inside the caller's transaction: reads the task's version (locking the row where
    /// <see cref="SqlDialect.LockRow"/> says so), checks it, appends the report and raises the version, making the
    /// report the task's latest when its state date is not earlier.
    /// </summary>
    /// <returns>Written with the appended report, or why not; the caller remembers the idempotency key and commits.</returns>
    public static async Task<WriteResult<AppendedProgress>> AppendProgressAsync(Func<DbCommand> createCommand, SqlDialect dialect, ProgressReport report, long expectedVersion, CancellationToken cancellationToken)
    {
        long version;
        string? latestReportedOn;
        using (var read = createCommand())
        {
            read.CommandText = "SELECT version, latest_reported_on FROM tasks WHERE plan_id = @plan AND code = @code" + dialect.LockRow;
            Add(read, "plan", report.Plan.ToString());
            Add(read, "code", report.Task.ToString());
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
        var stamp = await NextChangeAsync(createCommand, report.RecordedAt ?? throw new ArgumentException("The report has no RecordedAt.", nameof(report)), cancellationToken).ConfigureAwait(false);
        report = report with { RecordedAt = stamp.RecordedAt };
        long id;
        using (var insert = createCommand())
        {
            insert.CommandText = "INSERT INTO progress (plan_id, code, reported_on, document, seq, recorded_at, region) VALUES (@plan, @code, @reportedOn, @document, @seq, @recordedAt, @region) RETURNING id";
            Add(insert, "region", report.Region?.ToString());
            Add(insert, "plan", report.Plan.ToString());
            Add(insert, "code", report.Task.ToString());
            Add(insert, "reportedOn", reportedOn);
            Add(insert, "document", Serialize(report));
            Add(insert, "seq", stamp.Sequence);
            Add(insert, "recordedAt", StoreHelpers.ToMicros(stamp.RecordedAt));
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        // ISO dates compare as text; a later or equal state date makes this report the latest (see StoreHelpers.IsLatest).
        var isLatest = latestReportedOn is null || string.CompareOrdinal(reportedOn, latestReportedOn) >= 0;
        using (var update = createCommand())
        {
            update.CommandText = isLatest
                ? "UPDATE tasks SET version = version + 1, latest_report_id = @id, latest_status = @status, latest_reported_on = @reportedOn WHERE plan_id = @plan AND code = @code AND version = @version"
                : "UPDATE tasks SET version = version + 1 WHERE plan_id = @plan AND code = @code AND version = @version";
            Add(update, "plan", report.Plan.ToString());
            Add(update, "code", report.Task.ToString());
            Add(update, "version", version);
            if (isLatest)
            {
                Add(update, "id", id);
                Add(update, "status", (int)report.Status);
                Add(update, "reportedOn", reportedOn);
            }

            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new InvalidOperationException($"Task '{report.Task}' changed inside a write transaction that held it; the database is being written by another program.");
            }
        }

        return WriteResult<AppendedProgress>.Written(new AppendedProgress { Report = new StoredProgressReport { Id = id, Report = report }, TaskVersion = version + 1 });
    }

    /// <summary>Reads the row of <see cref="RememberedWrite"/>, if there is one, as the first write's result.</summary>
    public static async Task<RememberedWrite?> ReadRememberedAsync(DbCommand command, IdempotencyRequest request, CancellationToken cancellationToken)
    {
        command.CommandText = RememberedWrite;
        Add(command, "key", request.Key);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            object result = !reader.IsDBNull(4)
                ? new AppendedProgress { Report = new StoredProgressReport { Id = reader.GetInt64(2), Report = Deserialize<ProgressReport>(reader.GetString(4)) }, TaskVersion = reader.GetInt64(3) }
                : new AddedObservations
                {
                    Counts = new ObservationWriteResult { Indicator = IndicatorId.Parse(reader.GetString(5)), Inserted = reader.GetInt32(6), Replaced = reader.GetInt32(7) },
                    IndicatorVersion = reader.GetInt64(8),
                };
            return new RememberedWrite(reader.GetString(0), StoreHelpers.InstantPattern.Parse(reader.GetString(1)).Value, result);
        }
    }

    /// <summary>The values of a remembered write's row, named as the stores' <c>INSERT INTO idempotency</c> statements name them.</summary>
    public static (string Name, object? Value)[] RememberedWriteValues(IdempotencyRequest request, AppendedProgress? appended, AddedObservations? added) =>
    [
        ("key", request.Key),
        ("fingerprint", request.Fingerprint),
        ("createdAt", StoreHelpers.InstantPattern.Format(request.ReceivedAt)),
        ("reportId", appended?.Report.Id),
        ("taskVersion", appended?.TaskVersion),
        ("indicator", added?.Counts.Indicator.ToString()),
        ("inserted", added?.Counts.Inserted),
        ("replaced", added?.Counts.Replaced),
        ("indicatorVersion", added?.IndicatorVersion),
    ];

    /// <summary>The columns an observation is stored in, named as the stores' upserts name them.</summary>
    public static (string Name, object? Value)[] ObservationValues(string key, Observation observation) =>
    [
        ("indicator", observation.Indicator.ToString()),
        ("key", key),
        ("region", observation.Region?.ToString()),
        ("group", observation.RegionGroup?.ToString()),
        ("start", StoreHelpers.Date(observation.Period.Start)),
        ("end", StoreHelpers.Date(observation.Period.End)),
        ("document", Serialize(observation)),
    ];

    /// <summary>The columns of a seeded task row (its version starts at 1).</summary>
    public static (string Name, object? Value)[] SeedTaskValues(Plan plan, KeyTask task, int ordinal) =>
    [
        ("plan", plan.Id.ToString()),
        ("code", task.Code.ToString()),
        ("ordinal", ordinal),
        ("aspect", task.Aspect?.ToString()),
        ("document", Serialize(task)),
        ("search", StoreHelpers.SearchText(task)),
    ];

    public const string SeedTask = "INSERT INTO tasks (plan_id, code, ordinal, aspect, document, search_text, version) VALUES (@plan, @code, @ordinal, @aspect, @document, @search, 1)";

    /// <summary>Seeds a plan's row at revision 0: <see cref="RecordFirstRevisionsAsync"/> then records its revision 1.</summary>
    public const string SeedPlan = "INSERT INTO plans (id, ordinal, document, revision) VALUES (@id, @ordinal, @document, 0)";

    /// <summary>Reads every plan and the region table the seed stored: what a store's catalog is made from.</summary>
    public static async Task<StoreCatalog> LoadCatalogAsync(Func<DbCommand> createCommand, CancellationToken cancellationToken)
    {
        var plans = new List<StoredPlan>();
        using (var command = createCommand())
        {
            command.CommandText = "SELECT p.document, p.revision, r.recorded_at FROM plans p JOIN plan_revisions r ON r.plan_id = p.id AND r.revision = p.revision ORDER BY p.ordinal";
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    plans.Add(new StoredPlan { Plan = Serialization.DeltaJson.ReadPlan(reader.GetString(0)), Revision = reader.GetInt64(1), RecordedAt = StoreHelpers.FromMicros(reader.GetInt64(2)) });
                }
            }
        }

        using var regions = createCommand();
        regions.CommandText = "SELECT document FROM documents WHERE name = 'regions'";
        var table = await regions.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string document ? Serialization.DeltaJson.ReadRegions(document) : new RegionTable();
        return new StoreCatalog(plans, table);
    }

    /// <summary>Adds a named parameter; <see langword="null"/> becomes <see cref="DBNull"/>.</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, ServerJson.TypeInfo<T>());

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize(json, ServerJson.TypeInfo<T>())
        ?? throw new InvalidDataException($"The database holds null where a {typeof(T).Name} belongs.");

    /// <summary>Appends a task filter's conditions to a query over <c>tasks t</c>, each value a parameter.</summary>
    private static void AppendTaskFilter(StringBuilder sql, DbCommand command, SqlDialect dialect, TaskFilter filter)
    {
        if (filter.Aspect is { } aspect)
        {
            sql.Append(" AND t.aspect = @aspect");
            Add(command, "aspect", aspect.ToString());
        }

        if (filter.Status is { } status)
        {
            sql.Append(" AND t.latest_status = @status");
            Add(command, "status", (int)status);
        }

        for (var i = 0; i < filter.Keywords.Length; i++)
        {
            sql.Append(" AND ").Append(dialect.Contains("t.search_text", string.Create(CultureInfo.InvariantCulture, $"@k{i}")));
            Add(command, string.Create(CultureInfo.InvariantCulture, $"k{i}"), filter.Keywords[i]);
        }

        if (filter.Codes is { } codes)
        {
            // An empty set matches nothing; IN () is not valid SQL.
            sql.Append(codes.IsEmpty ? " AND 1 = 0" : " AND t.code IN (");
            sql.AppendJoin(", ", codes.Select(static (_, i) => string.Create(CultureInfo.InvariantCulture, $"@c{i}")));
            sql.Append(codes.IsEmpty ? string.Empty : ")");
            for (var i = 0; i < codes.Length; i++)
            {
                Add(command, string.Create(CultureInfo.InvariantCulture, $"c{i}"), codes[i].ToString());
            }
        }
    }

    /// <summary>Appends an observation filter's conditions to a query over <c>observations</c>, each value a parameter.</summary>
    private static void AppendObservationFilter(StringBuilder sql, DbCommand command, ObservationFilter filter)
    {
        if (filter.Region is { } region)
        {
            sql.Append(" AND region = @region");
            Add(command, "region", region.ToString());
        }

        if (filter.RegionGroup is { } group)
        {
            sql.Append(" AND region_group = @group");
            Add(command, "group", group.ToString());
        }

        if (filter.From is { } from)
        {
            sql.Append(" AND period_start >= @from");
            Add(command, "from", StoreHelpers.Date(from.Start));
        }

        if (filter.To is { } to)
        {
            sql.Append(" AND period_end <= @to");
            Add(command, "to", StoreHelpers.Date(to.End));
        }
    }

    /// <summary>
    /// Reads a keyset page: the command asks for one row more than <paramref name="limit"/>, and that row's presence
    /// says there is a next page, continuing after the key of the last row kept.
    /// </summary>
    private static async Task<StorePage<T>> ReadPageAsync<T>(DbCommand command, int limit, Func<DbDataReader, T> read, Func<DbDataReader, T, string> key, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? lastKey = null;
        string? next = null;
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (items.Count == limit)
                {
                    next = lastKey;
                    break;
                }

                var item = read(reader);
                items.Add(item);
                lastKey = key(reader, item);
            }
        }

        return new StorePage<T> { Items = items, Continuation = next };
    }

    /// <summary>Reads a row of <see cref="TaskRow"/>.</summary>
    private static StoredTask ReadTask(DbDataReader reader, StoreCatalog catalog, ParsedReportCache reports, PlanId planId) => new()
    {
        Task = catalog.Task(planId, reader.GetString(1)),
        Version = reader.GetInt64(2),
        LatestReport = reader.IsDBNull(3) ? null : ReadReport(reader, 3, 4, reports),
    };

    // Stored reports never change: parse each once (by id) and read its text only when it is not cached.
    private static ProgressReport ReadReport(DbDataReader reader, int idColumn, int documentColumn, ParsedReportCache reports)
        => reports.GetOrParse(reader.GetInt64(idColumn), () => reader.GetString(documentColumn), static json => Deserialize<ProgressReport>(json));

    private static async Task<bool> TaskExistsAsync(Func<DbCommand> createCommand, PlanId planId, TaskCode code, CancellationToken cancellationToken)
    {
        using var command = createCommand();
        command.CommandText = "SELECT 1 FROM tasks WHERE plan_id = @plan AND code = @code";
        Add(command, "plan", planId.ToString());
        Add(command, "code", code.ToString());
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }
}
