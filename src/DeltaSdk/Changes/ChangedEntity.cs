using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Changes;

/// <summary>The kind of entity a <see cref="Change"/> is about; the members are in the order changes are listed.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChangedEntity>))]
public enum ChangedEntity
{
    /// <summary>The <see cref="DeltaSdk.Plan"/> itself (its own members, such as its title or declared counts).</summary>
    Plan,

    /// <summary>An <see cref="DeltaSdk.Aspect"/>, identified by its id.</summary>
    Aspect,

    /// <summary>A <see cref="KeyTask"/>, identified by its code wherever it sits in the plan.</summary>
    Task,

    /// <summary>An <see cref="DeltaSdk.Agency"/>, identified by its id.</summary>
    Agency,

    /// <summary>An <see cref="DeltaSdk.Indicator"/>, identified by its id.</summary>
    Indicator,

    /// <summary>The <see cref="DeltaSdk.RegionTable"/> itself (only unknown members can change at this level).</summary>
    RegionTable,

    /// <summary>A <see cref="DeltaSdk.Region"/>, identified by its code.</summary>
    Region,

    /// <summary>A <see cref="DeltaSdk.RegionGroup"/>, identified by its id.</summary>
    RegionGroup,
}
