using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>An agency or body that issues a plan or leads or takes part in its tasks.</summary>
public sealed record Agency
{
    /// <summary>Gets the agency's identifier.</summary>
    public required AgencyId Id { get; init; }

    /// <summary>Gets the agency's names.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the region whose government the agency belongs to, when it belongs to one.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the sources of the agency's names and role.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note, for example its role in the plan.</summary>
    public string? Notes { get; init; }

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
