using System.Collections.Immutable;

namespace DeltaSdk.Validation;

/// <summary>
/// The built-in observation rules, in one pass over the batch plus one over the observations of summed indicators.
/// Batches run to millions of observations, so indicators, regions and groups are numbered on first sight and the
/// per-observation work is integer hashing.
/// </summary>
internal sealed class ObservationBatchChecker
{
    private readonly PlanLookup? _plan;
    private readonly RegionLookup? _regions;
    private readonly ValidationContext _context;
    private readonly Dictionary<IndicatorId, int> _indicatorNumbers = [];
    private readonly List<IndicatorInfo> _indicators = [];
    private readonly Dictionary<RegionCode, int> _regionNumbers = [];
    private readonly List<RegionCode> _regionCodes = [];
    private readonly List<bool> _regionKnown = [];
    private readonly Dictionary<RegionGroupId, int> _groupNumbers = [];

    private ObservationBatchChecker(PlanLookup? plan, RegionLookup? regions, ValidationContext context)
    {
        _plan = plan;
        _regions = regions;
        _context = context;
    }

    public static void Check(ObservationBatch batch, PlanLookup? plan, RegionLookup? regions, ValidationContext context)
        => new ObservationBatchChecker(plan, regions, context).Run(batch);

    private void Run(ObservationBatch batch)
    {
        if (batch.Plan is { } planId)
        {
            if (planId.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, new PathRef("$.plan"));
            }
            else if (_plan is not null && !_plan.Plan.Id.IsEmpty && planId != _plan.Plan.Id)
            {
                _context.Report(DeltaRules.PlanMismatch, new PathRef("$.plan"), planId.ToString(), planId, _plan.Plan.Id);
            }
        }

        var observations = batch.Observations;
        var seen = new Dictionary<ObservationKey, int>(observations.Length);
        var anySummedRegion = false;
        var today = _context.Today;

