using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>Reads and writes <see cref="AspectProgressSummary"/> (see <see cref="WireJson"/> for why by hand); unknown members are skipped.</summary>
internal sealed class AspectProgressSummaryJsonConverter : JsonConverter<AspectProgressSummary>
{
    private const string What = "aspect progress summary";

    public override AspectProgressSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireJson.ExpectObject(ref reader, "an " + What);
        AspectId? aspect = null;
        LocalizedText? name = null;
        int? declared = null, catalogued = null;
        StatusCounts? byStatus = null;
        double? percent = null;
        while (WireJson.NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "aspect": aspect = reader.TokenType == JsonTokenType.Null ? null : WireJson.Read<AspectId>(ref reader, options); break;
                case "name": name = reader.TokenType == JsonTokenType.Null ? null : WireJson.Read<LocalizedText>(ref reader, options); break;
                case "declaredTaskCount": declared = WireJson.ReadInt32(ref reader); break;
                case "cataloguedTaskCount": catalogued = WireJson.ReadInt32(ref reader); break;
                case "tasksByStatus": byStatus = WireJson.Read<StatusCounts>(ref reader, options); break;
                case "percentCompleteMean": percent = WireJson.ReadDouble(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new AspectProgressSummary
        {
            Aspect = aspect,
            Name = name,
            DeclaredTaskCount = declared,
            CataloguedTaskCount = catalogued ?? throw WireJson.Missing(What, "cataloguedTaskCount"),
            TasksByStatus = byStatus ?? throw WireJson.Missing(What, "tasksByStatus"),
            PercentCompleteMean = percent,
        };
    }

    public override void Write(Utf8JsonWriter writer, AspectProgressSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Aspect is { } aspect)
        {
            WireJson.Write(writer, "aspect", aspect, options);
        }

        if (value.Name is not null)
        {
            WireJson.Write(writer, "name", value.Name, options);
        }

        WireJson.WriteIfPresent(writer, "declaredTaskCount", value.DeclaredTaskCount);
        writer.WriteNumber("cataloguedTaskCount", value.CataloguedTaskCount);
        WireJson.Write(writer, "tasksByStatus", value.TasksByStatus, options);
        WireJson.WriteIfPresent(writer, "percentCompleteMean", value.PercentCompleteMean);
        writer.WriteEndObject();
    }
}
