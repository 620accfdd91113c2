using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A value of an indicator for a period, such as a baseline.</summary>
public sealed record IndicatorValue
{
    /// <summary>Gets the period the value is for.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Gets the value, in the indicator's unit.</summary>
    public required double Value { get; init; }

    /// <summary>Gets how the value relates to the true figure.</summary>
    public ValueQualifier Qualifier { get; init; } = ValueQualifier.Exact;

    /// <summary>Gets the source of the value, when it is a fact from the outside world.</summary>
    public SourceReference? Source { get; init; }

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
