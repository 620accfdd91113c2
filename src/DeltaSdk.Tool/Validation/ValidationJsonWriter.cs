using System.Text.Json;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;

namespace DeltaSdk.Tool.Validation;

/// <summary>
/// Writes <c>delta validate --format json</c>: a stable shape, documented in docs/articles/command-line.md, that
/// other programs may parse. Members are only ever added, never renamed or removed, within version 1.
/// </summary>
internal static class ValidationJsonWriter
{
    /// <summary>The version of the shape.</summary>
    public const int ShapeVersion = 1;

    /// <summary>Writes the results.</summary>
    /// <param name="results">The per-file results.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(IReadOnlyList<FileValidation> results, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, ToolJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber("version", ShapeVersion);
        writer.WriteBoolean("valid", results.All(static r => r.Report is { IsValid: true }));
        writer.WriteNumber("errorCount", results.Sum(static r => r.Report?.ErrorCount ?? 0));
        writer.WriteNumber("warningCount", results.Sum(static r => r.Report?.WarningCount ?? 0));
        writer.WriteNumber("infoCount", results.Sum(static r => r.Report?.InfoCount ?? 0));
        writer.WriteNumber("readErrorCount", results.Count(static r => r.ReadError is not null));
        writer.WriteStartArray("files");
        foreach (var result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("file", result.File.DisplayName);
            if (result.ReadError is { } readError)
            {
                writer.WriteNull("documentKind");
                writer.WriteBoolean("valid", false);
                writer.WriteString("readError", readError);
                writer.WriteStartArray("diagnostics");
                writer.WriteEndArray();
                writer.WriteEndObject();
                continue;
            }

            var report = result.Report!;
            if (report.DocumentKind is { } kind)
            {
                writer.WriteString("documentKind", WireNames.Of(kind));
            }
            else
            {
                writer.WriteNull("documentKind");
            }

            writer.WriteBoolean("valid", report.IsValid);
            writer.WriteNull("readError");
            writer.WriteNumber("errorCount", report.ErrorCount);
            writer.WriteNumber("warningCount", report.WarningCount);
            writer.WriteNumber("infoCount", report.InfoCount);
            writer.WriteBoolean("truncated", report.IsTruncated);
            writer.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics)
            {
                WriteDiagnostic(writer, diagnostic);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        writer.WriteStartObject();
        writer.WriteString("code", diagnostic.Code);
        writer.WriteString("severity", WireNames.Of(diagnostic.Severity));
        writer.WriteString("path", diagnostic.Path);
        WriteNumberOrNull(writer, "line", diagnostic.LineNumber + 1);
        WriteNumberOrNull(writer, "column", diagnostic.BytePositionInLine + 1);
        writer.WriteString("message", diagnostic.Message);
        writer.WriteString("value", diagnostic.Value);
        writer.WriteString("helpUri", diagnostic.HelpLink?.AbsoluteUri);
        writer.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
