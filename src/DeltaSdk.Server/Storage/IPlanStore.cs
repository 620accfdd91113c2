using DeltaSdk.Api;
using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// Where the Plan API keeps its data. Implementations are thread-safe; every write is atomic, and a progress
/// write checks the task's version and appends in one step, so of two writers holding the same version exactly one wins.
/// </summary>
/// <remarks>
/// Methods that address a plan, task or indicator return <see langword="null"/> (or <see cref="WriteOutcome.NotFound"/>)
/// when it does not exist. A continuation is only meaningful to the store that produced it; a malformed one throws
/// <see cref="FormatException"/>.
/// </remarks>
public interface IPlanStore
{
    /// <summary>Creates the storage if needed and loads the seed when the store is empty. Safe to call more than once.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks that the storage answers: a round trip to the database, for a readiness probe.</summary>
    /// <param name="cancellationToken">A token to cancel the check.</param>
    /// <returns>A task that completes when the storage answered, and faults when it did not.</returns>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a number that changes with every committed write that changes a task (its version, its latest progress),
    /// on any instance sharing the storage, so that a reader can keep the bytes of a task or a page for as long as it is
    /// unchanged. Compare stamps for equality only: a store may also change it without a task change (a needless miss),
    /// and may learn of another instance's write a little after its commit (see the store's remarks for how late).
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stamp; read it before the data it guards, so that what is kept is never older than the stamp.</returns>
    Task<long> GetTasksStampAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the plans.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The plans' summaries, ordered by identifier.</returns>
    Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a plan document.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The plan, or <see langword="null"/> when there is none with that identifier.</returns>
    Task<Plan?> GetPlanAsync(PlanId planId, CancellationToken cancellationToken = default);

    /// <summary>Gets a plan document with its revision: the current one, or the one that was current at an instant.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="asOf">
    /// <see langword="null"/> for the current revision; else the instant: the last revision recorded at or before it.
    /// </param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The revision, or <see langword="null"/> when there is no such plan, or it had no revision yet at <paramref name="asOf"/>.</returns>
    Task<StoredPlan?> GetPlanRevisionAsync(PlanId planId, NodaTime.Instant? asOf, CancellationToken cancellationToken = default);

