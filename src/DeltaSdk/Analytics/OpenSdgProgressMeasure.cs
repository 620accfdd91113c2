using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>
/// The indicator status method Open SDG uses (Statistics Canada's progress measure), version 1.0 of its
/// implementation here: the compound annual growth rate (CAGR) from a base period to the latest observation,
/// compared with the growth a target requires, or without a target with fixed growth thresholds.
/// </summary>
/// <remarks>
/// <para>
/// Follows <c>sdg/ProgressMeasure.py</c> of <see href="https://github.com/open-sdg/sdg-build">open-sdg/sdg-build</see>:
/// <c>CAGR = (current / base)^(1 / (t_current - t_base)) - 1</c>; with a target,
/// <c>p = sign × direction × CAGR(observed) / |CAGR(required)|</c> against 0.95 / 0.60 / 0; without,
/// <c>p = sign × direction × CAGR(observed)</c> against 0.015 / 0.005 / 0. A latest value at or beyond the target
/// is <see cref="IndicatorProgressStatus.TargetAchieved"/> whatever the growth, even from a single observation.
/// A zero base or target counts as 0.001; a negative base flips <c>sign</c>; a base and latest value of opposite
/// signs, or a single point in time, give <see cref="IndicatorProgressStatus.NotAvailable"/>.
/// </para>
/// <para>
/// Choices Open SDG leaves to its configuration: the base is the indicator's baseline for the headline figure
/// (no region), else the earliest observation; periods are placed on a fractional-year axis at their ends
/// (2024-Q2 ends at 2024 + 182/366), so sub-annual data work and annual data are whole years apart; the target is
/// the one of the scope whose period ends first at or after the as-of date, or the last one when all have passed.
/// Only observations of periods ending at or before the as-of date are used. The engine never throws on bad
/// data: it answers <see cref="IndicatorProgressStatus.NotAvailable"/> with a <see cref="StatusNotAvailableReason"/>.
/// </para>
/// </remarks>
public sealed class OpenSdgProgressMeasure
{
    /// <summary>The value a zero base or target is replaced with, as Open SDG does.</summary>
    public const double ZeroReplacement = 0.001;

    /// <summary>Gets the method with Open SDG's default thresholds.</summary>
    public static OpenSdgProgressMeasure Default { get; } = new();

    /// <summary>Gets the method's identifier and version, stamped on every status.</summary>
    public AnalyticsMethodology Methodology { get; } = AnalyticsMethodology.OpenSdgProgressMeasure;

    /// <summary>Gets the thresholds used when a target applies.</summary>
    public ProgressThresholds TargetThresholds { get; } = ProgressThresholds.WithTarget;

    /// <summary>Gets the thresholds used when no target applies.</summary>
    public ProgressThresholds GrowthThresholds { get; } = ProgressThresholds.WithoutTarget;

    /// <summary>Evaluates one series of an indicator as of the date an <see cref="IClock"/> gives in a time zone.</summary>
    /// <param name="indicator">The indicator (direction, unit, baseline, targets, expected frequency).</param>
    /// <param name="series">The values for the scope, in any order.</param>
    /// <param name="clock">The clock that says what today is.</param>
    /// <param name="zone">The time zone today is taken in.</param>
    /// <param name="region">The region the series is for; <see langword="null"/> for the headline figure or a group.</param>
    /// <param name="regionGroup">The group the series is for, when it is for a group.</param>
    /// <returns>The status with its parts.</returns>
    public IndicatorStatus Evaluate(Indicator indicator, ReadOnlySpan<IndicatorPoint> series, IClock clock, DateTimeZone zone, RegionCode? region = null, RegionGroupId? regionGroup = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        return Evaluate(indicator, series, clock.GetCurrentInstant().InZone(zone).Date, region, regionGroup);
    }

