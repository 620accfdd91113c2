using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A batch of indicator observations: one document of the canonical format.</summary>
public sealed record ObservationBatch
{
    /// <summary>Gets the plan the observations belong to, when the batch names one.</summary>
    public PlanId? Plan { get; init; }

    /// <summary>Gets the observations.</summary>
    public ImmutableArray<Observation> Observations { get; init => field = value.IsDefault ? [] : value; } = [];

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
