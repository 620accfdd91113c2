using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>Reads and writes <see cref="PlanProgressSummary"/> (see <see cref="WireJson"/> for why by hand); unknown members are skipped.</summary>
internal sealed class PlanProgressSummaryJsonConverter : JsonConverter<PlanProgressSummary>
{
    private const string What = "plan progress summary";

    public override PlanProgressSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireJson.ExpectObject(ref reader, "a " + What);
        PlanId? plan = null;
        int? declared = null, catalogued = null, reported = null;
        StatusCounts? byStatus = null;
        double? percent = null;
        var aspects = ImmutableArray<AspectProgressSummary>.Empty;
        while (WireJson.NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "plan": plan = WireJson.Read<PlanId>(ref reader, options); break;
                case "declaredTaskCount": declared = WireJson.ReadInt32(ref reader); break;
                case "cataloguedTaskCount": catalogued = WireJson.ReadInt32(ref reader); break;
                case "reportedTaskCount": reported = WireJson.ReadInt32(ref reader); break;
                case "tasksByStatus": byStatus = WireJson.Read<StatusCounts>(ref reader, options); break;
                case "percentCompleteMean": percent = WireJson.ReadDouble(ref reader); break;
                case "aspects": aspects = WireJson.ReadArray<AspectProgressSummary>(ref reader, options); break;
                default: reader.Skip(); break;
            }
        }

        return new PlanProgressSummary
        {
            Plan = plan ?? throw WireJson.Missing(What, "plan"),
            DeclaredTaskCount = declared,
            CataloguedTaskCount = catalogued ?? throw WireJson.Missing(What, "cataloguedTaskCount"),
            ReportedTaskCount = reported ?? throw WireJson.Missing(What, "reportedTaskCount"),
            TasksByStatus = byStatus ?? throw WireJson.Missing(What, "tasksByStatus"),
            PercentCompleteMean = percent,
            Aspects = aspects,
        };
    }

    public override void Write(Utf8JsonWriter writer, PlanProgressSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WireJson.Write(writer, "plan", value.Plan, options);
        WireJson.WriteIfPresent(writer, "declaredTaskCount", value.DeclaredTaskCount);
        writer.WriteNumber("cataloguedTaskCount", value.CataloguedTaskCount);
        writer.WriteNumber("reportedTaskCount", value.ReportedTaskCount);
        WireJson.Write(writer, "tasksByStatus", value.TasksByStatus, options);
        WireJson.WriteIfPresent(writer, "percentCompleteMean", value.PercentCompleteMean);
        WireJson.WriteArray(writer, "aspects", value.Aspects, options);
        writer.WriteEndObject();
    }
}
