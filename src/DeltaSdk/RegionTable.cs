using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A table of regions and the named groups over them: one document of the canonical format.</summary>
public sealed record RegionTable
{
    /// <summary>Gets the regions, parents before children.</summary>
    public ImmutableArray<Region> Regions { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the named groups of regions.</summary>
    public ImmutableArray<RegionGroup> Groups { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>
    /// Gets the properties read from JSON that this version of the model does not know, kept so that a document from
    /// a newer 1.x writer survives a read and a write; <see langword="null"/> when there were none.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData => UnknownProperties;

    // Set only by the deserializer (System.Text.Json needs a settable IDictionary here); the public view is read-only.
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? UnknownProperties { get; set; }
}
