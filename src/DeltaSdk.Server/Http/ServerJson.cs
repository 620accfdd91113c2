using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Api;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The serializer options of the wire: <see cref="ApiJson.Options"/> (the canonical model format plus the Plan API's
/// wire types, defined once in the core), unindented. All metadata is source-generated: nothing is built by reflection.
/// </summary>
internal static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>
    /// Makes minimal-API binding and the OpenAPI generator see the same contract as the wire. No reflection resolver is
    /// added: the generated resolvers of the core cover every type the endpoints accept or produce, also where
    /// reflection-based serialization is disabled.
    /// </summary>
    public static void Apply(JsonSerializerOptions target)
    {
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.PropertyNameCaseInsensitive = Options.PropertyNameCaseInsensitive;
        target.NumberHandling = Options.NumberHandling;
        target.DefaultIgnoreCondition = Options.DefaultIgnoreCondition;
        target.RespectNullableAnnotations = Options.RespectNullableAnnotations;
        target.RespectRequiredConstructorParameters = Options.RespectRequiredConstructorParameters;
        foreach (var converter in Options.Converters)
        {
            target.Converters.Add(converter);
        }

        target.Encoder = Options.Encoder;
        target.TypeInfoResolverChain.Insert(0, ApiJson.TypeInfoResolver);
    }

    private static JsonSerializerOptions Create()
    {
        // Bodies are JSON, never HTML: Chinese text stays readable (3 bytes a character rather than a 6-byte \u escape).
        var options = new JsonSerializerOptions(ApiJson.Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly();
        return options;
    }
}
