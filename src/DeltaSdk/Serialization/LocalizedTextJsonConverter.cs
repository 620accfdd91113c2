using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>Reads and writes <see cref="LocalizedText"/> as a JSON object of language tag to text.</summary>
internal sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of language tag to text such as {{\"zh-Hans\": \"…\", \"en\": \"…\"}}, found {IdentifierJsonConverter<PlanId>.TokenName(reader.TokenType)}.");
        }

        var entries = new List<KeyValuePair<string, string>>(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var tag = reader.GetString()!;
            if (!LocalizedText.IsWellFormedTag(tag))
            {
                throw new JsonException($"'{tag}' is not a BCP 47 language tag such as 'zh-Hans' or 'en'.");
            }

            if (entries.Exists(e => string.Equals(e.Key, tag, StringComparison.OrdinalIgnoreCase)))
            {
                throw new JsonException($"The language tag '{tag}' appears twice.");
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string for language '{tag}', found {IdentifierJsonConverter<PlanId>.TokenName(reader.TokenType)}.");
            }

            entries.Add(new(tag, reader.GetString()!));
        }

        return new LocalizedText(entries);
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var entry in value)
        {
            writer.WriteString(entry.Key, entry.Value);
        }

        writer.WriteEndObject();
    }
}
