using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using DeltaSdk.Internal;
using NodaTime;

namespace DeltaSdk.Serialization;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of each document kind from the contract with System.Text.Json's
/// exporter, then tightens what the exporter cannot know: converter-backed types (identifiers, periods, dates,
/// localized text, enums) get their patterns and values, and the document gets its <c>$id</c> and header rules.
/// </summary>
internal static class DeltaJsonSchema
{
    /// <summary>The pattern of <see cref="ReportingPeriod"/>'s canonical forms; day-of-month limits are checked by readers, not by it.</summary>
    public const string ReportingPeriodPattern = "^[1-9][0-9]{3}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?))?$";

    /// <summary>The pattern of a language tag as <see cref="LocalizedText"/> accepts it.</summary>
    public const string LanguageTagPattern = "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$";

    /// <summary>
    /// The pattern of an <see cref="Instant"/> as the reader accepts it: UTC with <c>Z</c>, no other offset (which
    /// <c>date-time</c> alone would allow), up to nine fraction digits.
    /// </summary>
    public const string InstantPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?Z$";

    /// <summary>The pattern of a 1.x format version.</summary>
    public const string FormatVersionPattern = "^1\\.(0|[1-9][0-9]*)$";

    public static JsonNode Create(DeltaDocumentKind kind)
    {
        var type = kind switch
        {
            DeltaDocumentKind.Plan => typeof(Plan),
            DeltaDocumentKind.RegionTable => typeof(RegionTable),
            DeltaDocumentKind.ObservationBatch => typeof(ObservationBatch),
            DeltaDocumentKind.ProgressReport => typeof(ProgressReport),
            DeltaDocumentKind.ChangeSet => typeof(Changes.ChangeSet),
            DeltaDocumentKind.Analysis => typeof(Analytics.AnalysisDocument),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a document kind."),
        };

        var exporterOptions = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Refine,
        };
        var generated = DeltaJsonContract.Lenient.GetJsonSchemaAsNode(type, exporterOptions).AsObject();

        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = DocumentHeader.SchemaUri(kind),
            ["title"] = $"DeltaSdk {WireDescriptions.FriendlyName(type)} document, format {DocumentHeader.MajorVersion}.x",
        };
        foreach (var (name, value) in generated.ToList())
        {
            generated.Remove(name);
            document[name] = value;
        }

        return document;
    }

    private static JsonNode Refine(JsonSchemaExporterContext context, JsonNode schema)
    {
        // Doubles are read by FiniteDoubleJsonConverter, a custom converter the exporter cannot see into.
        if (context.TypeInfo.Type == typeof(double))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (context.TypeInfo.Type == typeof(double?))
        {
            return new JsonObject { ["type"] = new JsonArray("number", "null") };
        }

        if (context.PropertyInfo is { } property && context.PropertyInfo.DeclaringType is { } declaring && DocumentHeader.KindOf(declaring) is { } kind)
        {
            switch (property.Name)
            {
                case DocumentHeader.SchemaProperty:
                    return new JsonObject
                    {
                        ["type"] = "string",
                        ["description"] = $"The schema of the document; writers put \"{DocumentHeader.SchemaUri(kind)}\".",
                    };
                case DocumentHeader.FormatVersionProperty:
                    return new JsonObject
                    {
                        ["type"] = "string",
                        ["pattern"] = FormatVersionPattern,
                        ["description"] = $"The format version; writers put \"{DocumentHeader.FormatVersion}\", readers accept any 1.x.",
                    };
            }
        }

        var type = context.TypeInfo.Type;

        // The exporter leaves "items" out when the element type has a custom converter (identifiers): put it back.
        if (context.TypeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } elementType } && schema is JsonObject array && array["items"] is null
            && ForType(elementType, DeltaJsonContract.Lenient.GetTypeInfo(elementType)) is { } items)
        {
            array["items"] = items;
            return array;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (ForType(underlying ?? type, context.TypeInfo) is not { } refined)
        {
            return schema;
        }

        if (underlying is not null)
        {
            refined["type"] = new JsonArray((string)refined["type"]!, "null");
            if (refined["enum"] is JsonArray values)
            {
                values.Add(null);
            }
        }

        return refined;
    }

    private static JsonObject? ForType(Type type, JsonTypeInfo typeInfo)
    {
        if (type == typeof(PlanId) || type == typeof(AspectId) || type == typeof(AgencyId) || type == typeof(IndicatorId) || type == typeof(RegionGroupId))
        {
            return String(IdentifierSyntax.SlugPattern, IdentifierSyntax.MaxLength);
        }

        if (type == typeof(TaskCode))
        {
            return String(IdentifierSyntax.TaskCodePattern, IdentifierSyntax.MaxLength);
        }

        if (type == typeof(RegionCode))
        {
            return String(IdentifierSyntax.RegionCodePattern, maxLength: null);
        }

        if (type == typeof(ReportingPeriod))
        {
            return String(ReportingPeriodPattern, maxLength: null);
        }

        if (type == typeof(LocalDate))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };
        }

        if (type == typeof(Instant))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time", ["pattern"] = InstantPattern };
        }

        if (type == typeof(LocalizedText))
        {
            return new JsonObject
            {
                ["type"] = "object",
                ["propertyNames"] = new JsonObject { ["pattern"] = LanguageTagPattern, ["maxLength"] = 35 },
                ["additionalProperties"] = new JsonObject { ["type"] = "string" },
            };
        }

        if (type.IsEnum)
        {
            var converter = typeInfo.Converter as IWireEnum ?? DeltaJsonContract.Lenient.GetTypeInfo(type).Converter as IWireEnum;
            if (converter is not null)
            {
                return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. converter.WireNames.Select(static n => (JsonNode)n)]) };
            }
        }

        return null;
    }

    private static JsonObject String(string pattern, int? maxLength)
    {
        var schema = new JsonObject { ["type"] = "string", ["pattern"] = pattern };
        if (maxLength is { } max)
        {
            schema["maxLength"] = max;
        }

        return schema;
    }
}
