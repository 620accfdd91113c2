using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>When a key task is to be carried out; either end may be unknown.</summary>
public sealed record TaskTimeFrame
{
    /// <summary>Gets the first day of work, when known.</summary>
    public LocalDate? Start { get; init; }

    /// <summary>Gets the day the task is due (inclusive), when known.</summary>
    public LocalDate? End { get; init; }

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
