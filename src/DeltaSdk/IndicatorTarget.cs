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

    /// <summary>Gets the source of the target.</summary>
    public SourceReference? Source { get; init; }
}
