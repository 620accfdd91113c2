namespace DeltaSdk.Validation;

/// <summary>The built-in observation rules, in one pass over the batch plus one more for summed indicators.</summary>
internal static class ObservationBatchChecker
{
    public static void Check(ObservationBatch batch, PlanLookup? plan, RegionLookup? regions, ValidationContext context)
    {
        if (batch.Plan is { } planId)
        {
            if (planId.IsEmpty)
            {
                context.Report(DeltaRules.MissingIdentifier, new PathRef("$.plan"));
            }
            else if (plan is not null && !plan.Plan.Id.IsEmpty && planId != plan.Plan.Id)
            {
                context.Report(DeltaRules.PlanMismatch, new PathRef("$.plan"), planId.ToString(), planId, plan.Plan.Id);
            }
        }

        var observations = batch.Observations;
        var seen = new Dictionary<ObservationKey, int>(observations.Length);
        var today = context.Today;
        var anySummed = false;

        // Batches usually run indicator by indicator: remembering the last lookup saves most dictionary probes.
        var lastId = default(IndicatorId);
        Indicator? lastIndicator = null;
        for (var i = 0; i < observations.Length; i++)
        {
            var path = new EntityPath("$.observations[{0}]", i);
            var observation = observations[i];
            if (observation is null)
            {
                context.Report(DeltaRules.NullElement, path.Self);
                continue;
            }

            Indicator? indicator = null;
            var id = observation.Indicator;
            if (id.IsEmpty)
            {
                context.Report(DeltaRules.MissingIdentifier, path.At(".indicator"));
            }
            else if (plan is not null)
            {
                if (id != lastId)
                {
                    lastId = id;
                    lastIndicator = plan.FindIndicator(id);
                }

                indicator = lastIndicator;
                if (indicator is null)
                {
                    context.Report(DeltaRules.UnknownIndicator, path.At(".indicator"), id.ToString(), id);
                }
                else
                {
                    anySummed |= indicator.Aggregation == AggregationRule.Sum;
                }
            }

            var region = observation.Region;
            var group = observation.RegionGroup;
            if (region.HasValue == group.HasValue)
            {
                context.Report(DeltaRules.ObservationTargetNotSingle, path.Self);
            }

            if (region is { } r)
            {
                if (r.IsEmpty)
                {
                    context.Report(DeltaRules.MissingIdentifier, path.At(".region"));
                }
                else if (regions is not null && !regions.Regions.ContainsKey(r))
                {
                    context.Report(DeltaRules.UnknownRegion, path.At(".region"), r.ToString(), r);
                }
            }

            if (group is { } g)
            {
                if (g.IsEmpty)
                {
                    context.Report(DeltaRules.MissingIdentifier, path.At(".regionGroup"));
                }
                else if (regions is not null && !regions.Groups.ContainsKey(g))
                {
                    context.Report(DeltaRules.UnknownRegionGroup, path.At(".regionGroup"), g.ToString(), g);
                }
            }

            var period = observation.Period;
            if (period.IsEmpty)
            {
                context.Report(DeltaRules.MissingIdentifier, path.At(".period"));
            }
            else if (period.Start > today)
            {
                context.Report(DeltaRules.DateInFuture, path.At(".period"), period.ToString(), period, Text.Iso(today));
            }

            Checks.Value(context, observation.Value, indicator?.Unit, path.At(".value"));
            if (!id.IsEmpty && !period.IsEmpty && (region.HasValue || group.HasValue)
                && !seen.TryAdd(new ObservationKey(id, region, group, period), i))
            {
                var where = region?.ToString() ?? group.GetValueOrDefault().ToString();
                var first = new PathRef("$.observations[{0}]", a: seen[new ObservationKey(id, region, group, period)]).Render();
                context.Report(DeltaRules.DuplicateObservation, path.Self, where, id, where, period, first);
            }

            Checks.Source(context, observation.Source, path.At(".source"), required: true);
        }

        if (anySummed && plan is not null && !context.IsSuppressed(DeltaRules.OverlappingSummedObservations))
        {
            NestedRegionsInSums(observations, plan, seen, context);
        }
    }

    /// <summary>DLT6009: a summed indicator with values for both a region and a region containing it in one period.</summary>
    private static void NestedRegionsInSums(System.Collections.Immutable.ImmutableArray<Observation> observations, PlanLookup plan, Dictionary<ObservationKey, int> seen, ValidationContext context)
    {
        // Few distinct regions occur, so their ancestor codes are worked out once each.
        var ancestors = new Dictionary<RegionCode, (RegionCode? Prefecture, RegionCode? Province)>();
        var lastId = default(IndicatorId);
        var lastSummed = false;
        for (var i = 0; i < observations.Length; i++)
        {
            var observation = observations[i];
            if (observation is null || observation.Region is not { IsEmpty: false } region || observation.Period.IsEmpty || observation.Indicator.IsEmpty)
            {
                continue;
            }

            if (observation.Indicator != lastId)
            {
                lastId = observation.Indicator;
                lastSummed = plan.FindIndicator(lastId)?.Aggregation == AggregationRule.Sum;
            }

            if (!lastSummed)
            {
                continue;
            }

            if (!ancestors.TryGetValue(region, out var up))
            {
                up = region.CodeLevel switch
                {
                    RegionCodeLevel.County => (region.Prefecture, region.Province),
                    RegionCodeLevel.Prefectural => (null, region.Province),
                    _ => (null, null),
                };
                ancestors.Add(region, up);
            }

            var container = Contains(up.Prefecture) ? up.Prefecture : Contains(up.Province) ? up.Province : null;
            if (container is { } c)
            {
                context.Report(DeltaRules.OverlappingSummedObservations, new PathRef("$.observations[{0}]", ".region", i), region.ToString(), observation.Indicator, region, observation.Period, c);
            }

            bool Contains(RegionCode? ancestor)
                => ancestor is { } code && seen.ContainsKey(new ObservationKey(observation.Indicator, code, null, observation.Period));
        }
    }
}
