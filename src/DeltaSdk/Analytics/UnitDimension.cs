using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Analytics;

/// <summary>What a <see cref="MeasurementUnit"/> measures; values convert only between units of one dimension.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<UnitDimension>))]
public enum UnitDimension
{
    /// <summary>A length (base unit: kilometre).</summary>
    Length,

    /// <summary>An area (base unit: square kilometre).</summary>
    Area,

    /// <summary>A number of people (base unit: person).</summary>
    Population,

    /// <summary>An amount of Chinese yuan (base unit: yuan).</summary>
    CurrencyCny,

    /// <summary>A share in percent (base unit: percent).</summary>
    Percent,

    /// <summary>A count of things other than people (base unit: one).</summary>
    Count,
}
