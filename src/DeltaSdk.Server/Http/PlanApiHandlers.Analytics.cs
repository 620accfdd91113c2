using DeltaSdk.Analytics;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Storage;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace DeltaSdk.Server.Http;

/// <summary>The analytics endpoints: progress roll-ups and indicator statuses, answered as analysis documents.</summary>
internal sealed partial class PlanApiHandlers
{
    /// <summary>
    /// The zone "today" is taken in when no <c>asOf</c> is given: the plan's reports and observations are dated in
    /// China Standard Time, so a request at 23:30 UTC already counts the next day's reports.
    /// </summary>
    private static readonly DateTimeZone PlanZone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    public async Task<IResult> GetRollupAsync(HttpContext context, string planId, string? region, string? aspect, string? asOf)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParse<RegionCode>(region, "region", out var regionCode, out problem)
            || !QueryValues.TryParse<AspectId>(aspect, "aspect", out var aspectId, out problem)
            || !TryParseAsOf(asOf, out var date, out problem))
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (await store.GetPlanAsync(id, cancellationToken).ConfigureAwait(false) is not { } plan
            || await store.ListTasksAsync(id, TaskFilter.All, null, int.MaxValue, cancellationToken).ConfigureAwait(false) is not { } tasks)
        {
            return PlanNotFound(id);
        }

        if (aspectId is { } a && !plan.Aspects.Any(x => x.Id == a))
        {
            return ProblemResult.BadRequest($"aspect: the plan '{id}' has no aspect '{a}'.");
        }

        var regions = await store.GetRegionTableAsync(cancellationToken).ConfigureAwait(false);
        if (regionCode is { } r && !regions.Regions.Any(x => x.Code == r))
        {
            return ProblemResult.BadRequest($"region: there is no region '{r}'.");
        }

        // The ledger keeps every report, so each region's latest state per task survives: a task's single
        // "latest report" (what /summary and the status filter use) would let one province's report hide another's.
        var reports = new List<ProgressReport>();
        foreach (var task in tasks.Items)
        {
            string? continuation = null;
            do
            {
                if (await store.ListProgressAsync(id, task.Task.Code, continuation, 1000, cancellationToken).ConfigureAwait(false) is not { } page)
                {
                    break;
                }

                reports.AddRange(page.Items.Select(static x => x.Report));
                continuation = page.Continuation;
            }
            while (continuation is not null);
        }

        var index = PlanIndex.Create(plan, regions);
        var summary = new DeltaSdk.Analytics.ProgressRollup(index, ProgressLedger.Create(reports)).Summarize(date ?? Today(), regionCode, aspectId);
        return Analysis(context, new AnalysisDocument { Plan = id, AsOf = summary.AsOf, Progress = summary });
    }

    public async Task<IResult> GetIndicatorStatusAsync(HttpContext context, string indicatorId, string? region, string? regionGroup, string? asOf)
    {
        if (!QueryValues.TryParseRequired<IndicatorId>(indicatorId, "indicatorId", out var id, out var problem)
            || !QueryValues.TryParse<RegionCode>(region, "region", out var regionCode, out problem)
            || !QueryValues.TryParse<RegionGroupId>(regionGroup, "regionGroup", out var groupId, out problem)
            || !TryParseAsOf(asOf, out var date, out problem))
        {
            return problem;
        }

        if (regionCode is not null && groupId is not null)
        {
            return ProblemResult.BadRequest("Give region or regionGroup, not both: a status is for one scope.");
        }

        var cancellationToken = context.RequestAborted;
        if ((await store.ListIndicatorsAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(i => i.Id == id) is not { } indicator)
        {
            return IndicatorNotFound(id);
        }

        var filter = new ObservationFilter { Region = regionCode, RegionGroup = groupId };
        var observations = new List<Observation>();
        string? continuation = null;
        do
        {
            if (await store.ListObservationsAsync(id, filter, continuation, 1000, cancellationToken).ConfigureAwait(false) is not { } page)
            {
                return IndicatorNotFound(id);
            }

            observations.AddRange(page.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        var day = date ?? Today();
        var status = OpenSdgProgressMeasure.Default.Evaluate(indicator, observations, day, regionCode, groupId);
        return Analysis(context, new AnalysisDocument { AsOf = day, IndicatorStatuses = [status] });
    }

    private LocalDate Today() => clock.GetCurrentInstant().InZone(PlanZone).Date;

    private static IResult Analysis(HttpContext context, AnalysisDocument document)
    {
        // A document of the canonical format (header, schema), so a dashboard in any language reads it as a file would be.
        var body = System.Text.Encoding.UTF8.GetBytes(AnalysisJson.Write(document));
        return ETags.Conditional(context.Request, body, ETags.ForContent(body));
    }

    private static bool TryParseAsOf(string? text, out LocalDate? date, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProblemResult? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // As a document reads a date member, so that a query and a document accept the same dates.
        if (!DeltaText.TryParseDate(text, out var parsed))
        {
            problem = ProblemResult.BadRequest($"asOf: '{text}' is not a date (yyyy-MM-dd).");
            return false;
        }

        date = parsed;
        return true;
    }
}
