using System.Text.Json.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Source-generated metadata for the client's wire types that hold no core model (problem details, status counts);
/// <see cref="ClientJson.Options"/> combines it with the rest.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeltaProblemDetails))]
[JsonSerializable(typeof(StatusCounts))]
internal sealed partial class DeltaClientJsonContext : JsonSerializerContext;
