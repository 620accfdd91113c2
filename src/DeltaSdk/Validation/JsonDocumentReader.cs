using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;

namespace DeltaSdk.Validation;

/// <summary>
/// Reads a JSON document for <see cref="DeltaValidator.ValidateJson(string, Plan?, RegionTable?)"/>: checks its syntax,
/// tells its kind from <c>$schema</c> or its properties, and deserializes it, turning every failure into a diagnostic.
/// </summary>
internal static class JsonDocumentReader
{
    /// <summary>Reads the document, recording its kind in <paramref name="context"/> as soon as it is known.</summary>
    /// <returns>The document, or <see langword="null"/> when it cannot be read; the reasons are in <paramref name="context"/>.</returns>
    public static object? Read(ReadOnlySpan<byte> utf8Json, ValidationContext context)
    {
        // A UTF-8 byte order mark is common in files saved by Windows tools and says nothing about the content.
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        // The same text check every reader runs first: invalid UTF-8, lone surrogates and NULs are refused alike.
        if (DocumentText.Find(utf8Json) is { } flaw)
        {
            var error = DeltaFormatErrors.InvalidText(utf8Json, flaw);
            context.ReportAt(DeltaRules.JsonSyntax, error.Path ?? "$", error.LineNumber, error.BytePositionInLine, error.Message);
            return null;
        }

        if (utf8Json.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            context.ReportAt(DeltaRules.JsonSyntax, "$", 0, 0, "The document is empty; expected a JSON object.");
            return null;
        }

        var shape = Sniff(utf8Json, context);
        if (shape is null)
        {
            return null;
        }

        var kind = shape.Value;
        context.Document = kind;
        try
        {
            return kind switch
            {
                DeltaDocumentKind.Plan => DeltaJson.ReadPlan(utf8Json),
                DeltaDocumentKind.RegionTable => DeltaJson.ReadRegions(utf8Json),
                DeltaDocumentKind.ObservationBatch => DeltaJson.ReadObservations(utf8Json),
                _ => DeltaJson.ReadProgressReport(utf8Json),
            };
        }
        catch (DeltaFormatException exception)
        {
            var rule = IsIdentifierError(exception) ? DeltaRules.MalformedIdentifier : DeltaRules.InvalidDocument;
            context.ReportAt(rule, exception.Path ?? "$", exception.LineNumber, exception.BytePositionInLine, exception.Message);
        }

        return null;
    }

    /// <summary>
    /// One pass over the top level: syntax (values are skipped, which still checks them), <c>$schema</c>,
    /// <c>formatVersion</c> and which properties are present. Returns the kind, or <see langword="null"/> after reporting why not.
    /// </summary>
    private static DeltaDocumentKind? Sniff(ReadOnlySpan<byte> utf8Json, ValidationContext context)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        string? property = null;
        string? schema = null;
        string? formatVersion = null;
        var shape = Shape.None;
        try
        {
            if (!reader.Read())
            {
                context.ReportAt(DeltaRules.JsonSyntax, "$", 0, 0, "the document is empty.");
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                EnsureEnd(ref reader);
                context.ReportAt(DeltaRules.UnknownDocumentKind, "$", null, null);
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString()!;
                reader.Read();
                switch (property)
                {
                    case "$schema":
                        schema = ValueText(ref reader);
                        break;
                    case "formatVersion":
                        formatVersion = ValueText(ref reader);
                        break;
                    case "startDate" or "endDate" or "aspects" or "unassignedTasks" or "declaredTaskCount" or "declaredAspectCount" or "catalogueCompleteness":
                        shape |= Shape.Plan;
                        break;
                    case "reportedOn" or "task" or "percentComplete" or "completedOn":
                        shape |= Shape.ProgressReport;
                        break;
                    case "observations":
                        shape |= Shape.ObservationBatch;
                        break;
                    case "regions" or "groups":
                        shape |= Shape.RegionTable;
                        break;
                }

                reader.Skip();
            }

            property = null;
            EnsureEnd(ref reader);
        }
        catch (JsonException exception)
        {
            context.ReportAt(DeltaRules.JsonSyntax, PathOf(property), exception.LineNumber, exception.BytePositionInLine, DeltaFormatErrors.Strip(exception.Message));
            return null;
        }

        if (formatVersion is not null && !IsSupported(formatVersion))
        {
            context.ReportAt(DeltaRules.UnsupportedFormatVersion, "$.formatVersion", null, null, formatVersion);
            return null;
        }

        DeltaDocumentKind? kind = null;
        if (schema is not null)
        {
            kind = FromSchema(schema);
            if (kind is null)
            {
                context.ReportAt(DeltaRules.UnrecognizedSchema, "$['$schema']", null, null, schema);
            }
        }

        kind ??= shape switch
        {
            _ when shape.HasFlag(Shape.Plan) => DeltaDocumentKind.Plan,
            _ when shape.HasFlag(Shape.ProgressReport) => DeltaDocumentKind.ProgressReport,
            _ when shape.HasFlag(Shape.ObservationBatch) => DeltaDocumentKind.ObservationBatch,
            _ when shape.HasFlag(Shape.RegionTable) => DeltaDocumentKind.RegionTable,
            _ => null,
        };
        if (kind is null)
        {
            context.ReportAt(DeltaRules.UnknownDocumentKind, "$", null, null);
        }

        return kind;
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        // Reading past the single top-level value throws on trailing content.
        while (reader.Read())
        {
        }
    }

    private static string ValueText(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.String
        ? reader.GetString()!
        : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>Tells the kind from the last segment of the schema address: <c>…/plan.schema.json</c>, <c>…/regions…</c>, and so on.</summary>
    private static DeltaDocumentKind? FromSchema(string schema)
    {
        var name = schema.AsSpan(schema.LastIndexOf('/') + 1);
        return name.StartsWith("plan", StringComparison.OrdinalIgnoreCase) ? DeltaDocumentKind.Plan
            : name.StartsWith("region", StringComparison.OrdinalIgnoreCase) ? DeltaDocumentKind.RegionTable
            : name.StartsWith("observation", StringComparison.OrdinalIgnoreCase) ? DeltaDocumentKind.ObservationBatch
            : name.StartsWith("progress", StringComparison.OrdinalIgnoreCase) ? DeltaDocumentKind.ProgressReport
            : null;
    }

    // DocumentHeader is the one authority on which versions are read.
    private static bool IsSupported(string formatVersion) => DocumentHeader.IsSupported(formatVersion);

    private static string PathOf(string? property)
        => property is null ? "$"
            : IsPlainName(property) ? "$." + property
            : "$['" + property.Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static bool IsPlainName(string name) => name.Length > 0 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    private static bool IsIdentifierError(Exception exception)
    {
        // Identifier converters wrap the parser's FormatException; anything else is a shape or type error.
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is FormatException and not DeltaFormatException)
            {
                return true;
            }
        }

        return false;
    }

    [Flags]
    private enum Shape
    {
        None = 0,
        Plan = 1,
        RegionTable = 2,
        ObservationBatch = 4,
        ProgressReport = 8,
    }
}
