using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Reads and writes <see cref="PlanSummary"/>; hand-written for the reason given on <see cref="PageJsonConverter{T}"/>.
/// Members are read with the core's metadata (identifiers, localized text, NodaTime dates), unknown ones skipped.
/// </summary>
internal sealed class PlanSummaryJsonConverter : JsonConverter<PlanSummary>
{
    public override PlanSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a plan summary object, found {reader.TokenType}.");
        }

        PlanId? id = null;
        LocalizedText? title = null;
        LocalDate? start = null;
        LocalDate? end = null;
        int? declared = null;
        int? catalogued = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    id = Read<PlanId>(ref reader, options);
                    break;
                case "title":
                    title = Read<LocalizedText>(ref reader, options);
                    break;
                case "startDate":
                    start = Read<LocalDate>(ref reader, options);
                    break;
                case "endDate":
                    end = Read<LocalDate>(ref reader, options);
                    break;
                case "declaredTaskCount":
                    declared = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                    break;
                case "cataloguedTaskCount":
                    catalogued = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PlanSummary
        {
            Id = id ?? throw Missing("id"),
            Title = title ?? throw Missing("title"),
            StartDate = start ?? throw Missing("startDate"),
            EndDate = end ?? throw Missing("endDate"),
            DeclaredTaskCount = declared,
            CataloguedTaskCount = catalogued,
        };
    }

    public override void Write(Utf8JsonWriter writer, PlanSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        JsonSerializer.Serialize(writer, value.Id, Info<PlanId>(options));
        writer.WritePropertyName("title");
        JsonSerializer.Serialize(writer, value.Title, Info<LocalizedText>(options));
        writer.WritePropertyName("startDate");
        JsonSerializer.Serialize(writer, value.StartDate, Info<LocalDate>(options));
        writer.WritePropertyName("endDate");
        JsonSerializer.Serialize(writer, value.EndDate, Info<LocalDate>(options));
        if (value.DeclaredTaskCount is { } declared)
        {
            writer.WriteNumber("declaredTaskCount", declared);
        }

        if (value.CataloguedTaskCount is { } catalogued)
        {
            writer.WriteNumber("cataloguedTaskCount", catalogued);
        }

        writer.WriteEndObject();
    }

    private static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => JsonSerializer.Deserialize(ref reader, Info<T>(options)) ?? throw new JsonException($"Expected a {typeof(T).Name}, found null.");

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static JsonException Missing(string name) => new($"The plan summary has no '{name}'.");
}
