using System.Data.Common;
using System.Globalization;
using System.Text;
using DeltaSdk.Api;
using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>The history of observations: revisions, the indicator version writes check, and the as-of and change reads.</summary>
/// <remarks>
/// <c>observations</c> holds each observation's current revision (what a plain list reads); <c>observation_revisions</c>
/// holds every revision ever recorded, the current one included, each with the change stamp of the write that made it.
/// A write adds rows and never deletes one, so an earlier value stays readable by <c>asOf</c> and in the revisions list.
/// </remarks>
internal static partial class SqlQueries
{
    /// <summary>The schema version that added the history of observations.</summary>
    public const int ObservationHistoryVersion = 4;

    /// <summary>The columns of a revision row the reads below expect.</summary>
    private const string RevisionColumns = "seq, sort_key, revision, document";

    public static async Task<StoredIndicator?> GetIndicatorAsync(Func<DbCommand> createCommand, StoreCatalog catalog, IndicatorId indicator, CancellationToken cancellationToken)
    {
        if (catalog.Indicators.FirstOrDefault(i => i.Id == indicator) is not { } found)
        {
            return null;
        }

        using var command = createCommand();
        command.CommandText = "SELECT version FROM indicator_versions WHERE indicator = @indicator";
        Add(command, "indicator", indicator.ToString());

        // The row is made by the first write; before it the indicator is at version 1.
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 1L;
        return new StoredIndicator { Indicator = found, Version = version };
    }