        // Batches usually run indicator by indicator: remembering the last one saves most lookups.
        var lastId = default(IndicatorId);
        var last = -1;
        for (var i = 0; i < observations.Length; i++)
        {
            var path = new EntityPath("$.observations[{0}]", i);
            var observation = observations[i];
            if (observation is null)
            {
                _context.Report(DeltaRules.NullElement, path.Self);
                continue;
            }

            var id = observation.Indicator;
            var indicator = -1;
            if (id.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".indicator"));
            }
            else
            {
                if (last < 0 || id != lastId)
                {
                    lastId = id;
                    last = IndicatorNumber(id);
                }

                indicator = last;
                if (_plan is not null && _indicators[indicator].Definition is null)
                {
                    _context.Report(DeltaRules.UnknownIndicator, path.At(".indicator"), id.ToString(), id);
                }
            }

            var target = Target(observation, path);
            var period = observation.Period;
            if (period.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".period"));
            }
            else if (period.Start > today)
            {
                _context.Report(DeltaRules.DateInFuture, path.At(".period"), period.ToString(), period, Text.Iso(today));
            }

            var info = indicator >= 0 ? _indicators[indicator] : default;
            Checks.Value(_context, observation.Value, info.Definition?.Unit, path.At(".value"));
            if (indicator >= 0 && target >= 0 && !period.IsEmpty)
            {
                var key = new ObservationKey(indicator, target, period);
                if (!seen.TryAdd(key, i))
                {
                    var where = observation.Region?.ToString() ?? observation.RegionGroup.GetValueOrDefault().ToString();
                    var first = new PathRef("$.observations[{0}]", a: seen[key]).Render();
                    _context.Report(DeltaRules.DuplicateObservation, path.Self, where, id, where, period, first);
                }
                else
                {
                    anySummedRegion |= info.Summed && (target & 1) == 0;
                }
            }

            Checks.Source(_context, observation.Source, path.At(".source"), required: true);
        }

        if (anySummedRegion && !_context.IsSuppressed(DeltaRules.OverlappingSummedObservations))
        {
            NestedRegionsInSums(observations, seen);
        }

        if (anySummedRegion && !_context.IsSuppressed(DeltaRules.ChildValuesExceedParent))
        {
            ChildrenExceedingParents(observations, seen);
        }
    }

    /// <summary>DLT1014, DLT1010, DLT2003, DLT2004 for where an observation is; returns its key part, or -1 when it has none.</summary>
    private int Target(Observation observation, in EntityPath path)
    {
        var region = observation.Region;
        var group = observation.RegionGroup;
        if (region.HasValue == group.HasValue)
        {
            _context.Report(DeltaRules.ObservationTargetNotSingle, path.Self);
        }

        var target = -1;
        if (group is { } g)
        {
            if (g.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".regionGroup"));
            }
            else
            {
                if (!_groupNumbers.TryGetValue(g, out var number))
                {
                    _groupNumbers.Add(g, number = _groupNumbers.Count);
                }

                if (_regions is not null && !_regions.Groups.ContainsKey(g))
                {
                    _context.Report(DeltaRules.UnknownRegionGroup, path.At(".regionGroup"), g.ToString(), g);
                }

                target = (number << 1) | 1;
            }
        }

        if (region is { } r)
        {
            if (r.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".region"));
            }
            else
            {
                if (!_regionNumbers.TryGetValue(r, out var number))
                {
                    _regionNumbers.Add(r, number = _regionCodes.Count);
                    _regionCodes.Add(r);
                    _regionKnown.Add(_regions is null || _regions.Regions.ContainsKey(r));
                }

                // Unknown codes are reported at every use, but looked up in the table only once each.
                if (!_regionKnown[number])
                {
                    _context.Report(DeltaRules.UnknownRegion, path.At(".region"), r.ToString(), r);
                }

                target = number << 1;
            }
        }

        return target;
    }

    private int IndicatorNumber(IndicatorId id)
    {
        if (!_indicatorNumbers.TryGetValue(id, out var number))
        {
            var definition = _plan?.FindIndicator(id);
            _indicatorNumbers.Add(id, number = _indicators.Count);
            _indicators.Add(new IndicatorInfo(definition, definition?.Aggregation == AggregationRule.Sum));
        }

        return number;
    }

    /// <summary>DLT6009: a summed indicator with values for both a region and a region containing it in one period.</summary>
    /// <remarks>A second pass rather than a list kept from the first: numbering again costs less than storing a million entries.</remarks>
    private void NestedRegionsInSums(ImmutableArray<Observation> observations, Dictionary<ObservationKey, int> seen)
        => ForEachSummedWithContainer(observations, seen, (i, observation, code, indicator, container) =>
        {
            var found = seen.ContainsKey(new ObservationKey(indicator, container << 1, observation.Period));
            if (!found && _regionCodes[container].CodeLevel == RegionCodeLevel.Prefectural
                && _regionNumbers.TryGetValue(_regionCodes[container].Province, out var province))
            {
                // A county whose city is observed in other periods may still overlap its province in this one.
                container = province;
                found = seen.ContainsKey(new ObservationKey(indicator, province << 1, observation.Period));
            }

            if (found)
            {
                _context.Report(DeltaRules.OverlappingSummedObservations, new PathRef("$.observations[{0}]", ".region", i), code.ToString(), observation.Indicator, code, observation.Period, _regionCodes[container]);
            }
        });

    /// <summary>
    /// Visits each observation of a summed indicator for a region (not a group) whose closest containing region the
    /// batch also observes, once per indicator, region and period (a duplicate is reported already as DLT6005): what
    /// DLT6009 and DLT6011 look at. The visitor gets the index, the observation, its region, the indicator's number
    /// and the container's region number.
    /// </summary>
    private void ForEachSummedWithContainer(ImmutableArray<Observation> observations, Dictionary<ObservationKey, int> seen, Action<int, Observation, RegionCode, int, int> visit)
    {
        var containers = Containers();
        var lastId = default(IndicatorId);
        var indicator = -1;
        for (var i = 0; i < observations.Length; i++)
        {
            var observation = observations[i];
            if (observation is not { Region: { IsEmpty: false } code, Indicator.IsEmpty: false, Period.IsEmpty: false } || observation.RegionGroup.HasValue)
            {
                continue;
            }

            if (indicator < 0 || observation.Indicator != lastId)
            {
                lastId = observation.Indicator;
                indicator = _indicatorNumbers[lastId];
            }

            var region = _regionNumbers[code];
            var container = containers[region];
            if (_indicators[indicator].Summed && container >= 0 && seen[new ObservationKey(indicator, region << 1, observation.Period)] == i)
            {
                visit(i, observation, code, indicator, container);
            }
        }
    }

    /// <summary>The closest containing region that the batch also observes, per region number (-1 for none): worked out once each.</summary>
    private int[] Containers()
    {
        var containers = new int[_regionCodes.Count];
        for (var r = 0; r < containers.Length; r++)
        {
            var code = _regionCodes[r];
            containers[r] = -1;
            if (code.CodeLevel == RegionCodeLevel.County && _regionNumbers.TryGetValue(code.Prefecture!.Value, out var prefecture))
            {
                containers[r] = prefecture;
            }
            else if (code.CodeLevel != RegionCodeLevel.Provincial && _regionNumbers.TryGetValue(code.Province, out var province))
            {
                containers[r] = province;
            }
        }

        return containers;
    }

    /// <summary>
    /// DLT6011: for a summed indicator, the values of the regions directly within an observed region (each counted in
    /// its closest observed container only) add up to more than the container's own value for the same period.
    /// </summary>
    private void ChildrenExceedingParents(ImmutableArray<Observation> observations, Dictionary<ObservationKey, int> seen)
    {
        var sums = new Dictionary<ObservationKey, (double Sum, int Count)>();
        ForEachSummedWithContainer(observations, seen, (_, observation, _, indicator, container) =>
        {
            if (double.IsFinite(observation.Value))
            {
                var key = new ObservationKey(indicator, container << 1, observation.Period);
                var (sum, count) = sums.GetValueOrDefault(key);
                sums[key] = (sum + observation.Value, count + 1);
            }
        });

        foreach (var (key, (sum, count)) in sums.OrderBy(static p => p.Key.Target).ThenBy(static p => p.Key.Period))
        {
            if (!seen.TryGetValue(key, out var parentIndex) || observations[parentIndex] is not { } parent || !double.IsFinite(parent.Value))
            {
                continue;
            }

            // A relative tolerance keeps rounding in published figures (which add up to the total ± a unit) from warning.
            if (sum > parent.Value + (Math.Abs(parent.Value) * 1e-9))
            {
                _context.Report(DeltaRules.ChildValuesExceedParent, new PathRef("$.observations[{0}]", ".value", parentIndex), Text.Number(parent.Value), parent.Indicator, parent.Region, parent.Period, Text.Number(sum), count, Text.Number(parent.Value));
            }
        }
    }

    private readonly record struct IndicatorInfo(Indicator? Definition, bool Summed);
}
