using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>
/// The status of one indicator for one region (or group, or the headline figure) as of a date, with every part it
/// was computed from: base and latest values, the target used, the direction, the growth rates, the ratio, the
/// thresholds, and why the status is not available when it is not.
/// </summary>
public sealed record IndicatorStatus
{
    /// <summary>Gets the indicator.</summary>
    public required IndicatorId Indicator { get; init; }

    /// <summary>Gets the region the status is for, when it is for a region.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the region group the status is for, when it is for a group.</summary>
    public RegionGroupId? RegionGroup { get; init; }

    /// <summary>Gets the date the status is as of: observations of periods ending later are not used.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Gets the status.</summary>
    public required IndicatorProgressStatus Status { get; init; }

    /// <summary>Gets why the status is <see cref="IndicatorProgressStatus.NotAvailable"/>; otherwise <see langword="null"/>.</summary>
    public StatusNotAvailableReason? NotAvailableReason { get; init; }

    /// <summary>Gets the method and its version.</summary>
    public required AnalyticsMethodology Methodology { get; init; }

    /// <summary>Gets the indicator's direction as used (<c>+1</c> for higher-is-better, <c>-1</c> for lower-is-better in the formula).</summary>
    public required IndicatorDirection Direction { get; init; }

    /// <summary>Gets the indicator's unit; values and the target are in it.</summary>
    public required string Unit { get; init; }

    /// <summary>Gets the base period and value the growth is measured from, when there is one.</summary>
    public IndicatorPoint? Base { get; init; }

    /// <summary>Gets the latest period and value at or before the as-of date, when there is one.</summary>
    public IndicatorPoint? Current { get; init; }

    /// <summary>Gets the target that drove the status, or <see langword="null"/> when none applies (the growth thresholds are used).</summary>
    public StatusTarget? Target { get; init; }

    /// <summary>Gets the observed compound annual growth rate from base to latest, when computed.</summary>
    public double? ObservedGrowth { get; init; }

    /// <summary>Gets the compound annual growth rate the target requires from the base, when a target applies.</summary>
    public double? RequiredGrowth { get; init; }

    /// <summary>
    /// Gets the progress value compared with the thresholds: <c>sign × direction × CAGR(observed) / |CAGR(required)|</c>
    /// with a target, <c>sign × direction × CAGR(observed)</c> without.
    /// </summary>
    public double? Ratio { get; init; }

    /// <summary>Gets the thresholds the ratio was compared with.</summary>
    public required ProgressThresholds Thresholds { get; init; }

    /// <summary>Gets what the method adjusted, as it documents (for example <c>baseValueZeroReplaced</c>: a zero base counts as 0.001).</summary>
    public ImmutableArray<string> Adjustments { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets how often the indicator is expected to be observed, when declared.</summary>
    public ReportingPeriodKind? ExpectedFrequency { get; init; }

    /// <summary>
    /// Gets whether the latest figure is stale as of <see cref="AsOf"/>: older than one expected period; <see langword="null"/>
    /// when no frequency is declared or there is no figure.
    /// </summary>
    public bool? IsStale { get; init; }
}
