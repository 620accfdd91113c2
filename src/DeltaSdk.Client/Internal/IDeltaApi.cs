using DeltaSdk.Analytics;
using DeltaSdk.Api;
using Refit;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// The Plan API v1 as a Refit interface. Internal: Refit's source generator implements it at build time (no
/// runtime reflection), and no Refit type reaches the public surface; <see cref="DeltaClient"/> is the public face.
/// Identifiers in queries are <c>TreatAsString</c> because their <c>ToString</c> is their canonical form and the
/// generator cannot flatten a nullable struct otherwise; every other value goes through
/// <see cref="DeltaUrlParameterFormatter"/>.
/// </summary>
[Headers("Accept: application/json")]
internal interface IDeltaApi
{
    [Get("/v1/plans")]
    Task<IApiResponse<Page<PlanSummary>>> GetPlansAsync(string? pageToken, CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}")]
    Task<IApiResponse<Plan>> GetPlanAsync(PlanId planId, CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}")]
    Task<IApiResponse<Plan>> GetPlanAsOfAsync(PlanId planId, string? asOf, CancellationToken cancellationToken);

    [Put("/v1/plans/{planId}")]
    Task<IApiResponse<Changes.ChangeSet>> PutPlanAsync(
        PlanId planId,
        [Body] Plan plan,
        string? dryRun,
        [Header(DeltaHeaders.IfMatch)] string? ifMatch,
        CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/revisions")]
    Task<IApiResponse<Page<PlanRevisionSummary>>> GetPlanRevisionsAsync(PlanId planId, int? pageSize, string? pageToken, CancellationToken cancellationToken);

    [Put("/v1/plans/{planId}/tasks/{code}")]
    Task<IApiResponse<KeyTask>> PutTaskAsync(
        PlanId planId,
        TaskCode code,
        [Body] KeyTask task,
        [Header(DeltaHeaders.IfMatch)] string? ifMatch,
        [Header(DeltaHeaders.IfNoneMatch)] string? ifNoneMatch,
        CancellationToken cancellationToken);

    [Put("/v1/plans/{planId}/indicators/{indicatorId}")]
    Task<IApiResponse<Indicator>> PutIndicatorAsync(
        PlanId planId,
        IndicatorId indicatorId,
        [Body] Indicator indicator,
        [Header(DeltaHeaders.IfMatch)] string ifMatch,
        CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/aspects")]
    Task<IApiResponse<Page<AspectSummary>>> GetAspectsAsync(PlanId planId, string? pageToken, CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/summary")]
    Task<IApiResponse<PlanProgressSummary>> GetSummaryAsync(PlanId planId, CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/rollup")]
    Task<IApiResponse<AnalysisDocument>> GetRollupAsync(
        PlanId planId,
        [Query(TreatAsString = true)] RegionCode? region,
        [Query(TreatAsString = true)] AspectId? aspect,
        string? asOf,
        CancellationToken cancellationToken);

    [Get("/v1/indicators/{indicatorId}/status")]
    Task<IApiResponse<AnalysisDocument>> GetIndicatorStatusAsync(
        IndicatorId indicatorId,
        [Query(TreatAsString = true)] RegionCode? region,
        [Query(TreatAsString = true)] RegionGroupId? regionGroup,
        string? asOf,
        CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/tasks")]
    Task<IApiResponse<Page<TrackedTask>>> GetTasksAsync(
        PlanId planId,
        [Query(TreatAsString = true)] AspectId? aspect,
        [Query(TreatAsString = true)] RegionCode? region,
        ImplementationStatus? status,
        string? q,
        string? updatedSince,
        string? asOf,
        int? pageSize,
        string? pageToken,
        CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/tasks/{code}")]
    Task<IApiResponse<TrackedTask>> GetTaskAsync(PlanId planId, TaskCode code, string? asOf, CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/tasks/{code}/progress")]
    Task<IApiResponse<Page<ProgressReport>>> GetProgressAsync(PlanId planId, TaskCode code, string? updatedSince, string? asOf, int? pageSize, string? pageToken, CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/progress")]
    Task<IApiResponse<Page<ProgressReport>>> GetPlanProgressAsync(PlanId planId, string? updatedSince, string? asOf, int? pageSize, string? pageToken, CancellationToken cancellationToken);

    [Get("/v1/plans/{planId}/tasks/{code}/progress/{reportId}")]
    Task<IApiResponse<ProgressReport>> GetProgressReportAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken);

    [Post("/v1/plans/{planId}/tasks/{code}/progress")]
    Task<IApiResponse<ProgressReport>> PostProgressAsync(
        PlanId planId,
        TaskCode code,
        [Body] ProgressReport report,
        [Header(DeltaHeaders.IfMatch)] string ifMatch,
        [Header(DeltaHeaders.IdempotencyKey)] string idempotencyKey,
        CancellationToken cancellationToken);

    [Get("/v1/regions")]
    Task<IApiResponse<Page<Region>>> GetRegionsAsync(
        RegionLevel? level,
        [Query(TreatAsString = true)] RegionCode? parent,
        int? pageSize,
        string? pageToken,
        CancellationToken cancellationToken);

    [Get("/v1/region-groups")]
    Task<IApiResponse<Page<RegionGroup>>> GetRegionGroupsAsync(string? pageToken, CancellationToken cancellationToken);

    [Get("/v1/indicators")]
    Task<IApiResponse<Page<Indicator>>> GetIndicatorsAsync(string? pageToken, CancellationToken cancellationToken);

    [Get("/v1/indicators/{indicatorId}")]
    Task<IApiResponse<Indicator>> GetIndicatorAsync(IndicatorId indicatorId, CancellationToken cancellationToken);

    [Get("/v1/indicators/{indicatorId}/observations")]
    Task<IApiResponse<Page<Observation>>> GetObservationsAsync(
        IndicatorId indicatorId,
        [Query(TreatAsString = true)] RegionCode? region,
        [Query(TreatAsString = true)] RegionGroupId? regionGroup,
        [Query(TreatAsString = true)] ReportingPeriod? from,
        [Query(TreatAsString = true)] ReportingPeriod? to,
        string? asOf,
        string? updatedSince,
        int? pageSize,
        string? pageToken,
        CancellationToken cancellationToken);

    [Get("/v1/indicators/{indicatorId}/observations/revisions")]
    Task<IApiResponse<Page<Observation>>> GetObservationRevisionsAsync(
        IndicatorId indicatorId,
        [Query(TreatAsString = true)] RegionCode? region,
        [Query(TreatAsString = true)] RegionGroupId? regionGroup,
        [Query(TreatAsString = true)] ReportingPeriod period,
        int? pageSize,
        string? pageToken,
        CancellationToken cancellationToken);

    [Post("/v1/indicators/{indicatorId}/observations")]
    Task<IApiResponse<ObservationWriteResult>> PostObservationsAsync(
        IndicatorId indicatorId,
        [Body] ObservationBatch batch,
        [Header(DeltaHeaders.IfMatch)] string ifMatch,
        [Header(DeltaHeaders.IdempotencyKey)] string idempotencyKey,
        CancellationToken cancellationToken);
}
