using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A named group of regions: a demonstration zone, a corridor, a metropolitan circle, a central area.</summary>
public sealed record RegionGroup : ExtensibleRecord
{
    /// <summary>Gets the group's identifier.</summary>
    public required RegionGroupId Id { get; init; }

    /// <summary>Gets what kind of group this is.</summary>
    public required RegionGroupKind Kind { get; init; }

    /// <summary>Gets the group's names.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the member regions that sources name.</summary>
    public ImmutableArray<RegionCode> Members { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// Gets a value indicating whether <see cref="Members"/> is the whole membership; <see langword="false"/> when
    /// sources name only some members (a metropolitan circle modelled by its core cities).
    /// </summary>
    /// <remarks>
    /// Required in JSON: a document must say which it is. (Were it optional, System.Text.Json's source-generated
    /// reader, which builds init-only records through their constructor path, would read an absent member as
    /// <see langword="false"/> rather than this property's default of <see langword="true"/>.)
    /// </remarks>
    [JsonRequired]
    public bool MembershipComplete { get; init; } = true;

    /// <summary>Gets the sources of the group and its members.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note.</summary>
    public string? Notes { get; init; }
}