    /// <summary>Evaluates the observations of one indicator for one scope as of a date.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="observations">Observations; those of other indicators or other scopes are ignored.</param>
    /// <param name="asOf">The date of the status.</param>
    /// <param name="region">The region; <see langword="null"/> with <paramref name="regionGroup"/> also <see langword="null"/> for observations with neither.</param>
    /// <param name="regionGroup">The group, when the status is for a group.</param>
    /// <returns>The status with its parts.</returns>
    public IndicatorStatus Evaluate(Indicator indicator, IEnumerable<Observation> observations, LocalDate asOf, RegionCode? region = null, RegionGroupId? regionGroup = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(observations);
        var points = new List<IndicatorPoint>();
        foreach (var observation in observations)
        {
            if (observation is not null && observation.Indicator == indicator.Id && observation.Region == region && observation.RegionGroup == regionGroup)
            {
                points.Add(new IndicatorPoint(observation.Period, observation.Value));
            }
        }

        return Evaluate(indicator, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(points), asOf, region, regionGroup);
    }

    /// <summary>Evaluates every indicator for every region and group it has observations for, as of a date.</summary>
    /// <param name="indicators">The indicators, for example <see cref="Plan.Indicators"/>.</param>
    /// <param name="observations">The observations; those of unknown indicators are ignored.</param>
    /// <param name="asOf">The date of the statuses.</param>
    /// <returns>The statuses, by indicator in the given order, then by scope (groups, then regions by code).</returns>
    public ImmutableArray<IndicatorStatus> EvaluateAll(IEnumerable<Indicator> indicators, IEnumerable<Observation> observations, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(observations);
        var series = new Dictionary<(IndicatorId Indicator, RegionCode Region, RegionGroupId Group), List<IndicatorPoint>>();
        foreach (var observation in observations)
        {
            if (observation is null)
            {
                continue;
            }

            var key = (observation.Indicator, observation.Region ?? default, observation.RegionGroup ?? default);
            if (!series.TryGetValue(key, out var points))
            {
                series.Add(key, points = []);
            }

            points.Add(new IndicatorPoint(observation.Period, observation.Value));
        }

        var byIndicator = series.GroupBy(static p => p.Key.Indicator).ToDictionary(static g => g.Key, static g => g.ToList());
        var result = ImmutableArray.CreateBuilder<IndicatorStatus>();
        foreach (var indicator in indicators)
        {
            if (indicator is null || !byIndicator.TryGetValue(indicator.Id, out var scopes))
            {
                continue;
            }

            foreach (var scope in scopes.OrderBy(static s => s.Key.Group.ToString(), StringComparer.Ordinal).ThenBy(static s => s.Key.Region.ToString(), StringComparer.Ordinal))
            {
                RegionCode? region = scope.Key.Region.IsEmpty ? null : scope.Key.Region;
                RegionGroupId? group = scope.Key.Group.IsEmpty ? null : scope.Key.Group;
                result.Add(Evaluate(indicator, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scope.Value), asOf, region, group));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Evaluates one series of an indicator as of a date.</summary>
    /// <param name="indicator">The indicator (direction, unit, baseline, targets, expected frequency).</param>
    /// <param name="series">The values for the scope, in any order; values of periods ending after <paramref name="asOf"/> and non-finite values are ignored.</param>
    /// <param name="asOf">The date of the status.</param>
    /// <param name="region">The region the series is for; <see langword="null"/> for the headline figure or a group.</param>
    /// <param name="regionGroup">The group the series is for, when it is for a group.</param>
    /// <returns>The status with its parts; never throws on bad data.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is <see langword="null"/>.</exception>
    public IndicatorStatus Evaluate(Indicator indicator, ReadOnlySpan<IndicatorPoint> series, LocalDate asOf, RegionCode? region = null, RegionGroupId? regionGroup = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var draft = new Draft(this, indicator, asOf, region, regionGroup);

        // The latest value as of the date, and the earliest one (the base when no baseline applies).
        // A period's end is computed date arithmetic: work it out once per point, not once per comparison.
        IndicatorPoint? current = null;
        IndicatorPoint? earliest = null;
        LocalDate currentEnd = default, earliestEnd = default;
        foreach (var point in series)
        {
            if (point.Period.IsEmpty || !double.IsFinite(point.Value))
            {
                continue;
            }

            var end = point.Period.End;
            if (end > asOf)
            {
                continue;
            }

            if (current is not { } c || end > currentEnd || (end == currentEnd && point.Period > c.Period))
            {
                current = point;
                currentEnd = end;
            }

            if (earliest is not { } e || end < earliestEnd || (end == earliestEnd && point.Period < e.Period))
            {
                earliest = point;
                earliestEnd = end;
            }
        }

        var baseline = region is null && indicator.Baseline is { } b && !b.Period.IsEmpty && double.IsFinite(b.Value) && b.Period.End <= asOf
            ? new IndicatorPoint(b.Period, b.Value)
            : (IndicatorPoint?)null;
        current ??= baseline;
        draft.Current = current;
        if (current is not { } latest)
        {
            return draft.NotAvailable(StatusNotAvailableReason.NoObservations);
        }

        draft.Base = baseline ?? earliest;
        if (indicator.ExpectedFrequency is { } frequency)
        {
            draft.IsStale = asOf > FractionalYear.FreshUntil(latest.Period, frequency);
        }

        var direction = indicator.Direction switch
        {
            IndicatorDirection.HigherIsBetter => 1,
            IndicatorDirection.LowerIsBetter => -1,
            _ => 0,
        };
        if (direction == 0)
        {
            return draft.NotAvailable(StatusNotAvailableReason.UnsupportedDirection);
        }

        var target = SelectTarget(indicator, asOf, region, out var targetReason);
        if (targetReason is { } unusable)
        {
            return draft.NotAvailable(unusable);
        }

        draft.Target = target;
        if (target is not null && ((direction > 0 && latest.Value >= target.Value) || (direction < 0 && latest.Value <= target.Value)))
        {
            return draft.Done(IndicatorProgressStatus.TargetAchieved, ratio: null, observed: null, required: null);
        }

        var basePoint = draft.Base!.Value;
        var baseValue = basePoint.Value;
        if (baseValue == 0)
        {
            baseValue = ZeroReplacement;
            draft.Adjustments.Add("baseValueZeroReplaced");
        }

        if ((baseValue > 0 && latest.Value < 0) || (baseValue < 0 && latest.Value > 0))
        {
            return draft.NotAvailable(StatusNotAvailableReason.SignChange);
        }

        var baseTime = FractionalYear.EndOf(basePoint.Period);
        var currentTime = FractionalYear.EndOf(latest.Period);
        if (baseTime > currentTime)
        {
            return draft.NotAvailable(StatusNotAvailableReason.BaseAfterLatestObservation);
        }

        if (currentTime - baseTime <= 0)
        {
            return draft.NotAvailable(StatusNotAvailableReason.FewerThanTwoObservations);
        }

        var sign = baseValue < 0 ? -1 : 1;
        var observed = Cagr(latest.Value, baseValue, currentTime, baseTime);
        if (target is null)
        {
            return draft.Done(null, sign * direction * observed, observed, required: null);
        }

        var targetValue = target.Value;
        if (targetValue == 0)
        {
            targetValue = ZeroReplacement;
            draft.Adjustments.Add("targetValueZeroReplaced");
        }

        var targetTime = FractionalYear.EndOf(target.Period);
        if (targetTime <= baseTime)
        {
            return draft.NotAvailable(StatusNotAvailableReason.TargetNotAfterBase);
        }

        if (targetValue / baseValue <= 0)
        {
            return draft.NotAvailable(StatusNotAvailableReason.TargetSignDiffers);
        }

        var required = Cagr(targetValue, baseValue, targetTime, baseTime);
        if (required == 0)
        {
            return draft.NotAvailable(StatusNotAvailableReason.RequiredGrowthZero);
        }

        return draft.Done(null, sign * direction * observed / Math.Abs(required), observed, required);
    }

    /// <summary>The compound annual growth rate from <paramref name="baseValue"/> at <paramref name="baseTime"/> to <paramref name="value"/> at <paramref name="time"/>.</summary>
    internal static double Cagr(double value, double baseValue, double time, double baseTime)
        => Math.Pow(value / baseValue, 1 / (time - baseTime)) - 1;

    private static StatusTarget? SelectTarget(Indicator indicator, LocalDate asOf, RegionCode? region, out StatusNotAvailableReason? reason)
    {
        reason = null;
        IndicatorTarget? next = null;
        IndicatorTarget? last = null;
        foreach (var target in indicator.Targets)
        {
            if (target is null || target.Period.IsEmpty || target.Region != region || !double.IsFinite(target.Value))
            {
                continue;
            }

            if (last is null || target.Period.End > last.Period.End)
            {
                last = target;
            }

            if (target.Period.End >= asOf && (next is null || target.Period.End < next.Period.End))
            {
                next = target;
            }
        }

        var chosen = next ?? last;
        if (chosen is null)
        {
            return null;
        }

        var value = chosen.Value;
        if (chosen.Unit is { } stated && !string.Equals(stated, indicator.Unit, StringComparison.Ordinal))
        {
            if (!MeasurementUnit.TryParse(stated, out var from) || !MeasurementUnit.TryParse(indicator.Unit, out var to))
            {
                reason = StatusNotAvailableReason.UnknownUnit;
                return null;
            }

            if (!from.TryConvert(chosen.Value, to, out value))
            {
                reason = StatusNotAvailableReason.IncompatibleUnits;
                return null;
            }
        }

        return new StatusTarget
        {
            Period = chosen.Period,
            Value = value,
            StatedValue = value == chosen.Value ? null : chosen.Value,
            StatedUnit = value == chosen.Value ? null : chosen.Unit,
            IsPast = next is null,
        };
    }

    /// <summary>The parts gathered while evaluating, turned into a status at whichever step the evaluation ends.</summary>
    private sealed class Draft(OpenSdgProgressMeasure method, Indicator indicator, LocalDate asOf, RegionCode? region, RegionGroupId? regionGroup)
    {
        public IndicatorPoint? Base { get; set; }

        public IndicatorPoint? Current { get; set; }

        public StatusTarget? Target { get; set; }

        public bool? IsStale { get; set; }

        public List<string> Adjustments { get; } = [];

        public IndicatorStatus NotAvailable(StatusNotAvailableReason reason) => Build(IndicatorProgressStatus.NotAvailable, reason, null, null, null);

        public IndicatorStatus Done(IndicatorProgressStatus? status, double? ratio, double? observed, double? required)
        {
            var thresholds = Target is null ? method.GrowthThresholds : method.TargetThresholds;
            if (status is null)
            {
                if (ratio is not { } value || !double.IsFinite(value) || (observed is { } o && !double.IsFinite(o)) || (required is { } r && !double.IsFinite(r)))
                {
                    return NotAvailable(StatusNotAvailableReason.NonFiniteResult);
                }

                status = thresholds.Classify(value);
            }

            return Build(status.Value, null, ratio, observed, required);
        }

        private IndicatorStatus Build(IndicatorProgressStatus status, StatusNotAvailableReason? reason, double? ratio, double? observed, double? required) => new()
        {
            Indicator = indicator.Id,
            Region = region,
            RegionGroup = regionGroup,
            AsOf = asOf,
            Status = status,
            NotAvailableReason = reason,
            Methodology = method.Methodology,
            Direction = indicator.Direction,
            Unit = indicator.Unit ?? string.Empty,
            Base = Base,
            Current = Current,
            Target = Target,
            ObservedGrowth = observed,
            RequiredGrowth = required,
            Ratio = ratio,
            Thresholds = Target is null ? method.GrowthThresholds : method.TargetThresholds,
            Adjustments = [.. Adjustments],
            ExpectedFrequency = indicator.ExpectedFrequency,
            IsStale = IsStale,
        };
    }
}
