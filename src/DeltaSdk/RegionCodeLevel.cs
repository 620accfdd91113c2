using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>The level of the administrative hierarchy that a GB/T 2260 code's digits encode.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RegionCodeLevel>))]
public enum RegionCodeLevel
{
    /// <summary>A provincial-level unit (province, municipality, autonomous region): <c>xx0000</c>.</summary>
    Provincial,

    /// <summary>A prefecture-level unit: <c>xxyy00</c>.</summary>
    Prefectural,

    /// <summary>A county-level unit (district, county, county-level city): <c>xxyyzz</c>.</summary>
    County,
}
