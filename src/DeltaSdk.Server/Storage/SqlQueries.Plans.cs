using System.Data.Common;
using System.Globalization;
using DeltaSdk.Api;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>The catalogue's statements: plan revisions, their history, and the plan writes that make them.</summary>
internal static partial class SqlQueries
{
    /// <summary>What a revision summary is read from, in <see cref="ReadRevisionSummary"/>'s column order.</summary>
    private const string RevisionSummaryColumns = "plan_id, revision, recorded_at, added, removed, changed, counts_changed";

    /// <summary>
    /// Gives every stored plan that has no revision yet its revision 1 (the seeded document), stamped by the change
    /// clock in plan order: run after seeding, and once when a database older than plan revisions is migrated.
    /// </summary>
    /// <param name="createCommand">Makes commands in the caller's transaction.</param>
    /// <param name="now">
    /// The clock for the stamps: the stores pass the Unix epoch, so that the seeded document counts as known from the
    /// start (any <c>asOf</c> finds it) and the seed takes no real time from the writes that follow.
    /// </param>
    /// <param name="cancellationToken">Cancels the statements.</param>
    /// <returns>A task that completes when every plan has a revision.</returns>
    public static async Task RecordFirstRevisionsAsync(Func<DbCommand> createCommand, Instant now, CancellationToken cancellationToken)
    {
        var plans = new List<(string Id, string Document)>();
        using (var read = createCommand())
        {
            read.CommandText = "SELECT id, document FROM plans WHERE revision = 0 ORDER BY ordinal";
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    plans.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        foreach (var (id, document) in plans)
        {
            var stamp = await NextChangeAsync(createCommand, now, cancellationToken).ConfigureAwait(false);
            await InsertRevisionAsync(createCommand, PlanEdit.Summary(PlanId.Parse(id), 1, stamp.RecordedAt, new Changes.ChangeSet { Subject = Changes.ChangeSubject.Plan }), stamp, document, cancellationToken).ConfigureAwait(false);
            using var update = createCommand();
            update.CommandText = "UPDATE plans SET revision = 1 WHERE id = @id";
            Add(update, "id", id);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads each plan's current revision number: what tells a catalog in memory whether it is current.</summary>
    public static async Task<Dictionary<PlanId, long>> ReadPlanRevisionsAsync(Func<DbCommand> createCommand, CancellationToken cancellationToken)
    {
        var revisions = new Dictionary<PlanId, long>();
        using var command = createCommand();
        command.CommandText = "SELECT id, revision FROM plans";
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                revisions[PlanId.Parse(reader.GetString(0))] = reader.GetInt64(1);
            }
        }

        return revisions;
    }

    /// <summary>Reads the revision of a plan that was current at <paramref name="asOf"/>.</summary>
    public static async Task<StoredPlan?> GetPlanRevisionAsync(Func<DbCommand> createCommand, PlanId planId, Instant asOf, CancellationToken cancellationToken)
    {
        using var command = createCommand();
        command.CommandText = "SELECT revision, recorded_at, document FROM plan_revisions WHERE plan_id = @plan AND recorded_at <= @asOf ORDER BY revision DESC LIMIT 1";
        Add(command, "plan", planId.ToString());
        Add(command, "asOf", StoreHelpers.ToMicros(asOf));
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new StoredPlan { Revision = reader.GetInt64(0), RecordedAt = StoreHelpers.FromMicros(reader.GetInt64(1)), Plan = DeltaJson.ReadPlan(reader.GetString(2)) }
                : null;
        }
    }

