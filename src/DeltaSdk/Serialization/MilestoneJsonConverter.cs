using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="Milestone"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class MilestoneJsonConverter(bool strict) : JsonConverter<Milestone>
{
    private const int Required = 1 | 2;

    public override Milestone Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, Milestone value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<Milestone>(DeltaJsonContract.Lenient));

    internal static Milestone ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        NodaTime.LocalDate dueOn = default;
        LocalizedText? title = null;
        NodaTime.LocalDate? reachedOn = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            if (property.SequenceEqual("dueOn"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                dueOn = FastRead.Date(ref reader, options);
            }
            else if (property.SequenceEqual("title"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                title = FastRead.Text(ref reader, options);
            }
            else if (property.SequenceEqual("reachedOn"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                reachedOn = FastRead.NullableDate(ref reader, options);
            }
            else
            {
                FastRead.Unknown(ref reader, strict, ref extensionData);
            }
        }

        if ((seen & Required) != Required)
        {
            FastRead.Fallback();
        }

        return new Milestone
        {
            DueOn = dueOn,
            Title = title!,
            ReachedOn = reachedOn,
            UnknownProperties = extensionData,
        };
    }
}
