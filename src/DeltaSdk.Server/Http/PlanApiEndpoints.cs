using DeltaSdk.Analytics;
using DeltaSdk.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DeltaSdk.Server.Http;

/// <summary>The routes of the Plan API v1 and their OpenAPI metadata.</summary>
internal static class PlanApiEndpoints
{
    public const string GroupPrefix = "/v1";
    private const string Json = "application/json";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup(GroupPrefix);
        v1.AddEndpointFilterFactory(QueryParameterFilter.Create);

        v1.MapGetAndHead("/plans", ([FromServices] PlanApiHandlers api, HttpContext context) => api.ListPlansAsync(context))
            .Read<Page<PlanSummary>>("listPlans", "Plans", "Lists the plans.");

        v1.MapGetAndHead("/plans/{planId}", ([FromServices] PlanApiHandlers api, HttpContext context, string planId, [FromQuery] string? asOf) => api.GetPlanAsync(context, planId, asOf))
            .Read<Plan>("getPlan", "Plans", "Gets a plan document (canonical format, with its aspects and tasks). Its ETag is its revision (\"r1\", \"r2\", ...). asOf (an instant such as 2026-11-30T08:00:00Z) gets the revision that was current then.", notFound: true);

        v1.MapPut(
                "/plans/{planId}",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, [FromQuery] string? dryRun, [FromHeader(Name = "If-Match")] string? ifMatch)
                    => api.PutPlanAsync(context, planId, dryRun))
            .Write<Plan, Changes.ChangeSet>(
                "putPlan",
                "Plans",
                "Replaces a plan document (aspects and their declared counts, tasks, indicators with targets, agencies, sources) and answers the change set from the stored revision to it, with the new revision's ETag. Needs an API key with write rights and If-Match with the plan's ETag. dryRun=true validates and answers the change set against the current revision (and that revision's ETag) without writing. Removing a task that has progress reports is a 409.",
                StatusCodes.Status200OK)
            .Produces<DeltaProblemDetails>(StatusCodes.Status409Conflict, ProblemResult.ContentType);

        v1.MapGetAndHead(
                "/plans/{planId}/revisions",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, [FromQuery] int? pageSize, [FromQuery] string? pageToken)
                    => api.ListPlanRevisionsAsync(context, planId, pageSize, pageToken))
            .Read<Page<PlanRevisionSummary>>("listPlanRevisions", "Plans", "Lists a plan's revisions, newest first: number, when recorded, and how many entities and counts each changed against the one before. Revision 1 is the seeded document.", notFound: true);

        v1.MapPut(
                "/plans/{planId}/tasks/{code}",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, string code, [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch)
                    => api.PutTaskAsync(context, planId, code))
            .Write<KeyTask, KeyTask>(
                "putTask",
                "Tasks",
                "Adds a key task (If-None-Match: *; 201) or updates one (If-Match with its ETag; 200), validated as part of the whole plan and recorded as a new plan revision. Answers the task and its new ETag; a changed task's version goes up, so progress writers holding the old ETag read it again.",
                StatusCodes.Status200OK)
            .Produces<KeyTask>(StatusCodes.Status201Created, Json)
            .Produces<DeltaProblemDetails>(StatusCodes.Status409Conflict, ProblemResult.ContentType);

        v1.MapPut(
                "/plans/{planId}/indicators/{indicatorId}",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, string indicatorId, [FromHeader(Name = "If-Match")] string? ifMatch)
                    => api.PutIndicatorAsync(context, planId, indicatorId))
            .Write<Indicator, Indicator>(
                "putIndicator",
                "Indicators",
                "Adds (201) or replaces (200) an indicator of a plan, with its baseline and targets, validated as part of the whole plan and recorded as a new plan revision. Needs an API key with write rights and If-Match with the plan's ETag; answers the indicator and the plan's new ETag.",
                StatusCodes.Status200OK)
            .Produces<Indicator>(StatusCodes.Status201Created, Json);

        v1.MapGetAndHead("/plans/{planId}/aspects", ([FromServices] PlanApiHandlers api, HttpContext context, string planId) => api.ListAspectsAsync(context, planId))
            .Read<Page<AspectSummary>>("listAspects", "Plans", "Lists a plan's aspects with declared and catalogued task counts, without their tasks.", notFound: true);

        v1.MapGetAndHead("/plans/{planId}/summary", ([FromServices] PlanApiHandlers api, HttpContext context, string planId) => api.GetSummaryAsync(context, planId))
            .Read<PlanProgressSummary>("getPlanSummary", "Plans", "Rolls up a plan's progress: declared against catalogued tasks, tasks by latest status, mean percent complete.", notFound: true);

        v1.MapGetAndHead(
                "/plans/{planId}/rollup",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, [FromQuery] string? region, [FromQuery] string? aspect, [FromQuery] string? asOf)
                    => api.GetRollupAsync(context, planId, region, aspect, asOf))
            .Read<AnalysisDocument>(
                "getPlanRollup",
                "Analytics",
                "Rolls a plan's progress up task -> aspect -> plan by the versioned methodology of DeltaSdk.Analytics, as an analysis document: region (a province includes its cities' reports; each region's latest report per task counts), aspect, and asOf (yyyy-MM-dd, default today in China Standard Time). The result says its coverage, weights and how unreported tasks counted.",
                notFound: true);

        v1.MapGetAndHead(
                "/plans/{planId}/tasks",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, [FromQuery] string? aspect, [FromQuery] string? region, [FromQuery] string? status, [FromQuery] string? q, [FromQuery] string? updatedSince, [FromQuery] string? asOf, [FromQuery] int? pageSize, [FromQuery] string? pageToken)
                    => api.ListTasksAsync(context, planId, aspect, region, status, q, updatedSince, asOf, pageSize, pageToken))
            .Read<Page<TrackedTask>>(
                "listTasks",
                "Tasks",
                "Lists a plan's key tasks with their version, last change and latest progress per region, in plan order, a page at a time. region keeps tasks naming the region, a region above or below it, or a group holding one of those; status is the latest whole-task report's; q keeps tasks containing every keyword in code, title, summary (any language) or tags. updatedSince (an instant, 2026-11-30T08:00:00Z) keeps the tasks whose last change was recorded after it, in change order; asOf (an instant) counts only the reports recorded at or before it.",
                notFound: true);

        v1.MapGetAndHead(
                "/plans/{planId}/tasks/{code}",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, string code, [FromQuery] string? asOf) => api.GetTaskAsync(context, planId, code, asOf))
            .Read<TrackedTask>("getTask", "Tasks", "Gets a key task with its version, last change and latest progress per region. Its ETag is the task's version, which changes whenever progress is posted for it; asOf (an instant, 2026-11-30T08:00:00Z) shows the latest progress as recorded at that instant.", notFound: true);

        v1.MapGetAndHead(
                "/plans/{planId}/tasks/{code}/progress",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, string code, [FromQuery] string? updatedSince, [FromQuery] string? asOf, [FromQuery] int? pageSize, [FromQuery] string? pageToken)
                    => api.ListProgressAsync(context, planId, code, updatedSince, asOf, pageSize, pageToken))
            .Read<Page<ProgressReport>>("listProgress", "Progress", "Lists a task's progress reports, oldest first (by reportedOn, then recording order). updatedSince (an instant, 2026-11-30T08:00:00Z) keeps the reports recorded after it, in change order; asOf (an instant) keeps those recorded at or before it.", notFound: true);

        v1.MapGetAndHead(
                "/plans/{planId}/progress",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, [FromQuery] string? updatedSince, [FromQuery] string? asOf, [FromQuery] int? pageSize, [FromQuery] string? pageToken)
                    => api.ListPlanProgressAsync(context, planId, updatedSince, asOf, pageSize, pageToken))
            .Read<Page<ProgressReport>>("listPlanProgress", "Progress", "Lists every progress report of a plan in change order (the order they were recorded), the feed to poll for what changed. updatedSince (an instant, 2026-11-30T08:00:00Z) keeps the reports recorded after it; pages continue after the last report seen, so paging while reports are posted misses none and repeats none. asOf (an instant) keeps those recorded at or before it.", notFound: true);

        v1.MapGetAndHead(
                "/plans/{planId}/tasks/{code}/progress/{reportId:long}",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, string code, long reportId) => api.GetProgressAsync(context, planId, code, reportId))
            .Read<ProgressReport>("getProgressReport", "Progress", "Gets one progress report, as addressed by the Location of its POST.", notFound: true);

        v1.MapPost(
                "/plans/{planId}/tasks/{code}/progress",
                ([FromServices] PlanApiHandlers api, HttpContext context, string planId, string code, [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = PlanApiHandlers.IdempotencyKeyHeader)] string? idempotencyKey)
                    => api.PostProgressAsync(context, planId, code))
            .Write<ProgressReport, ProgressReport>("postProgress", "Progress", "Records a progress report for a task. Needs an API key with write rights and If-Match with the task's current ETag; answers 201 with the stored report, its Location and the task's new ETag.");

        v1.MapGetAndHead("/regions", ([FromServices] PlanApiHandlers api, HttpContext context, [FromQuery] string? level, [FromQuery] string? parent, [FromQuery] int? pageSize, [FromQuery] string? pageToken)
                => api.ListRegionsAsync(context, level, parent, pageSize, pageToken))
            .Read<Page<Region>>("listRegions", "Regions", "Lists regions, parents before children, a page at a time.");

        v1.MapGetAndHead("/region-groups", ([FromServices] PlanApiHandlers api, HttpContext context) => api.ListRegionGroupsAsync(context))
            .Read<Page<RegionGroup>>("listRegionGroups", "Regions", "Lists the named groups of regions.");

        v1.MapGetAndHead("/indicators", ([FromServices] PlanApiHandlers api, HttpContext context) => api.ListIndicatorsAsync(context))
            .Read<Page<Indicator>>("listIndicators", "Indicators", "Lists the indicators of every plan.");

        v1.MapGetAndHead("/indicators/{indicatorId}", ([FromServices] PlanApiHandlers api, HttpContext context, string indicatorId) => api.GetIndicatorAsync(context, indicatorId))
            .Read<Indicator>("getIndicator", "Indicators", "Gets an indicator. Its ETag is its version, which changes with every observation write and every plan write that changes its definition; an observation write names it in If-Match.", notFound: true);

        v1.MapGetAndHead(
                "/indicators/{indicatorId}/observations",
                ([FromServices] PlanApiHandlers api, HttpContext context, string indicatorId, [FromQuery] string? region, [FromQuery] string? regionGroup, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? asOf, [FromQuery] string? updatedSince, [FromQuery] int? pageSize, [FromQuery] string? pageToken)
                    => api.ListObservationsAsync(context, indicatorId, region, regionGroup, from, to, asOf, updatedSince, pageSize, pageToken))
            .Read<Page<Observation>>(
                "listObservations",
                "Indicators",
                "Lists an indicator's observations, each with recordedAt and revision. By default each one's current value by period; asOf (an instant such as 2026-11-30T08:00:00Z) gives each one's value as recorded at that instant; updatedSince (an instant) gives every revision recorded after it, in change order, paging safely while writes continue. from and to are reporting periods (2024, 2024-H1, 2024-Q3, 2024-07, 2024-07-25) bounding the observations' periods.",
                notFound: true);

        v1.MapGetAndHead(
                "/indicators/{indicatorId}/observations/revisions",
                ([FromServices] PlanApiHandlers api, HttpContext context, string indicatorId, [FromQuery] string? region, [FromQuery] string? regionGroup, [FromQuery] string? period, [FromQuery] int? pageSize, [FromQuery] string? pageToken)
                    => api.ListObservationRevisionsAsync(context, indicatorId, region, regionGroup, period, pageSize, pageToken))
            .Read<Page<Observation>>(
                "listObservationRevisions",
                "Indicators",
                "Lists every revision of one observation, oldest first: the observation is named by period and exactly one of region and regionGroup. Nothing recorded there is an empty page.",
                notFound: true);

        v1.MapGetAndHead(
                "/indicators/{indicatorId}/status",
                ([FromServices] PlanApiHandlers api, HttpContext context, string indicatorId, [FromQuery] string? region, [FromQuery] string? regionGroup, [FromQuery] string? asOf)
                    => api.GetIndicatorStatusAsync(context, indicatorId, region, regionGroup, asOf))
            .Read<AnalysisDocument>(
                "getIndicatorStatus",
                "Analytics",
                "Gets an indicator's status against its targets for one region or region group (neither: the observations naming neither) as of a date, by the Open SDG progress measure, as an analysis document with the status's parts (base, current, target, ratio, thresholds, why notAvailable).",
                notFound: true);

        v1.MapPost(
                "/indicators/{indicatorId}/observations",
                ([FromServices] PlanApiHandlers api, HttpContext context, string indicatorId, [FromHeader(Name = "If-Match")] string? ifMatch, [FromHeader(Name = PlanApiHandlers.IdempotencyKeyHeader)] string? idempotencyKey)
                    => api.PostObservationsAsync(context, indicatorId))
            .Write<ObservationBatch, ObservationWriteResult>("postObservations", "Indicators", "Records observations of an indicator (an observation batch document); one for the same region or group and period becomes its next revision, and the earlier ones stay readable (asOf, revisions). Needs an API key with write rights and If-Match with the indicator's current ETag; answers 201 with the counts and the indicator's new ETag.");

        return v1;
    }

    /// <summary>
    /// Maps a GET route and its HEAD twin: HEAD answers exactly as GET (status, headers, <c>Content-Length</c>) and
    /// Kestrel leaves the body out. The twin is left out of the OpenAPI document, which describes HEAD by GET.
    /// </summary>
    private static RouteHandlerBuilder MapGetAndHead(this RouteGroupBuilder group, string pattern, Delegate handler)
    {
        group.MapMethods(pattern, [HttpMethods.Head], handler).ExcludeFromDescription();
        return group.MapGet(pattern, handler);
    }

    private static RouteHandlerBuilder Read<T>(this RouteHandlerBuilder builder, string name, string tag, string summary, bool notFound = false)
    {
        builder.WithName(name).WithTags(tag).WithSummary(summary)
            .Produces<T>(StatusCodes.Status200OK, Json)
            .Produces(StatusCodes.Status304NotModified)
            .Produces<DeltaProblemDetails>(StatusCodes.Status400BadRequest, ProblemResult.ContentType);
        if (notFound)
        {
            builder.Produces<DeltaProblemDetails>(StatusCodes.Status404NotFound, ProblemResult.ContentType);
        }

        return builder;
    }

    /// <summary>
    /// A conditional write (every write names an ETag in If-Match): its success answer, then every refusal such a write
    /// can get, from a malformed request to a missing (428) or stale (412) precondition.
    /// </summary>
    private static RouteHandlerBuilder Write<TRequest, TResponse>(this RouteHandlerBuilder builder, string name, string tag, string summary, int success = StatusCodes.Status201Created)
        where TRequest : notnull
        => builder.WithName(name).WithTags(tag).WithSummary(summary)
            .RequireAuthorization(ApiKeyAuthenticationHandler.WritePolicy)
            .Accepts<TRequest>(Json)
            .Produces<TResponse>(success, Json)
            .Produces<DeltaProblemDetails>(StatusCodes.Status400BadRequest, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status401Unauthorized, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status403Forbidden, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status413PayloadTooLarge, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status415UnsupportedMediaType, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status404NotFound, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status412PreconditionFailed, ProblemResult.ContentType)
            .Produces<DeltaProblemDetails>(StatusCodes.Status428PreconditionRequired, ProblemResult.ContentType);
}