    /// <summary>Lists a plan's revisions, newest first. Revisions are never removed.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="continuation">Where to start: <see langword="null"/> for the newest revision, else a previous page's <see cref="StorePage{T}.Continuation"/>.</param>
    /// <param name="limit">The most items to return, at least 1.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page, or <see langword="null"/> when the plan does not exist.</returns>
    Task<StorePage<PlanRevisionSummary>?> ListPlanRevisionsAsync(PlanId planId, string? continuation, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a plan document, atomically: checks <paramref name="precondition"/>, records the new document as the
    /// plan's next revision (stamped by the change clock), and updates the task rows it changes (new tasks get new rows
    /// after every existing one and version 1; a task whose document changed gets its version raised; a task no longer
    /// in the document loses its row, unless it has progress reports, which makes the write a
    /// <see cref="WriteOutcome.Conflict"/>). A document equal to the stored one writes nothing and answers the current
    /// revision with an empty change set.
    /// </summary>
    /// <param name="plan">The new plan document, already validated; its <see cref="Plan.Id"/> says which plan it replaces.</param>
    /// <param name="precondition">The revision (and task version) the writer expects.</param>
    /// <param name="now">The writer's clock, for the revision's stamp.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How the write ended, with the new revision and its changes when it was written.</returns>
    Task<WriteResult<PlanWritten>> WritePlanAsync(Plan plan, PlanPrecondition precondition, NodaTime.Instant now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a plan's tasks in catalogue order: plan order (aspect by aspect, then the unassigned ones) for the seeded
    /// tasks, then the tasks catalogue writes added, in the order they were added.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="filter">Which tasks to return.</param>
    /// <param name="continuation">Where to start: <see langword="null"/> for the first page, else a previous page's <see cref="StorePage{T}.Continuation"/>.</param>
    /// <param name="limit">The most items to return, at least 1.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page, or <see langword="null"/> when the plan does not exist.</returns>
    Task<StorePage<StoredTask>?> ListTasksAsync(PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default);

    /// <summary>Gets one task with its version.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The task, or <see langword="null"/> when the plan or task does not exist.</returns>
    Task<StoredTask?> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default);

    /// <summary>Lists a task's progress reports, oldest first (by <see cref="ProgressReport.ReportedOn"/>, then in recording order).</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task.</param>
    /// <param name="continuation">Where to start: <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most items to return, at least 1.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page, or <see langword="null"/> when the plan or task does not exist.</returns>
    Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, TaskCode code, string? continuation, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a plan's progress reports: one task's or every task's, in change order or a task's order as
    /// <see cref="ProgressFilter"/> says, restricted to an interval of recording times.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="filter">Which reports to return.</param>
    /// <param name="continuation">Where to start: <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most items to return, at least 1.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page, or <see langword="null"/> when the plan, or the filter's task, does not exist.</returns>
    Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, ProgressFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets what the progress reports of some tasks say: each task's latest report per region and when it last changed,
    /// in one query for all of them (a page of tasks costs one round trip, not one per task).
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="codes">The tasks.</param>
    /// <param name="asOf">Only reports recorded at or before it count; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The state of each task that has a report counted; a task without one is left out.</returns>
    Task<IReadOnlyDictionary<TaskCode, TaskProgressState>> GetProgressStatesAsync(PlanId planId, IReadOnlyCollection<TaskCode> codes, Instant? asOf, CancellationToken cancellationToken = default);

    /// <summary>Gets one progress report of a task.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task.</param>
    /// <param name="reportId">The report's <see cref="StoredProgressReport.Id"/>.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The report, or <see langword="null"/> when there is no such report of that task.</returns>
    Task<StoredProgressReport?> GetProgressAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends a progress report to the task it names, atomically: returns the first write's result for a known
    /// idempotency key, otherwise checks that the task is at <paramref name="expectedVersion"/>, appends the report,
    /// increments the version and remembers the result with the idempotency key, all in one transaction.
    /// </summary>
    /// <param name="report">
    /// The report, with <see cref="ProgressReport.RecordedAt"/> set to the writer's clock; its plan and task say where it
    /// goes. The store records it at its change clock's time instead: that clock to the microsecond, or just after the
    /// store's previous write when that is later, so that recording times rise in commit order on every instance.
    /// </param>
    /// <param name="expectedVersion">The task version the writer last saw.</param>
    /// <param name="idempotency">The idempotency key of the request, if it has one.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How the write ended, with the appended report (its <see cref="ProgressReport.RecordedAt"/> as recorded) and the task's new version when it was written or replayed.</returns>
    Task<WriteResult<AppendedProgress>> AppendProgressAsync(ProgressReport report, long expectedVersion, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default);

    /// <summary>Lists regions in table order (parents before children).</summary>
    /// <param name="filter">Which regions to return.</param>
    /// <param name="continuation">Where to start: <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most items to return, at least 1.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page.</returns>
    Task<StorePage<Region>> ListRegionsAsync(RegionFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default);

    /// <summary>Gets the whole region table: every region and region group.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The table.</returns>
    Task<RegionTable> GetRegionTableAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the indicators of every plan, each once, in plan order.</summary>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The indicators.</returns>
    Task<IReadOnlyList<Indicator>> ListIndicatorsAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets an indicator with the version its observations are at (see <see cref="AddObservationsAsync"/>).</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The indicator and its version, or <see langword="null"/> when there is no such indicator.</returns>
    Task<StoredIndicator?> GetIndicatorAsync(IndicatorId indicator, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists an indicator's observations, each with its <see cref="Observation.RecordedAt"/> and
    /// <see cref="Observation.Revision"/>: by default each one's current revision by period start, then period length,
    /// then region or group; see <see cref="ObservationFilter.AsOf"/> and <see cref="ObservationFilter.UpdatedSince"/>
    /// for the history reads.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="filter">Which observations to return.</param>
    /// <param name="continuation">Where to start: <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most items to return, at least 1.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page, or <see langword="null"/> when the indicator does not exist.</returns>
    Task<StorePage<Observation>?> ListObservationsAsync(IndicatorId indicator, ObservationFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default);

    /// <summary>Lists every revision of one observation (indicator, region or group, period), oldest first.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="period">The observation's period.</param>
    /// <param name="region">The observation's region, when it is of one region (exactly one of this and <paramref name="regionGroup"/>).</param>
    /// <param name="regionGroup">The observation's region group, when it is of a group.</param>
    /// <param name="continuation">Where to start: <see langword="null"/> for the first page.</param>
    /// <param name="limit">The most items to return, at least 1.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>The page (empty when nothing was ever recorded there), or <see langword="null"/> when the indicator does not exist.</returns>
    Task<StorePage<Observation>?> ListObservationRevisionsAsync(IndicatorId indicator, ReportingPeriod period, RegionCode? region, RegionGroupId? regionGroup, string? continuation, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records observations of one indicator atomically: returns the first write's result for a known idempotency key,
    /// otherwise checks that the indicator is at <paramref name="expectedVersion"/>, takes one change stamp for the
    /// batch, records each observation as the next revision of the one with the same region or group and period (the
    /// earlier revisions stay readable), raises the indicator's version and remembers the result with the key, all in
    /// one transaction.
    /// </summary>
    /// <param name="indicator">The indicator; every observation must be of it.</param>
    /// <param name="observations">The observations; their <see cref="Observation.RecordedAt"/> and <see cref="Observation.Revision"/> are ignored.</param>
    /// <param name="expectedVersion">The indicator version the writer last saw.</param>
    /// <param name="now">The writer's clock; the batch is recorded at the change clock's time (see <see cref="AppendProgressAsync"/>).</param>
    /// <param name="idempotency">The idempotency key of the request, if it has one.</param>
    /// <param name="cancellationToken">A token to cancel the operation.</param>
    /// <returns>How the write ended, with the counts and the indicator's new version when it was written or replayed, or the current version on a mismatch.</returns>
    Task<WriteResult<AddedObservations>> AddObservationsAsync(IndicatorId indicator, IReadOnlyList<Observation> observations, long expectedVersion, NodaTime.Instant now, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default);
}
