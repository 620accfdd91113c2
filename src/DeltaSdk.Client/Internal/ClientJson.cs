using System.Text.Json;
using DeltaSdk.Api;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// The one options instance of the wire format on the client side: <see cref="ApiJson.Options"/> (the core's
/// canonical model contract and the Plan API's wire types, not indented). Refit reads and writes every body with it.
/// All metadata is source-generated: nothing is built by reflection at run time.
/// </summary>
internal static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ApiJson.Options)
        {
            // Bodies arrive buffered (the retry handler reads them whole); a buffer that holds a typical page in one
            // read lets the deserializer see the end at once, instead of re-scanning a partial page to find it.
            DefaultBufferSize = 64 * 1024,
        };
        options.MakeReadOnly();
        return options;
    }
}
