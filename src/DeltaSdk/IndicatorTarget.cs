using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>What an indicator should reach by the end of a period.</summary>
public sealed record IndicatorTarget : ExtensibleRecord
{
    /// <summary>Gets the period by whose end the target applies.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Gets the target value; for a <see cref="IndicatorDirection.TargetBand"/> indicator, the band's lower bound.</summary>
    public required double Value { get; init; }

    /// <summary>Gets the band's upper bound for a <see cref="IndicatorDirection.TargetBand"/> indicator; otherwise <see langword="null"/>.</summary>
    public double? UpperValue { get; init; }

    /// <summary>
    /// Gets the unit the target is stated in when a source states it in another unit than the indicator's (for
    /// example <c>10k persons</c> for an indicator in <c>persons</c>); <see langword="null"/> means the indicator's
    /// unit. It must have the indicator's dimension: analytics convert it, and validation flags it when it cannot.
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>
    /// Gets the region the target is set for, or <see langword="null"/> for the indicator's headline figure (the
    /// whole delta or the group its observations are for).
    /// </summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the source of the target.</summary>
    public SourceReference? Source { get; init; }
}
