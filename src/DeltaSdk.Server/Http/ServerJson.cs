using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The serializer options of the wire: <see cref="DeltaJson.Options"/> (canonical model format) plus the server's
/// source-generated envelopes, unindented. All metadata is source-generated: nothing is built by reflection.
/// </summary>
internal static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <summary>
    /// Makes minimal-API binding and the OpenAPI generator see the same contract as the wire. No reflection resolver is
    /// added: the two generated resolvers cover every type the endpoints accept or produce, also where reflection-based
    /// serialization is disabled.
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
        target.TypeInfoResolverChain.Insert(0, DeltaJson.Options.TypeInfoResolver!);
        target.TypeInfoResolverChain.Insert(1, ServerJsonContext.Default);
    }

    private static JsonSerializerOptions Create()
    {
        // Bodies are JSON, never HTML: Chinese text stays readable (3 bytes a character rather than a 6-byte \u escape).
        var options = new JsonSerializerOptions(DeltaJson.Options) { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // The model's resolver first (copied from DeltaJson.Options), then the server's: the server context also
        // carries generated metadata for the model types its envelopes hold, which must not win over the canonical
        // contract. No reflection resolver: every type the server writes or stores is in one of the two.
        options.TypeInfoResolverChain.Add(ServerJsonContext.Default);
        options.MakeReadOnly();
        return options;
    }
}
