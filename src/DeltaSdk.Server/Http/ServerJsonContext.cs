using System.Text.Json.Serialization;
using DeltaSdk.Server.Contracts;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Source-generated metadata for the server's wire types that hold no model type. Types that do (envelopes,
/// summaries) cannot be generated here, because the model's converters are internal to DeltaSdk; they use the
/// reflection resolver, which asks <see cref="DeltaSdk.Serialization.DeltaJsonContext"/> for the model types inside them.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ApiProblem))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
