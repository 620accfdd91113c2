using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A table of regions and the named groups over them: one document of the canonical format.</summary>
public sealed record RegionTable : ExtensibleRecord
{
    /// <summary>Gets the regions, parents before children.</summary>
    public ImmutableArray<Region> Regions { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the named groups of regions.</summary>
    public ImmutableArray<RegionGroup> Groups { get; init => field = value.IsDefault ? [] : value; } = [];
}
