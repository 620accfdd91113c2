using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// The one options instance of the wire format on the client side: <see cref="DeltaJson.Options"/> (the core's
/// metadata, the NodaTime converters wired once) plus the client's own types, not indented. Refit reads and writes
/// every body with it. All metadata is source-generated: nothing is built by reflection at run time.
/// </summary>
/// <remarks>
/// A class of its own rather than a static member of <see cref="DeltaClientJsonContext"/>: there, it would be
/// initialized before the generated <c>Default</c> instance, whose initializer lives in another part of that class.
/// </remarks>
internal static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(DeltaJson.Options)
        {
            // The core first: the client context also carries generated metadata for the core models its types hold,
            // which lacks the core's canonical modifiers; the core answers for every one of those, the client context
            // only for its own types. A page's items are then read by the core's array converter, in the same pass.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(DeltaJson.Options.TypeInfoResolver, DeltaClientJsonContext.Default),
            WriteIndented = false,

            // Bodies arrive buffered (the retry handler reads them whole); a buffer that holds a typical page in one
            // read lets the deserializer see the end at once, instead of re-scanning a partial page to find it.
            DefaultBufferSize = 64 * 1024,
        };
        options.MakeReadOnly();
        return options;
    }
}