    /// <summary>The as-of read: each observation's latest revision recorded at or before the instant, in period order.</summary>
    private static async Task<StorePage<Observation>> ListObservationsAsOfAsync(Func<DbCommand> createCommand, IndicatorId indicator, ObservationFilter filter, Instant asOf, string? continuation, int limit, CancellationToken cancellationToken)
    {
        using var command = createCommand();
        var sql = new StringBuilder(
            """
            SELECT sort_key, document FROM observation_revisions r
            WHERE indicator = @indicator AND sort_key > @after AND recorded_at <= @asOf
            AND revision = (SELECT max(x.revision) FROM observation_revisions x WHERE x.indicator = r.indicator AND x.sort_key = r.sort_key AND x.recorded_at <= @asOf)
            """);
        Add(command, "indicator", indicator.ToString());
        Add(command, "after", continuation ?? string.Empty);
        Add(command, "asOf", StoreHelpers.ToMicros(asOf));
        AppendObservationFilter(sql, command, filter);
        sql.Append(" ORDER BY sort_key LIMIT @take");
        Add(command, "take", (long)limit + 1);
        command.CommandText = sql.ToString();
        return await ReadPageAsync(command, limit, static reader => Deserialize<Observation>(reader.GetString(1)), static (reader, _) => reader.GetString(0), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The change read: revisions recorded after <paramref name="since"/>, by sequence, then period order within a write.
    /// The first page starts after the last write recorded at or before <paramref name="since"/> (found on the
    /// <c>(indicator, recorded_at)</c> index), so every page is a range scan of <c>(indicator, seq, sort_key)</c>.
    /// </summary>
    private static async Task<StorePage<Observation>> ListObservationChangesAsync(Func<DbCommand> createCommand, IndicatorId indicator, ObservationFilter filter, Instant since, string? continuation, int limit, CancellationToken cancellationToken)
    {
        long afterSeq;
        string? afterKey = null;
        if (continuation is not null)
        {
            (afterSeq, afterKey) = ObservationChanges.ParseContinuation(continuation);
        }
        else
        {
            using var start = createCommand();
            start.CommandText = "SELECT seq FROM observation_revisions WHERE indicator = @indicator AND recorded_at <= @since ORDER BY recorded_at DESC, seq DESC LIMIT 1";
            Add(start, "indicator", indicator.ToString());
            Add(start, "since", StoreHelpers.ToMicros(since));
            afterSeq = await start.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0L;

            // Every row of the write at afterSeq was recorded at or before since: start after all of them.
            afterSeq++;
        }

        using var command = createCommand();
        var sql = new StringBuilder("SELECT " + RevisionColumns + " FROM observation_revisions WHERE indicator = @indicator AND recorded_at > @since");
        Add(command, "indicator", indicator.ToString());
        Add(command, "since", StoreHelpers.ToMicros(since));
        if (afterKey is null)
        {
            sql.Append(" AND seq >= @afterSeq");
            Add(command, "afterSeq", afterSeq);
        }
        else
        {
            sql.Append(" AND seq >= @afterSeq AND (seq > @afterSeq OR sort_key > @afterKey)");
            Add(command, "afterSeq", afterSeq);
            Add(command, "afterKey", afterKey);
        }

        if (filter.AsOf is { } asOf)
        {
            sql.Append(" AND recorded_at <= @asOf");
            Add(command, "asOf", StoreHelpers.ToMicros(asOf));
        }

        AppendObservationFilter(sql, command, filter);
        sql.Append(" ORDER BY seq, sort_key LIMIT @take");
        Add(command, "take", (long)limit + 1);
        command.CommandText = sql.ToString();
        return await ReadPageAsync(
            command,
            limit,
            static reader => Deserialize<Observation>(reader.GetString(3)),
            static (reader, _) => ObservationChanges.Continuation(reader.GetInt64(0), reader.GetString(1)),
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task<StorePage<Observation>?> ListObservationRevisionsAsync(
        Func<DbCommand> createCommand, StoreCatalog catalog, IndicatorId indicator, string sortKey, string? continuation, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var after = continuation is null ? 0 : StoreHelpers.ParseOrdinalContinuation(continuation);
        if (!catalog.IndicatorIds.Contains(indicator))
        {
            return null;
        }

        using var command = createCommand();
        command.CommandText = "SELECT revision, document FROM observation_revisions WHERE indicator = @indicator AND sort_key = @key AND revision > @after ORDER BY revision LIMIT @take";
        Add(command, "indicator", indicator.ToString());
        Add(command, "key", sortKey);
        Add(command, "after", after);
        Add(command, "take", (long)limit + 1);
        return await ReadPageAsync(
            command,
            limit,
            static reader => Deserialize<Observation>(reader.GetString(1)),
            static (reader, _) => StoreHelpers.OrdinalContinuation(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The body of an observation write, inside the caller's transaction: reads the indicator's version (locking its
    /// row where <see cref="SqlDialect.LockRow"/> says so), checks it, takes one change stamp, records each observation
    /// as its next revision and raises the version.
    /// </summary>
    /// <returns>Written with the counts and new version, or why not; the caller remembers the idempotency key and commits.</returns>
    public static async Task<WriteResult<AddedObservations>> AddObservationsAsync(
        Func<DbCommand> createCommand, SqlDialect dialect, IndicatorId indicator, SortedDictionary<string, Observation> batch, long expectedVersion, Instant now, CancellationToken cancellationToken)
    {
        using (var ensure = createCommand())
        {
            // The version row exists from the first write on; ON CONFLICT makes two first writers agree on one row.
            ensure.CommandText = "INSERT INTO indicator_versions (indicator, version) VALUES (@indicator, 1) ON CONFLICT (indicator) DO NOTHING";
            Add(ensure, "indicator", indicator.ToString());
            await ensure.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long version;
        using (var read = createCommand())
        {
            read.CommandText = "SELECT version FROM indicator_versions WHERE indicator = @indicator" + dialect.LockRow;
            Add(read, "indicator", indicator.ToString());
            version = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (version != expectedVersion)
        {
            return WriteResult<AddedObservations>.Mismatch(version);
        }

        var stamp = await NextChangeAsync(createCommand, now, cancellationToken).ConfigureAwait(false);
        var revised = 0;

        // In sort order, so that two writers of the same rows lock them in one order.
        foreach (var (key, observation) in batch)
        {
            int previous;
            using (var current = createCommand())
            {
                current.CommandText = "SELECT revision FROM observations WHERE indicator = @indicator AND sort_key = @key";
                Add(current, "indicator", indicator.ToString());
                Add(current, "key", key);
                previous = await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
            }

            if (previous > 0)
            {
                revised++;
            }

            await RecordRevisionAsync(createCommand, key, observation, previous + 1, stamp, cancellationToken).ConfigureAwait(false);
        }

        using (var update = createCommand())
        {
            update.CommandText = "UPDATE indicator_versions SET version = version + 1 WHERE indicator = @indicator";
            Add(update, "indicator", indicator.ToString());
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var counts = new ObservationWriteResult { Indicator = indicator, Inserted = batch.Count - revised, Replaced = revised };
        return WriteResult<AddedObservations>.Written(new AddedObservations { Counts = counts, IndicatorVersion = version + 1 });
    }

    /// <summary>
    /// Gives observations stored without a revision (seeded ones, and those stored before schema version 4) revision 1,
    /// all under one change stamp, and adds each to the revisions.
    /// </summary>
    /// <remarks>
    /// Their true recording time is unknown (a seed is the store's starting point), so the stamp is the change clock's
    /// floor: one microsecond after the last write the store recorded, or just after the Unix epoch in a new store.
    /// An as-of read of any later instant has them, and an <c>updatedSince</c> poller, which starts from a full read,
    /// never sees them as changes; a clock far behind the writers' is never pushed ahead by them.
    /// </remarks>
    public static async Task StampUnstampedObservationsAsync(Func<DbCommand> createCommand, CancellationToken cancellationToken)
    {
        var unstamped = new List<(string Key, Observation Observation)>();
        using (var read = createCommand())
        {
            read.CommandText = "SELECT sort_key, document FROM observations WHERE seq IS NULL ORDER BY indicator, sort_key";
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    unstamped.Add((reader.GetString(0), Deserialize<Observation>(reader.GetString(1))));
                }
            }
        }

        if (unstamped.Count == 0)
        {
            return;
        }

        var stamp = await NextChangeAsync(createCommand, NodaConstants.UnixEpoch, cancellationToken).ConfigureAwait(false);
        foreach (var (key, observation) in unstamped)
        {
            await RecordRevisionAsync(createCommand, key, observation, 1, stamp, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Makes <paramref name="observation"/> the current revision of its row and adds it to the revisions.</summary>
    private static async Task RecordRevisionAsync(Func<DbCommand> createCommand, string key, Observation observation, int revision, ChangeStamp stamp, CancellationToken cancellationToken)
    {
        var stored = observation with { RecordedAt = stamp.RecordedAt, Revision = revision };
        foreach (var sql in new[]
        {
            """
            INSERT INTO observations (indicator, sort_key, region, region_group, period_start, period_end, document, revision, seq, recorded_at)
            VALUES (@indicator, @key, @region, @group, @start, @end, @document, @revision, @seq, @recordedAt)
            ON CONFLICT (indicator, sort_key) DO UPDATE SET document = excluded.document, revision = excluded.revision, seq = excluded.seq, recorded_at = excluded.recorded_at
            """,
            """
            INSERT INTO observation_revisions (indicator, sort_key, revision, seq, recorded_at, region, region_group, period_start, period_end, document)
            VALUES (@indicator, @key, @revision, @seq, @recordedAt, @region, @group, @start, @end, @document)
            """,
        })
        {
            using var command = createCommand();
            command.CommandText = sql;
            foreach (var (name, value) in ObservationValues(key, stored))
            {
                // A null (no region, or no group) has no type to infer from; both such columns are text.
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                parameter.DbType = value is null ? System.Data.DbType.String : parameter.DbType;
                command.Parameters.Add(parameter);
            }

            Add(command, "revision", revision);
            Add(command, "seq", stamp.Sequence);
            Add(command, "recordedAt", StoreHelpers.ToMicros(stamp.RecordedAt));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
