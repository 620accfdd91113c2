using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="SourceReference"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class SourceReferenceJsonConverter(bool strict) : JsonConverter<SourceReference>
{
    private static readonly CamelCaseEnumConverter<SourceConfidence> Confidences = new();

    public override SourceReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, SourceReference value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<SourceReference>(DeltaJsonContract.Lenient));

    internal static SourceReference ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        string? title = null, publisher = null, note = null;
        Uri? url = null;
        NodaTime.LocalDate? publishedOn = null;
        SourceConfidence? confidence = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            if (name.SequenceEqual("title"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                title = FastRead.RepeatedString(ref reader);
            }
            else if (name.SequenceEqual("publisher"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                publisher = FastRead.NullableRepeatedString(ref reader);
            }
            else if (name.SequenceEqual("url"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                url = FastRead.NullableUri(ref reader);
            }
            else if (name.SequenceEqual("publishedOn"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                publishedOn = FastRead.NullableDate(ref reader, options);
            }
            else if (name.SequenceEqual("confidence"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                confidence = reader.TokenType == JsonTokenType.Null ? null : FastRead.Enum(ref reader, Confidences, options);
            }
            else if (name.SequenceEqual("note"u8))
            {
                FastRead.Seen(ref seen, 32);
                reader.Read();
                note = FastRead.NullableString(ref reader);
            }
            else
            {
                FastRead.Unknown(ref reader, strict, ref extensionData);
            }
        }

        if (title is null)
        {
            FastRead.Fallback();
        }

        return new SourceReference
        {
            Title = title,
            Publisher = publisher,
            Url = url,
            PublishedOn = publishedOn,
            Confidence = confidence,
            Note = note,
            UnknownProperties = extensionData,
        };
    }
}
