using System.Globalization;
using DeltaSdk.Api;
using DeltaSdk.Server.Storage;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace DeltaSdk.Server.Http;

/// <summary>The change-tracking reads: a plan's progress feed, and the tracking state (<see cref="TrackedTask"/>) of task responses.</summary>
internal sealed partial class PlanApiHandlers
{
    /// <summary>
    /// Lists every progress report of a plan in change order, the feed a nightly job polls: with <c>updatedSince</c>, the
    /// reports recorded after it; each page continues after the last change it held, so paging while writes go on
    /// misses nothing and repeats nothing.
    /// </summary>
    public async Task<IResult> ListPlanProgressAsync(HttpContext context, string planId, string? updatedSince, string? asOf, int? pageSize, string? pageToken)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseInstant(updatedSince, "updatedSince", out var since, out problem)
            || !QueryValues.TryParseInstant(asOf, "asOf", out var asOfInstant, out problem)
            || !PageRequest.TryCreate(pageSize, pageToken, string.Join('\n', "plan-progress", id, InstantKey(since), InstantKey(asOfInstant)), _options, out var page, out problem))
        {
            return problem;
        }

        var filter = new ProgressFilter { UpdatedSince = since, AsOf = asOfInstant };
        var result = await ListAsync(() => store.ListProgressAsync(id, filter, page.Continuation, page.Size, context.RequestAborted)).ConfigureAwait(false);
        return result.Problem
            ?? (result.Page is { } reports
                ? ETags.ConditionalJson(context.Request, new Page<ProgressReport> { Items = [.. reports.Items.Select(static r => r.Report)], NextPageToken = page.NextToken(reports.Continuation) })
                : PlanNotFound(id));
    }

    /// <summary>The tasks with their tracking state, from one store query for all of them.</summary>
    private async Task<TrackedTask[]> TrackAsync(PlanId planId, IReadOnlyList<StoredTask> tasks, Instant? asOf, CancellationToken cancellationToken)
    {
        var states = await store.GetProgressStatesAsync(planId, [.. tasks.Select(static t => t.Task.Code)], asOf, cancellationToken).ConfigureAwait(false);
        return
        [
            .. tasks.Select(t =>
            {
                var state = states.GetValueOrDefault(t.Task.Code) ?? TaskProgressState.None;
                return new TrackedTask { Task = t.Task, Version = t.Version, UpdatedAt = state.UpdatedAt, LatestProgress = state.LatestByRegion };
            }),
        ];
    }

    /// <summary>An instant as part of a query key (page tokens, cached reads): exact to the tick, empty when absent.</summary>
    private static string InstantKey(Instant? instant)
        => instant is { } value ? value.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture) : string.Empty;
}
