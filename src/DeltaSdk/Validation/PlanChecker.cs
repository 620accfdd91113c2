using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Validation;

/// <summary>The built-in plan rules, in one pass over the plan after its identifiers are indexed.</summary>
internal sealed class PlanChecker
{
    private readonly Plan _plan;
    private readonly PlanLookup _index;
    private readonly RegionLookup? _regions;
    private readonly ValidationContext _context;

    private PlanChecker(PlanLookup index, RegionLookup? regions, ValidationContext context)
    {
        _plan = index.Plan;
        _index = index;
        _regions = regions;
        _context = context;
    }

    public static void Check(PlanLookup index, RegionLookup? regions, ValidationContext context)
        => new PlanChecker(index, regions, context).Run();

    private void Run()
    {
        var plan = _plan;
        var root = new EntityPath("$");
        if (plan.Id.IsEmpty)
        {
            _context.Report(DeltaRules.MissingIdentifier, root.At(".id"));
        }

        Checks.Name(_context, plan.Title, root.At(".title"));
        if (!_index.HasValidPeriod)
        {
            _context.Report(DeltaRules.PlanPeriodInverted, root.At(".endDate"), Text.Iso(plan.EndDate), Text.Iso(plan.EndDate), Text.Iso(plan.StartDate));
        }

        if (plan.IssuedBy is { } issuer)
        {
            AgencyReference(issuer, root.At(".issuedBy"));
        }

        Counts();
        Checks.Sources(_context, plan.Sources, root, required: true);

        foreach (var duplicate in _index.Duplicates)
        {
            _context.Report(DeltaRules.DuplicateIdentifier, duplicate.Path, duplicate.Value, duplicate.Value, duplicate.First.Render());
        }

        for (var a = 0; a < plan.Aspects.Length; a++)
        {
            Aspect(plan.Aspects[a], a);
        }

        for (var t = 0; t < plan.UnassignedTasks.Length; t++)
        {
            Task(plan.UnassignedTasks[t], new EntityPath("$.unassignedTasks[{1}]", 0, t), null, -1);
        }

        for (var i = 0; i < plan.Agencies.Length; i++)
        {
            Agency(plan.Agencies[i], i);
        }

        for (var i = 0; i < plan.Indicators.Length; i++)
        {
            Indicator(plan.Indicators[i], i);
        }
    }

    private void Counts()
    {
        var plan = _plan;
        var complete = plan.CatalogueCompleteness == CatalogueCompleteness.Complete;
        var root = new EntityPath("$");
        Count(plan.DeclaredAspectCount, plan.Aspects.Length, complete, root.At(".declaredAspectCount"));
        var catalogued = plan.UnassignedTasks.Length;
        var declaredByAspects = 0;
        var everyAspectDeclares = true;
        var anyAspectDeclares = false;
        foreach (var aspect in plan.Aspects)
        {
            catalogued += aspect?.Tasks.Length ?? 0;
            if (aspect?.DeclaredTaskCount is { } count)
            {
                declaredByAspects += count;
                anyAspectDeclares = true;
            }
            else
            {
                everyAspectDeclares = false;
            }
        }

        Count(plan.DeclaredTaskCount, catalogued, complete, root.At(".declaredTaskCount"));
        if (plan.DeclaredTaskCount is { } declared && anyAspectDeclares)
        {
            // With every aspect counted the sums must agree; with some unknown, the known ones can only fall short.
            var allAspectsKnown = everyAspectDeclares && (plan.DeclaredAspectCount is null || plan.DeclaredAspectCount == plan.Aspects.Length);
            if (allAspectsKnown ? declaredByAspects != declared : declaredByAspects > declared)
            {
                _context.Report(DeltaRules.AspectCountsDisagree, root.At(".declaredTaskCount"), declared.ToString(System.Globalization.CultureInfo.InvariantCulture), declaredByAspects, declared);
            }
        }
    }

    private void Count(int? declared, int catalogued, bool complete, in PathRef path)
    {
        if (declared is not { } d || d == catalogued)
        {
            return;
        }

        var value = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (catalogued > d)
        {
            _context.Report(DeltaRules.CatalogueExceedsDeclared, path, value, d, catalogued);
        }
        else
        {
            _context.Report(complete ? DeltaRules.CountMismatch : DeltaRules.CountGapInPartialCatalogue, path, value, d, catalogued, d - catalogued);
        }
    }

