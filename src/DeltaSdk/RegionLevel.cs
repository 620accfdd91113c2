using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>The administrative kind of a region, as the region table states it.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RegionLevel>))]
public enum RegionLevel
{
    /// <summary>A province (省).</summary>
    Province,

    /// <summary>A municipality directly under the central government (直辖市), such as Shanghai.</summary>
    Municipality,

    /// <summary>A prefecture-level city (地级市).</summary>
    City,

    /// <summary>A municipal district (市辖区).</summary>
    District,

    /// <summary>A county (县).</summary>
    County,

    /// <summary>A county-level city (县级市), such as Kunshan.</summary>
    CountyLevelCity,
}
