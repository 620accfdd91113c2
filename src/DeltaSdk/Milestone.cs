using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>A dated step of a key task.</summary>
public sealed record Milestone
{
    /// <summary>Gets the day the milestone is due.</summary>
    public required LocalDate DueOn { get; init; }

    /// <summary>Gets what the milestone is.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Gets the day it was reached, when it has been.</summary>
    public LocalDate? ReachedOn { get; init; }

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
