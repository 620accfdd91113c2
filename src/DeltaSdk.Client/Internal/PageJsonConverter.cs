using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Reads and writes the page envelope <c>{"items": [...], "nextPageToken": "..."}</c> (see <see cref="WireJson"/>
/// for why by hand). Unknown members are skipped, so a server may add to the envelope.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class PageJsonConverter<T> : JsonConverter<Page<T>>
{
    public override Page<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireJson.ExpectObject(ref reader, "a page {\"items\": [...], \"nextPageToken\": ...}");
        ImmutableArray<T>? items = null;
        string? nextPageToken = null;
        while (WireJson.NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "items":
                    items = ReadItems(ref reader, options);
                    break;
                case "nextPageToken":
                    nextPageToken = WireJson.ReadString(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Page<T> { Items = items ?? throw WireJson.Missing("page", "items"), NextPageToken = nextPageToken };
    }

    /// <summary>
    /// Reads the items with the core's converter for the whole array when the core has metadata for it (it has for
    /// every core model a plan document holds), straight from this reader: a nested
    /// <see cref="JsonSerializer.Deserialize{TValue}(ref Utf8JsonReader, JsonTypeInfo{TValue})"/> would first skip
    /// over the array to find its end, reading the page twice. One call per item otherwise.
    /// </summary>
    private static ImmutableArray<T> ReadItems(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.StartArray
           && options.TryGetTypeInfo(typeof(ImmutableArray<T>), out var arrayInfo)
           && arrayInfo.Converter is JsonConverter<ImmutableArray<T>> converter
            ? converter.Read(ref reader, typeof(ImmutableArray<T>), options)
            : WireJson.ReadArray<T>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, Page<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WireJson.WriteArray(writer, "items", value.Items, options);
        if (value.NextPageToken is null)
        {
            writer.WriteNull("nextPageToken");
        }
        else
        {
            writer.WriteString("nextPageToken", value.NextPageToken);
        }

        writer.WriteEndObject();
    }
}
