using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Reads and writes the page envelope <c>{"items": [...], "nextPageToken": "..."}</c>. Hand-written because a
/// source-generated context outside the core assembly cannot reach the core's internal converters; the items are
/// read with the core's own metadata for <typeparamref name="T"/>, so their format is exactly the core's.
/// Unknown members are skipped, so a server may add to the envelope.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class PageJsonConverter<T> : JsonConverter<Page<T>>
{
    public override Page<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a page object {{\"items\": [...], \"nextPageToken\": ...}}, found {reader.TokenType}.");
        }

        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = ImmutableArray<T>.Empty;
        string? nextPageToken = null;
        var sawItems = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "items":
                    items = ReadItems(ref reader, itemInfo);
                    sawItems = true;
                    break;
                case "nextPageToken":
                    nextPageToken = reader.TokenType switch
                    {
                        JsonTokenType.Null => null,
                        JsonTokenType.String => reader.GetString(),
                        _ => throw new JsonException($"Expected a string or null for 'nextPageToken', found {reader.TokenType}."),
                    };
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!sawItems)
        {
            throw new JsonException("The page has no 'items' array.");
        }

        return new Page<T> { Items = items, NextPageToken = nextPageToken };
    }

    public override void Write(Utf8JsonWriter writer, Page<T> value, JsonSerializerOptions options)
    {
        var itemInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartObject();
        writer.WriteStartArray("items");
        foreach (var item in value.Items)
        {
            JsonSerializer.Serialize(writer, item, itemInfo);
        }

        writer.WriteEndArray();
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

    private static ImmutableArray<T> ReadItems(ref Utf8JsonReader reader, JsonTypeInfo<T> itemInfo)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array for 'items', found {reader.TokenType}.");
        }

        var builder = ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            builder.Add(JsonSerializer.Deserialize(ref reader, itemInfo)!);
        }

        return builder.DrainToImmutable();
    }
}
