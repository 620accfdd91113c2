using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>Reads and writes <see cref="ObservationWriteResult"/> (see <see cref="WireJson"/> for why by hand); unknown members are skipped.</summary>
internal sealed class ObservationWriteResultJsonConverter : JsonConverter<ObservationWriteResult>
{
    private const string What = "observation write result";

    public override ObservationWriteResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireJson.ExpectObject(ref reader, "an " + What);
        IndicatorId? indicator = null;
        int? inserted = null, replaced = null;
        while (WireJson.NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "indicator": indicator = WireJson.Read<IndicatorId>(ref reader, options); break;
                case "inserted": inserted = WireJson.ReadInt32(ref reader); break;
                case "replaced": replaced = WireJson.ReadInt32(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new ObservationWriteResult
        {
            Indicator = indicator ?? throw WireJson.Missing(What, "indicator"),
            Inserted = inserted ?? throw WireJson.Missing(What, "inserted"),
            Replaced = replaced ?? throw WireJson.Missing(What, "replaced"),
        };
    }

    public override void Write(Utf8JsonWriter writer, ObservationWriteResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WireJson.Write(writer, "indicator", value.Indicator, options);
        writer.WriteNumber("inserted", value.Inserted);
        writer.WriteNumber("replaced", value.Replaced);
        writer.WriteEndObject();
    }
}
