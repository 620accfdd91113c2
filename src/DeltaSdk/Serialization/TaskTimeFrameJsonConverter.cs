using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="TaskTimeFrame"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class TaskTimeFrameJsonConverter(bool strict) : JsonConverter<TaskTimeFrame>
{
    public override TaskTimeFrame Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, TaskTimeFrame value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<TaskTimeFrame>(DeltaJsonContract.Lenient));

    internal static TaskTimeFrame ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        NodaTime.LocalDate? start = null, end = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            if (name.SequenceEqual("start"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                start = FastRead.NullableDate(ref reader, options);
            }
            else if (name.SequenceEqual("end"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                end = FastRead.NullableDate(ref reader, options);
            }
            else
            {
                FastRead.Unknown(ref reader, strict, ref extensionData);
            }
        }

        return new TaskTimeFrame { Start = start, End = end, UnknownProperties = extensionData };
    }
}
