using System.Text.Json;
using System.Text.Json.Serialization;
using DeltaSdk.Internal;

namespace DeltaSdk.Serialization;

/// <summary>Reads and writes <see cref="LocalizedText"/> as a JSON object of language tag to text.</summary>
/// <remarks>
/// Public only so that a source-generated <see cref="JsonSerializerContext"/> in another assembly can cover types
/// that hold localized text (the generator must be able to instantiate the converter a model's
/// <see cref="JsonConverterAttribute"/> names). You do not need it directly: use <see cref="DeltaJson.Options"/>.
/// </remarks>
public sealed class LocalizedTextJsonConverter : JsonConverter<LocalizedText>
{
    // Nearly every tag in practice is one of these two: reuse the strings instead of allocating one per value.
    private static ReadOnlySpan<byte> ChineseUtf8 => "zh-Hans"u8;

    private static ReadOnlySpan<byte> EnglishUtf8 => "en"u8;

    /// <inheritdoc/>
    public override LocalizedText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.Describe(typeof(LocalizedText))}.");
        }

        KeyValuePair<string, string>[] entries = new KeyValuePair<string, string>[2];
        var count = 0;

        // Two or three tags are the rule, and a scan of them beats hashing; past a few a set keeps the duplicate
        // check linear, so that a text with tens of thousands of tags costs what its bytes cost.
        HashSet<string>? seen = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var tag = ReadTag(ref reader);
            // The two common tags come back as the constants, which are well-formed: no need to check them again.
            if (!ReferenceEquals(tag, LocalizedText.SimplifiedChinese) && !ReferenceEquals(tag, LocalizedText.English) && !LocalizedText.IsWellFormedTag(tag))
            {
                throw new DeltaJsonException($"{IdentifierSyntax.Describe(tag)} is not a BCP 47 language tag: expected a tag such as \"zh-Hans\" or \"en\".", JsonPaths.Property(tag));
            }

            if (LocalizedText.IsDuplicate(entries.AsSpan(0, count), tag, ref seen))
            {
                throw new DeltaJsonException($"The language tag '{tag}' appears twice (tags compare case-insensitively); expected each language once.", JsonPaths.Property(tag));
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)} for language '{tag}', expected a string.", JsonPaths.Property(tag));
            }

            if (count == entries.Length)
            {
                Array.Resize(ref entries, count * 2);
            }

            entries[count++] = new(tag, reader.GetString()!);
        }

        // Every entry was checked above exactly as the public constructor checks it.
        return LocalizedText.FromCheckedEntries(count == entries.Length ? entries : entries.AsSpan(0, count).ToArray());
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var entry in value)
        {
            writer.WriteString(entry.Key, entry.Value);
        }

        writer.WriteEndObject();
    }

    private static string ReadTag(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            if (reader.ValueSpan.SequenceEqual(ChineseUtf8))
            {
                return LocalizedText.SimplifiedChinese;
            }

            if (reader.ValueSpan.SequenceEqual(EnglishUtf8))
            {
                return LocalizedText.English;
            }
        }

        return reader.GetString()!;
    }
}
