using System.Reflection;
using System.Text.Json;
using DeltaSdk.Validation;

namespace DeltaSdk.Tool.Validation;

/// <summary>
/// Writes <c>delta validate --format sarif</c>: a SARIF 2.1.0 log with one run, the rule catalogue in the driver,
/// and one result per diagnostic, located by file, line and JSON path, so that CI systems annotate the files.
/// </summary>
internal static class SarifWriter
{
    /// <summary>The SARIF schema the log declares.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes the log.</summary>
    /// <param name="results">The per-file results.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(IReadOnlyList<FileValidation> results, Stream output)
    {
        // Only the rules that fired are listed, in code order, so that ruleIndex stays small and stable.
        var codes = results.Where(static r => r.Report is not null)
            .SelectMany(static r => r.Report!.Diagnostics)
            .Select(static d => d.Code)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        using var writer = new Utf8JsonWriter(output, ToolJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("$schema", SchemaUri);
        writer.WriteString("version", "2.1.0");
        writer.WriteStartArray("runs");
        writer.WriteStartObject();

        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "delta");
        writer.WriteString("informationUri", "https://github.com/deltasdk/deltasdk/blob/main/docs/articles/command-line.md");
        writer.WriteString("semanticVersion", typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
        writer.WriteStartArray("rules");
        foreach (var code in codes)
        {
            WriteRule(writer, code);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", results.All(static r => r.ReadError is null));
        writer.WriteStartArray("toolExecutionNotifications");
        foreach (var result in results.Where(static r => r.ReadError is not null))
        {
            writer.WriteStartObject();
            writer.WriteString("level", "error");
            writer.WriteStartObject("message");
            writer.WriteString("text", result.ReadError);
            writer.WriteEndObject();
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            WritePhysicalLocation(writer, result.File, null);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("results");
        foreach (var result in results.Where(static r => r.Report is not null))
        {
            foreach (var diagnostic in result.Report!.Diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", diagnostic.Code);
                writer.WriteNumber("ruleIndex", codes.BinarySearch(diagnostic.Code, StringComparer.Ordinal));
                writer.WriteString("level", diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => "error",
                    DiagnosticSeverity.Warning => "warning",
                    _ => "note",
                });
                writer.WriteStartObject("message");
                writer.WriteString("text", diagnostic.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                writer.WriteStartObject();
                WritePhysicalLocation(writer, result.File, diagnostic.LineNumber);
                writer.WriteStartArray("logicalLocations");
                writer.WriteStartObject();
                writer.WriteString("fullyQualifiedName", diagnostic.Path);
                writer.WriteString("kind", "element");
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, string code)
    {
        var descriptor = DeltaRules.Find(code);
        writer.WriteStartObject();
        writer.WriteString("id", code);
        if (descriptor is not null)
        {
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", descriptor.Title.Get(LocalizedText.English));
            writer.WriteEndObject();
            if (descriptor.HelpLink is { } help)
            {
                writer.WriteString("helpUri", help.AbsoluteUri);
            }

            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", descriptor.DefaultSeverity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "note",
            });
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter writer, InputFile file, long? zeroBasedLine)
    {
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", file.Uri);
        writer.WriteEndObject();
        if (zeroBasedLine is { } line)
        {
            // Columns are left out: the validator counts UTF-8 bytes, SARIF counts UTF-16 code units.
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", line + 1);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