    /// <summary>Lists a plan's revisions newest first; the continuation is the last revision listed.</summary>
    public static async Task<StorePage<PlanRevisionSummary>?> ListPlanRevisionsAsync(Func<DbCommand> createCommand, StoreCatalog catalog, PlanId planId, string? continuation, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var before = continuation is null ? long.MaxValue : StoreHelpers.ParseOrdinalContinuation(continuation);
        if (!catalog.Plans.ContainsKey(planId))
        {
            return null;
        }

        using var command = createCommand();
        command.CommandText = $"SELECT {RevisionSummaryColumns} FROM plan_revisions WHERE plan_id = @plan AND revision < @before ORDER BY revision DESC LIMIT @take";
        Add(command, "plan", planId.ToString());
        Add(command, "before", before);
        Add(command, "take", (long)limit + 1);
        return await ReadPageAsync(command, limit, ReadRevisionSummary, static (_, summary) => PlanEdit.Continuation(summary.Revision), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The body of a plan write, inside the caller's transaction: reads the plan's row (locking it where
    /// <see cref="SqlDialect.LockRow"/> says so), checks the precondition, and records the revision and the task rows
    /// it changes. The caller commits when the outcome is <see cref="WriteOutcome.Written"/>, and rolls back otherwise.
    /// </summary>
    public static async Task<WriteResult<PlanWritten>> WritePlanAsync(Func<DbCommand> createCommand, SqlDialect dialect, Plan plan, PlanPrecondition precondition, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(precondition);
        var planId = plan.Id.ToString();
        long revision;
        Plan current;
        Instant currentRecordedAt;
        using (var read = createCommand())
        {
            // The plans row alone: PostgreSQL re-reads a locked row that a concurrent writer updated, and a join would
            // then drop it (its old revision's row no longer joins) instead of showing the new revision.
            read.CommandText = "SELECT revision, document FROM plans WHERE id = @plan" + dialect.LockRow;
            Add(read, "plan", planId);
            var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return WriteResult<PlanWritten>.NotFound;
                }

                revision = reader.GetInt64(0);
                current = DeltaJson.ReadPlan(reader.GetString(1));
            }
        }

        using (var recorded = createCommand())
        {
            recorded.CommandText = "SELECT recorded_at FROM plan_revisions WHERE plan_id = @plan AND revision = @revision";
            Add(recorded, "plan", planId);
            Add(recorded, "revision", revision);
            currentRecordedAt = StoreHelpers.FromMicros(Convert.ToInt64(await recorded.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture));
        }

        long? taskVersion = null;
        if (precondition.Task is { } code)
        {
            using var task = createCommand();
            task.CommandText = "SELECT version FROM tasks WHERE plan_id = @plan AND code = @code" + dialect.LockRow;
            Add(task, "plan", planId);
            Add(task, "code", code.ToString());
            taskVersion = await task.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : 0;
            if (taskVersion != precondition.TaskVersion)
            {
                return WriteResult<PlanWritten>.Mismatch(taskVersion.Value);
            }
        }

        if (revision != precondition.Revision)
        {
            return WriteResult<PlanWritten>.Mismatch(revision);
        }

        var edit = PlanEdit.Create(current, plan);
        if (edit.Changes.IsEmpty)
        {
            return WriteResult<PlanWritten>.Written(new PlanWritten { Plan = new StoredPlan { Plan = current, Revision = revision, RecordedAt = currentRecordedAt }, Changes = edit.Changes, TaskVersion = taskVersion });
        }

        foreach (var removed in edit.Removed)
        {
            using var progress = createCommand();
            // Locked, so that a progress write to a task about to lose its row waits, then finds no task.
            progress.CommandText = "SELECT latest_report_id FROM tasks WHERE plan_id = @plan AND code = @code" + dialect.LockRow;
            Add(progress, "plan", planId);
            Add(progress, "code", removed.ToString());
            if (await progress.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not (null or DBNull))
            {
                return WriteResult<PlanWritten>.Conflicted;
            }
        }

        var stamp = await NextChangeAsync(createCommand, now, cancellationToken).ConfigureAwait(false);
        var document = DeltaJson.WritePlan(plan);
        var next = revision + 1;
        using (var update = createCommand())
        {
            update.CommandText = "UPDATE plans SET revision = @revision, document = @document WHERE id = @plan";
            Add(update, "revision", next);
            Add(update, "document", document);
            Add(update, "plan", planId);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await InsertRevisionAsync(createCommand, PlanEdit.Summary(plan.Id, next, stamp.RecordedAt, edit.Changes), stamp, document, cancellationToken).ConfigureAwait(false);
        foreach (var removed in edit.Removed)
        {
            using var delete = createCommand();
            delete.CommandText = "DELETE FROM tasks WHERE plan_id = @plan AND code = @code";
            Add(delete, "plan", planId);
            Add(delete, "code", removed.ToString());
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var task in edit.Updated)
        {
            using var update = createCommand();
            update.CommandText = "UPDATE tasks SET document = @document, search_text = @search, aspect = @aspect, version = version + 1 WHERE plan_id = @plan AND code = @code";
            foreach (var (name, value) in SeedTaskValues(plan, task, 0).Where(static p => p.Name != "ordinal"))
            {
                Add(update, name, value);
            }

            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (edit.Added.Count > 0)
        {
            long ordinal;
            using (var max = createCommand())
            {
                max.CommandText = "SELECT coalesce(max(ordinal), -1) FROM tasks WHERE plan_id = @plan";
                Add(max, "plan", planId);
                ordinal = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            foreach (var task in edit.Added)
            {
                using var insert = createCommand();
                insert.CommandText = SeedTask;
                foreach (var (name, value) in SeedTaskValues(plan, task, 0))
                {
                    Add(insert, name, name == "ordinal" ? ++ordinal : value);
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var indicator in edit.RedefinedIndicators)
        {
            // No row yet means version 1 (the row is made by the first observation write), so the raised version is 2.
            using var raise = createCommand();
            raise.CommandText = "INSERT INTO indicator_versions (indicator, version) VALUES (@indicator, 2) ON CONFLICT (indicator) DO UPDATE SET version = indicator_versions.version + 1";
            Add(raise, "indicator", indicator.ToString());
            await raise.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (precondition.Task is { } target)
        {
            using var task = createCommand();
            task.CommandText = "SELECT version FROM tasks WHERE plan_id = @plan AND code = @code";
            Add(task, "plan", planId);
            Add(task, "code", target.ToString());
            taskVersion = await task.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
        }

        return WriteResult<PlanWritten>.Written(new PlanWritten
        {
            Plan = new StoredPlan { Plan = plan, Revision = next, RecordedAt = stamp.RecordedAt },
            Changes = edit.Changes,
            TaskVersion = taskVersion,
        });
    }

    private static async Task InsertRevisionAsync(Func<DbCommand> createCommand, PlanRevisionSummary summary, ChangeStamp stamp, string document, CancellationToken cancellationToken)
    {
        using var insert = createCommand();
        insert.CommandText =
            $"""
            INSERT INTO plan_revisions ({RevisionSummaryColumns}, seq, document)
            VALUES (@plan, @revision, @recordedAt, @added, @removed, @changed, @countsChanged, @seq, @document)
            """;
        Add(insert, "plan", summary.Plan.ToString());
        Add(insert, "revision", summary.Revision);
        Add(insert, "recordedAt", StoreHelpers.ToMicros(summary.RecordedAt));
        Add(insert, "added", summary.Added);
        Add(insert, "removed", summary.Removed);
        Add(insert, "changed", summary.Changed);
        Add(insert, "countsChanged", summary.CountsChanged);
        Add(insert, "seq", stamp.Sequence);
        Add(insert, "document", document);
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static PlanRevisionSummary ReadRevisionSummary(DbDataReader reader) => new()
    {
        Plan = PlanId.Parse(reader.GetString(0)),
        Revision = reader.GetInt64(1),
        RecordedAt = StoreHelpers.FromMicros(reader.GetInt64(2)),
        Added = reader.GetInt32(3),
        Removed = reader.GetInt32(4),
        Changed = reader.GetInt32(5),
        CountsChanged = reader.GetInt32(6),
    };
}
