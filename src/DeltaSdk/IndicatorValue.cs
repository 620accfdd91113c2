using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A value of an indicator for a period, such as a baseline.</summary>
public sealed record IndicatorValue : ExtensibleRecord
{
    /// <summary>Gets the period the value is for.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Gets the value, in the indicator's unit.</summary>
    public required double Value { get; init; }

    /// <summary>Gets how the value relates to the true figure.</summary>
    public ValueQualifier Qualifier { get; init; } = ValueQualifier.Exact;

    /// <summary>Gets the source of the value, when it is a fact from the outside world.</summary>
    public SourceReference? Source { get; init; }
}
