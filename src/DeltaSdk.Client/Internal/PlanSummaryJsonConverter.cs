using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk.Client.Internal;

/// <summary>Reads and writes <see cref="PlanSummary"/> (see <see cref="WireJson"/> for why by hand); unknown members are skipped.</summary>
internal sealed class PlanSummaryJsonConverter : JsonConverter<PlanSummary>
{
    private const string What = "plan summary";

    public override PlanSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireJson.ExpectObject(ref reader, "a " + What);
        PlanId? id = null;
        LocalizedText? title = null;
        LocalDate? start = null, end = null;
        int? declared = null, catalogued = null;
        while (WireJson.NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "id": id = WireJson.Read<PlanId>(ref reader, options); break;
                case "title": title = WireJson.Read<LocalizedText>(ref reader, options); break;
                case "startDate": start = WireJson.Read<LocalDate>(ref reader, options); break;
                case "endDate": end = WireJson.Read<LocalDate>(ref reader, options); break;
                case "declaredTaskCount": declared = WireJson.ReadInt32(ref reader); break;
                case "cataloguedTaskCount": catalogued = WireJson.ReadInt32(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new PlanSummary
        {
            Id = id ?? throw WireJson.Missing(What, "id"),
            Title = title ?? throw WireJson.Missing(What, "title"),
            StartDate = start ?? throw WireJson.Missing(What, "startDate"),
            EndDate = end ?? throw WireJson.Missing(What, "endDate"),
            DeclaredTaskCount = declared,
            CataloguedTaskCount = catalogued ?? throw WireJson.Missing(What, "cataloguedTaskCount"),
        };
    }

    public override void Write(Utf8JsonWriter writer, PlanSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WireJson.Write(writer, "id", value.Id, options);
        WireJson.Write(writer, "title", value.Title, options);
        WireJson.Write(writer, "startDate", value.StartDate, options);
        WireJson.Write(writer, "endDate", value.EndDate, options);
        WireJson.WriteIfPresent(writer, "declaredTaskCount", value.DeclaredTaskCount);
        writer.WriteNumber("cataloguedTaskCount", value.CataloguedTaskCount);
        writer.WriteEndObject();
    }
}
