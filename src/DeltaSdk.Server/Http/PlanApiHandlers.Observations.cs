using DeltaSdk.Api;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Storage;
using DeltaSdk.Validation;
using Microsoft.AspNetCore.Http;

namespace DeltaSdk.Server.Http;

/// <summary>The indicator and observation handlers: the indicator with its version, observations current or as of an instant, their changes and revisions, and conditional writes.</summary>
internal sealed partial class PlanApiHandlers
{
    public async Task<IResult> GetIndicatorAsync(HttpContext context, string indicatorId)
    {
        if (!QueryValues.TryParseRequired<IndicatorId>(indicatorId, "indicatorId", out var id, out var problem))
        {
            return problem;
        }

        if (await store.GetIndicatorAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } stored)
        {
            return IndicatorNotFound(id);
        }

        // The ETag is the version observation writes check (If-Match), not a digest: it moves with every write.
        return ETags.Conditional(context.Request, ServerJson.Serialize(stored.Indicator), ETags.ForVersion(stored.Version));
    }

    public async Task<IResult> ListObservationsAsync(
        HttpContext context, string indicatorId, string? region, string? regionGroup, string? from, string? to, string? asOf, string? updatedSince, int? pageSize, string? pageToken)
    {
        if (!QueryValues.TryParseRequired<IndicatorId>(indicatorId, "indicatorId", out var id, out var problem)
            || !QueryValues.TryParse<RegionCode>(region, "region", out var regionCode, out problem)
            || !QueryValues.TryParse<RegionGroupId>(regionGroup, "regionGroup", out var groupId, out problem)
            || !QueryValues.TryParse<ReportingPeriod>(from, "from", out var fromPeriod, out problem)
            || !QueryValues.TryParse<ReportingPeriod>(to, "to", out var toPeriod, out problem)
            || !QueryValues.TryParseInstant(asOf, "asOf", out var asOfInstant, out problem)
            || !QueryValues.TryParseInstant(updatedSince, "updatedSince", out var sinceInstant, out problem)
            || !PageRequest.TryCreate(pageSize, pageToken, string.Join('\n', "observations", id, regionCode, groupId, fromPeriod, toPeriod, asOfInstant, sinceInstant), _options, out var page, out problem))
        {
            return problem;
        }

        if (fromPeriod is { } f && toPeriod is { } t && f.Start > t.End)
        {
            return ProblemResult.BadRequest($"from ({f}) starts after to ({t}) ends.");
        }

        if (asOfInstant is { } upTo && sinceInstant is { } since && since >= upTo)
        {
            return ProblemResult.BadRequest($"updatedSince ({since}) is not before asOf ({upTo}): no revision can be recorded after the one and at or before the other.");
        }

        var filter = new ObservationFilter { Region = regionCode, RegionGroup = groupId, From = fromPeriod, To = toPeriod, AsOf = asOfInstant, UpdatedSince = sinceInstant };
        var result = await ListAsync(() => store.ListObservationsAsync(id, filter, page.Continuation, page.Size, context.RequestAborted)).ConfigureAwait(false);
        return result.Problem
            ?? (result.Page is { } observations
                ? ETags.ConditionalJson(context.Request, new Page<Observation> { Items = [.. observations.Items], NextPageToken = page.NextToken(observations.Continuation) })
                : IndicatorNotFound(id));
    }

    public async Task<IResult> ListObservationRevisionsAsync(HttpContext context, string indicatorId, string? region, string? regionGroup, string? period, int? pageSize, string? pageToken)
    {
        if (!QueryValues.TryParseRequired<IndicatorId>(indicatorId, "indicatorId", out var id, out var problem)
            || !QueryValues.TryParse<RegionCode>(region, "region", out var regionCode, out problem)
            || !QueryValues.TryParse<RegionGroupId>(regionGroup, "regionGroup", out var groupId, out problem)
            || !QueryValues.TryParseRequired<ReportingPeriod>(period ?? string.Empty, "period", out var periodValue, out problem)
            || !PageRequest.TryCreate(pageSize, pageToken, string.Join('\n', "revisions", id, regionCode, groupId, periodValue), _options, out var page, out problem))
        {
            return problem;
        }

        if ((regionCode is null) == (groupId is null))
        {
            return ProblemResult.BadRequest("Name the observation by exactly one of region and regionGroup.");
        }

        var result = await ListAsync(() => store.ListObservationRevisionsAsync(id, periodValue, regionCode, groupId, page.Continuation, page.Size, context.RequestAborted)).ConfigureAwait(false);
        return result.Problem
            ?? (result.Page is { } revisions
                ? ETags.ConditionalJson(context.Request, new Page<Observation> { Items = [.. revisions.Items], NextPageToken = page.NextToken(revisions.Continuation) })
                : IndicatorNotFound(id));
    }

    public async Task<IResult> PostObservationsAsync(HttpContext context, string indicatorId)
    {
        if (!QueryValues.TryParseRequired<IndicatorId>(indicatorId, "indicatorId", out var id, out var problem))
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (!(await store.ListIndicatorsAsync(cancellationToken).ConfigureAwait(false)).Any(i => i.Id == id))
        {
            return IndicatorNotFound(id);
        }

        if (!IfMatchTarget.Indicator(id).TryRead(context.Request, out var expectedVersion, out problem))
        {
            return problem;
        }

        if (!TryReadIdempotencyKey(context.Request, out var idempotencyKey, out problem))
        {
            return problem;
        }

        var (body, batch, bodyProblem) = await RequestBodies.ReadDocumentAsync(context, _options, static utf8 => DeltaJson.ReadObservations(utf8), RequestLimits.Check).ConfigureAwait(false);
        if (batch is null)
        {
            return bodyProblem!;
        }

        if (await FindDefiningPlanAsync(id, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return IndicatorNotFound(id);
        }

        var regions = await store.GetRegionTableAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = validator.ValidateObservations(batch, id, plan, regions);
        if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            return Invalid(diagnostics);
        }

        var location = (context.Request.PathBase + context.Request.Path).ToString();
        var idempotency = Idempotency(context, ApiKeyAuthenticationHandler.CallerScope(context), idempotencyKey, body.Span);
        var outcome = await store.AddObservationsAsync(id, batch.Observations, expectedVersion, clock.GetCurrentInstant(), idempotency, cancellationToken).ConfigureAwait(false);
        if (outcome.Outcome == WriteOutcome.VersionMismatch)
        {
            var current = ETags.ForVersion(outcome.CurrentVersion ?? 0);
            return new ProblemResult(
                StatusCodes.Status412PreconditionFailed,
                ProblemCodes.PreconditionFailed,
                $"Indicator '{id}' has had observations written since it was read (it is now at {current}): read its observations again, then retry with the new ETag if the correction still stands.")
            {
                Headers = { ["ETag"] = current },
            };
        }

        // Written and replayed alike: the same counts and version render the same response, even when the version has moved on since.
        return ToResult(
            outcome,
            added => new JsonBytesResult(StatusCodes.Status201Created, ServerJson.Serialize(added.Counts), ETags.ForVersion(added.IndicatorVersion), location),
            () => IndicatorNotFound(id));
    }
}
