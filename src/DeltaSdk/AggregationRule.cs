using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>How values of one indicator for several regions combine into one value for their union.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<AggregationRule>))]
public enum AggregationRule
{
    /// <summary>Add the values (lengths, counts).</summary>
    Sum,

    /// <summary>Average the values (rates where every region weighs the same).</summary>
    Mean,

    /// <summary>Take the smallest value.</summary>
    Minimum,

    /// <summary>Take the largest value.</summary>
    Maximum,

    /// <summary>Values cannot be combined across regions (for example a region-wide network measured once).</summary>
    NotAggregable,
}
