using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Client.Internal;

/// <summary>Reads and writes <see cref="AspectSummary"/> (see <see cref="WireJson"/> for why by hand); unknown members are skipped.</summary>
internal sealed class AspectSummaryJsonConverter : JsonConverter<AspectSummary>
{
    private const string What = "aspect summary";

    public override AspectSummary Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        WireJson.ExpectObject(ref reader, "an " + What);
        AspectId? id = null;
        int? ordinal = null, declared = null, catalogued = null;
        LocalizedText? name = null;
        var sources = ImmutableArray<SourceReference>.Empty;
        string? notes = null;
        while (WireJson.NextProperty(ref reader, out var property))
        {
            switch (property)
            {
                case "id": id = WireJson.Read<AspectId>(ref reader, options); break;
                case "ordinal": ordinal = WireJson.ReadInt32(ref reader); break;
                case "name": name = WireJson.Read<LocalizedText>(ref reader, options); break;
                case "declaredTaskCount": declared = WireJson.ReadInt32(ref reader); break;
                case "cataloguedTaskCount": catalogued = WireJson.ReadInt32(ref reader); break;
                case "sources": sources = WireJson.ReadArray<SourceReference>(ref reader, options); break;
                case "notes": notes = WireJson.ReadString(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return new AspectSummary
        {
            Id = id ?? throw WireJson.Missing(What, "id"),
            Ordinal = ordinal ?? throw WireJson.Missing(What, "ordinal"),
            Name = name ?? throw WireJson.Missing(What, "name"),
            DeclaredTaskCount = declared,
            CataloguedTaskCount = catalogued ?? throw WireJson.Missing(What, "cataloguedTaskCount"),
            Sources = sources,
            Notes = notes,
        };
    }

    public override void Write(Utf8JsonWriter writer, AspectSummary value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WireJson.Write(writer, "id", value.Id, options);
        writer.WriteNumber("ordinal", value.Ordinal);
        WireJson.Write(writer, "name", value.Name, options);
        WireJson.WriteIfPresent(writer, "declaredTaskCount", value.DeclaredTaskCount);
        writer.WriteNumber("cataloguedTaskCount", value.CataloguedTaskCount);
        if (!value.Sources.IsEmpty)
        {
            WireJson.WriteArray(writer, "sources", value.Sources, options);
        }

        if (value.Notes is not null)
        {
            writer.WriteString("notes", value.Notes);
        }

        writer.WriteEndObject();
    }
}
