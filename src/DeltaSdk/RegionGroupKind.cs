using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>What kind of named group of regions a <see cref="RegionGroup"/> is.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RegionGroupKind>))]
public enum RegionGroupKind
{
    /// <summary>The whole area a plan covers.</summary>
    WholeRegion,

    /// <summary>A demonstration zone, such as the Ecology and Green Integrated Development Demonstration Zone.</summary>
    DemonstrationZone,

    /// <summary>A central area (中心区) named by a planning outline.</summary>
    CentralArea,

    /// <summary>A development corridor, such as the G60 Science and Technology Innovation Corridor.</summary>
    Corridor,

    /// <summary>A metropolitan circle (都市圈).</summary>
    MetropolitanCircle,

    /// <summary>A cross-boundary cooperation zone or circle, such as the Jiangsu-Anhui Cooperation Demonstration Zone.</summary>
    CooperationZone,
}