    private void Aspect(Aspect? aspect, int a)
    {
        var path = new EntityPath("$.aspects[{0}]", a);
        if (aspect is null)
        {
            _context.Report(DeltaRules.NullElement, path.Self);
            return;
        }

        if (aspect.Id.IsEmpty)
        {
            _context.Report(DeltaRules.MissingIdentifier, path.At(".id"));
        }

        if (aspect.Ordinal != a + 1)
        {
            _context.Report(DeltaRules.AspectOrdinalOutOfSequence, path.At(".ordinal"), aspect.Ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), aspect.Ordinal, a + 1);
        }

        Checks.Name(_context, aspect.Name, path.At(".name"));
        Count(aspect.DeclaredTaskCount, aspect.Tasks.Length, _plan.CatalogueCompleteness == CatalogueCompleteness.Complete, path.At(".declaredTaskCount"));
        Checks.Sources(_context, aspect.Sources, path, required: true);
        for (var t = 0; t < aspect.Tasks.Length; t++)
        {
            Task(aspect.Tasks[t], new EntityPath("$.aspects[{0}].tasks[{1}]", a, t), aspect, a);
        }
    }

    private void Task(KeyTask? task, in EntityPath path, Aspect? listedUnder, int aspectIndex)
    {
        if (task is null)
        {
            _context.Report(DeltaRules.NullElement, path.Self);
            return;
        }

        if (task.Code.IsEmpty)
        {
            _context.Report(DeltaRules.MissingIdentifier, path.At(".code"));
        }

        if (task.Aspect is { } stated)
        {
            if (stated.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".aspect"));
            }
            else if (!_index.Aspects.ContainsKey(stated))
            {
                _context.Report(DeltaRules.UnknownAspect, path.At(".aspect"), stated.ToString(), stated);
            }
            else if (listedUnder is null || listedUnder.Id != stated)
            {
                var where = listedUnder is null ? "$.unassignedTasks" : new PathRef("$.aspects[{0}]", a: aspectIndex).Render();
                _context.Report(DeltaRules.TaskAspectMismatch, path.At(".aspect"), stated.ToString(), stated, where);
            }
        }

        Checks.Name(_context, task.Title, path.At(".title"));
        AgencyReferences(task.LeadAgencies, path, ".leadAgencies[{2}]");
        AgencyReferences(task.ParticipatingAgencies, path, ".participatingAgencies[{2}]");
        for (var i = 0; i < task.Regions.Length; i++)
        {
            RegionReference(task.Regions[i], path.At(".regions[{2}]", i));
        }

        for (var i = 0; i < task.RegionGroups.Length; i++)
        {
            var group = task.RegionGroups[i];
            if (group.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".regionGroups[{2}]", i));
            }
            else if (_regions is not null && !_regions.Groups.ContainsKey(group))
            {
                _context.Report(DeltaRules.UnknownRegionGroup, path.At(".regionGroups[{2}]", i), group.ToString(), group);
            }
        }

        for (var i = 0; i < task.Indicators.Length; i++)
        {
            var indicator = task.Indicators[i];
            if (indicator.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".indicators[{2}]", i));
            }
            else if (!_index.Indicators.ContainsKey(indicator))
            {
                _context.Report(DeltaRules.UnknownIndicator, path.At(".indicators[{2}]", i), indicator.ToString(), indicator);
            }
        }

        TimeFrameAndMilestones(task, path);
        Checks.Sources(_context, task.Sources, path, required: true);
    }

    private void TimeFrameAndMilestones(KeyTask task, in EntityPath path)
    {
        var frame = task.TimeFrame;
        var start = frame?.Start;
        var end = frame?.End;
        var frameValid = true;
        if (start is { } s && end is { } e && e < s)
        {
            frameValid = false;
            _context.Report(DeltaRules.TimeFrameInverted, path.At(".timeFrame.end"), Text.Iso(e), Text.Iso(e), Text.Iso(s));
        }

        if (_index.HasValidPeriod)
        {
            InsidePlan(start, path.At(".timeFrame.start"));
            InsidePlan(end, path.At(".timeFrame.end"));
        }

        if (task.Milestones.IsEmpty)
        {
            return;
        }

        // Where the frame is open, the plan period bounds the milestones.
        var windowStart = start ?? _plan.StartDate;
        var windowEnd = end ?? _plan.EndDate;
        var windowValid = frameValid && windowEnd >= windowStart;
        LocalDate? previousDue = null;
        for (var m = 0; m < task.Milestones.Length; m++)
        {
            var milestone = task.Milestones[m];
            if (milestone is null)
            {
                _context.Report(DeltaRules.NullElement, path.At(".milestones[{2}]", m));
                continue;
            }

            var due = milestone.DueOn;
            if (previousDue is { } before && due < before)
            {
                _context.Report(DeltaRules.MilestonesOutOfOrder, path.At(".milestones[{2}].dueOn", m), Text.Iso(due), Text.Iso(due), Text.Iso(before));
            }

            previousDue = due;
            if (windowValid && (due < windowStart || due > windowEnd))
            {
                _context.Report(DeltaRules.MilestoneOutsideTimeFrame, path.At(".milestones[{2}].dueOn", m), Text.Iso(due), Text.Iso(due), Text.Iso(windowStart), Text.Iso(windowEnd));
            }

            Checks.Name(_context, milestone.Title, path.At(".milestones[{2}].title", m));
            if (milestone.ReachedOn is { } reached && reached > _context.Today)
            {
                _context.Report(DeltaRules.DateInFuture, path.At(".milestones[{2}].reachedOn", m), Text.Iso(reached), Text.Iso(reached), Text.Iso(_context.Today));
            }
        }
    }

    private void InsidePlan(LocalDate? date, in PathRef path)
    {
        if (date is { } d && (d < _plan.StartDate || d > _plan.EndDate))
        {
            _context.Report(DeltaRules.TimeFrameOutsidePlan, path, Text.Iso(d), Text.Iso(d), Text.Iso(_plan.StartDate), Text.Iso(_plan.EndDate));
        }
    }

    private void AgencyReferences(ImmutableArray<AgencyId> agencies, in EntityPath path, string suffix)
    {
        for (var i = 0; i < agencies.Length; i++)
        {
            AgencyReference(agencies[i], path.At(suffix, i));
        }
    }

    private void AgencyReference(AgencyId agency, in PathRef path)
    {
        if (agency.IsEmpty)
        {
            _context.Report(DeltaRules.MissingIdentifier, path);
        }
        else if (!_index.Agencies.ContainsKey(agency))
        {
            _context.Report(DeltaRules.UnknownAgency, path, agency.ToString(), agency);
        }
    }

    private void RegionReference(RegionCode region, in PathRef path)
    {
        if (region.IsEmpty)
        {
            _context.Report(DeltaRules.MissingIdentifier, path);
        }
        else if (_regions is not null && !_regions.Regions.ContainsKey(region))
        {
            _context.Report(DeltaRules.UnknownRegion, path, region.ToString(), region);
        }
    }

    private void Agency(Agency? agency, int i)
    {
        var path = new EntityPath("$.agencies[{0}]", i);
        if (agency is null)
        {
            _context.Report(DeltaRules.NullElement, path.Self);
            return;
        }

        if (agency.Id.IsEmpty)
        {
            _context.Report(DeltaRules.MissingIdentifier, path.At(".id"));
        }

        Checks.Name(_context, agency.Name, path.At(".name"));
        if (agency.Region is { } region)
        {
            RegionReference(region, path.At(".region"));
        }

        Checks.Sources(_context, agency.Sources, path, required: true);
    }

    private void Indicator(Indicator? indicator, int i)
    {
        var path = new EntityPath("$.indicators[{0}]", i);
        if (indicator is null)
        {
            _context.Report(DeltaRules.NullElement, path.Self);
            return;
        }

        if (indicator.Id.IsEmpty)
        {
            _context.Report(DeltaRules.MissingIdentifier, path.At(".id"));
        }

        Checks.Name(_context, indicator.Name, path.At(".name"));
        var unit = indicator.Unit;
        if (string.IsNullOrWhiteSpace(unit))
        {
            _context.Report(DeltaRules.MissingUnit, path.At(".unit"));
            unit = null;
        }
        else if (indicator.Aggregation == AggregationRule.Sum && UnitDomain.IsNonAdditive(unit))
        {
            _context.Report(DeltaRules.NonAdditiveUnitSummed, path.At(".aggregation"), "sum", unit);
        }

        // A target or baseline inherits its indicator's sources; only a fact with neither is unsourced.
        var sourcesRequired = indicator.Sources.IsEmpty;
        var baseline = indicator.Baseline;
        var baselineUsable = false;
        if (baseline is not null)
        {
            if (baseline.Period.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".baseline.period"));
            }

            baselineUsable = Checks.Value(_context, baseline.Value, unit, path.At(".baseline.value")) && !baseline.Period.IsEmpty;
            Checks.Source(_context, baseline.Source, path.At(".baseline.source"), sourcesRequired);
        }

        Targets(indicator, path, unit, baselineUsable ? baseline : null, sourcesRequired);
        Checks.Sources(_context, indicator.Sources, path, required: true);
    }

    private void Targets(Indicator indicator, in EntityPath path, string? unit, IndicatorValue? baseline, bool sourcesRequired)
    {
        var targets = indicator.Targets;
        var usable = new bool[targets.Length];
        var band = indicator.Direction == IndicatorDirection.TargetBand;
        for (var t = 0; t < targets.Length; t++)
        {
            var target = targets[t];
            if (target is null)
            {
                _context.Report(DeltaRules.NullElement, path.At(".targets[{2}]", t));
                continue;
            }

            if (target.Period.IsEmpty)
            {
                _context.Report(DeltaRules.MissingIdentifier, path.At(".targets[{2}].period", t));
            }

            if (target.Unit is { } stated && unit is not null && !string.Equals(stated, unit, StringComparison.Ordinal)
                && !(Analytics.MeasurementUnit.TryParse(stated, out var from) && Analytics.MeasurementUnit.TryParse(unit, out var to) && from.IsCompatibleWith(to)))
            {
                _context.Report(DeltaRules.TargetUnitIncompatible, path.At(".targets[{2}].unit", t), stated, stated, unit);
            }

            // Value checks use the indicator's unit's domain only when the target is stated in it.
            var valueUnit = target.Unit is { } own && !string.Equals(own, unit, StringComparison.Ordinal) ? null : unit;
            usable[t] = Checks.Value(_context, target.Value, valueUnit, path.At(".targets[{2}].value", t)) && !target.Period.IsEmpty;
            if (target.UpperValue is { } upper)
            {
                var upperFinite = Checks.Value(_context, upper, unit, path.At(".targets[{2}].upperValue", t));
                if (!band || (upperFinite && upper < target.Value))
                {
                    _context.Report(DeltaRules.TargetBandMalformed, path.At(".targets[{2}].upperValue", t), Text.Number(upper));
                }
            }
            else if (band)
            {
                _context.Report(DeltaRules.TargetBandMalformed, path.At(".targets[{2}].upperValue", t));
            }

            if (baseline is not null && !target.Period.IsEmpty && baseline.Period.End >= target.Period.End)
            {
                _context.Report(DeltaRules.BaselineNotBeforeTarget, path.At(".targets[{2}].period", t), target.Period.ToString(), baseline.Period, target.Period);
            }

            Checks.Source(_context, target.Source, path.At(".targets[{2}].source", t), sourcesRequired);
        }

        if (band || targets.Length == 0)
        {
            return;
        }

        // Direction: each target, in period order, must not fall behind the one before it (the baseline first).
        var order = new int[targets.Length];
        for (var t = 0; t < order.Length; t++)
        {
            order[t] = t;
        }

        Array.Sort(order, (x, y) =>
        {
            var byPeriod = (targets[x]?.Period ?? default).CompareTo(targets[y]?.Period ?? default);
            return byPeriod != 0 ? byPeriod : x.CompareTo(y);
        });
        var higher = indicator.Direction == IndicatorDirection.HigherIsBetter;
        double? reference = baseline?.Value;
        var referencePeriod = baseline?.Period ?? default;
        foreach (var t in order)
        {
            if (!usable[t])
            {
                continue;
            }

            var target = targets[t];
            if (reference is { } r && (higher ? target.Value < r : target.Value > r))
            {
                _context.Report(DeltaRules.TargetAgainstDirection, path.At(".targets[{2}].value", t), Text.Number(target.Value), Text.Number(target.Value), target.Period, Text.Wire(indicator.Direction), Text.Number(r), referencePeriod);
            }

            reference = target.Value;
            referencePeriod = target.Period;
        }
    }
}
