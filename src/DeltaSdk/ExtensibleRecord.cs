using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>
/// The base of every model record that JSON documents carry: it keeps the members a document had that this version
/// of the model does not know, so that a document from a newer 1.x writer survives a read and a write.
/// </summary>
public abstract record ExtensibleRecord
{
    /// <summary>
    /// Gets the properties read from JSON that this version of the model does not know, kept so that a document from
    /// a newer 1.x writer survives a read and a write; <see langword="null"/> when there were none.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData => UnknownProperties;

    // Set only by the readers (System.Text.Json needs a settable IDictionary here); the public view is read-only.
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? UnknownProperties { get; set; }
}
