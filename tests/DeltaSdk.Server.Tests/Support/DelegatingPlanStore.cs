using DeltaSdk.Api;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Server.Tests.Support;

/// <summary>Passes every call to another store; tests override the calls they want to change.</summary>
internal abstract class DelegatingPlanStore(IPlanStore inner) : IPlanStore
{
    public virtual Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public virtual Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default) => inner.ListPlansAsync(cancellationToken);

    public virtual Task<Plan?> GetPlanAsync(PlanId planId, CancellationToken cancellationToken = default) => inner.GetPlanAsync(planId, cancellationToken);

    public virtual Task<StoredPlan?> GetPlanRevisionAsync(PlanId planId, NodaTime.Instant? asOf, CancellationToken cancellationToken = default) => inner.GetPlanRevisionAsync(planId, asOf, cancellationToken);

    public virtual Task<StorePage<PlanRevisionSummary>?> ListPlanRevisionsAsync(PlanId planId, string? continuation, int limit, CancellationToken cancellationToken = default)
        => inner.ListPlanRevisionsAsync(planId, continuation, limit, cancellationToken);

    public virtual Task<WriteResult<PlanWritten>> WritePlanAsync(Plan plan, PlanPrecondition precondition, NodaTime.Instant now, CancellationToken cancellationToken = default)
        => inner.WritePlanAsync(plan, precondition, now, cancellationToken);

    public virtual Task<StorePage<StoredTask>?> ListTasksAsync(PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        => inner.ListTasksAsync(planId, filter, continuation, limit, cancellationToken);

    public virtual Task<StoredTask?> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default) => inner.GetTaskAsync(planId, code, cancellationToken);

    public virtual Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, TaskCode code, string? continuation, int limit, CancellationToken cancellationToken = default)
        => inner.ListProgressAsync(planId, code, continuation, limit, cancellationToken);

    public virtual Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, ProgressFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        => inner.ListProgressAsync(planId, filter, continuation, limit, cancellationToken);

    public virtual Task<IReadOnlyDictionary<TaskCode, TaskProgressState>> GetProgressStatesAsync(PlanId planId, IReadOnlyCollection<TaskCode> codes, NodaTime.Instant? asOf, CancellationToken cancellationToken = default)
        => inner.GetProgressStatesAsync(planId, codes, asOf, cancellationToken);

    public virtual Task<StoredProgressReport?> GetProgressAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken = default)
        => inner.GetProgressAsync(planId, code, reportId, cancellationToken);

    public virtual Task CheckHealthAsync(CancellationToken cancellationToken = default) => inner.CheckHealthAsync(cancellationToken);

    public virtual Task<long> GetTasksStampAsync(CancellationToken cancellationToken = default) => inner.GetTasksStampAsync(cancellationToken);

    public virtual Task<WriteResult<AppendedProgress>> AppendProgressAsync(ProgressReport report, long expectedVersion, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
        => inner.AppendProgressAsync(report, expectedVersion, idempotency, cancellationToken);

    public virtual Task<StorePage<Region>> ListRegionsAsync(RegionFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        => inner.ListRegionsAsync(filter, continuation, limit, cancellationToken);

    public virtual Task<RegionTable> GetRegionTableAsync(CancellationToken cancellationToken = default) => inner.GetRegionTableAsync(cancellationToken);

    public virtual Task<IReadOnlyList<Indicator>> ListIndicatorsAsync(CancellationToken cancellationToken = default) => inner.ListIndicatorsAsync(cancellationToken);

    public virtual Task<StorePage<Observation>?> ListObservationsAsync(IndicatorId indicator, ObservationFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        => inner.ListObservationsAsync(indicator, filter, continuation, limit, cancellationToken);

    public virtual Task<StoredIndicator?> GetIndicatorAsync(IndicatorId indicator, CancellationToken cancellationToken = default) => inner.GetIndicatorAsync(indicator, cancellationToken);

    public virtual Task<StorePage<Observation>?> ListObservationRevisionsAsync(IndicatorId indicator, ReportingPeriod period, RegionCode? region, RegionGroupId? regionGroup, string? continuation, int limit, CancellationToken cancellationToken = default)
        => inner.ListObservationRevisionsAsync(indicator, period, region, regionGroup, continuation, limit, cancellationToken);

    public virtual Task<WriteResult<AddedObservations>> AddObservationsAsync(IndicatorId indicator, IReadOnlyList<Observation> observations, long expectedVersion, NodaTime.Instant now, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
        => inner.AddObservationsAsync(indicator, observations, expectedVersion, now, idempotency, cancellationToken);
}
