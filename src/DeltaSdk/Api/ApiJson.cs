using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;

namespace DeltaSdk.Api;

/// <summary>
/// The JSON contract of the Plan API's wire types (<see cref="Page{T}"/>, <see cref="DeltaProblemDetails"/>, the
/// summaries, <see cref="ObservationWriteResult"/>): the one definition the client reads and the reference server
/// writes. All metadata is source-generated.
/// </summary>
public static class ApiJson
{
    /// <summary>
    /// Gets the resolver of the wire: the canonical model contract of <see cref="DeltaJson.Options"/> first, then the
    /// wire types. Put it in an options' <c>TypeInfoResolver</c> (or first in its <c>TypeInfoResolverChain</c>).
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } =
        JsonTypeInfoResolver.Combine(DeltaJson.Options.TypeInfoResolver, ApiJsonContext.Default.WithAddedModifier(WireForm));

    /// <summary>
    /// Gets read-only options for HTTP bodies: <see cref="DeltaJson.Options"/> (canonical model format, non-ASCII text
    /// unescaped) with <see cref="TypeInfoResolver"/>, not indented.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Gets the metadata of a type of the wire (a wire type or a model type).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The metadata, from <see cref="Options"/>.</returns>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(DeltaJson.Options) { TypeInfoResolver = TypeInfoResolver, WriteIndented = false };
        options.MakeReadOnly();
        return options;
    }

    private static void WireForm(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(DeltaProblemDetails))
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Name == "diagnostics")
            {
                // Problems without findings carry no diagnostics member at all, not an empty list.
                property.ShouldSerialize = static (_, value) => value is ICollection { Count: > 0 };
            }
        }
    }
}
