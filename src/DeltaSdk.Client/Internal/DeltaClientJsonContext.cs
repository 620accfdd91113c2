using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Source-generated metadata for the client's wire types that hold no core model (problem details), and
/// <see cref="WireOptions"/>: one options instance, the core's plus the client's metadata with the NodaTime
/// converters wired once, which Refit uses for every body it reads and writes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeltaProblemDetails))]
[JsonSerializable(typeof(StatusCounts))]
internal sealed partial class DeltaClientJsonContext : JsonSerializerContext
{
    /// <summary>Gets the options of the wire format: <see cref="DeltaJson.Options"/> plus the client's types, not indented.</summary>
    public static JsonSerializerOptions WireOptions { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(DeltaJson.Options)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(DeltaJson.Options.TypeInfoResolver, ClientTypeInfoResolver.Instance, Default),
            WriteIndented = false,
        };
        options.MakeReadOnly();
        return options;
    }
}
