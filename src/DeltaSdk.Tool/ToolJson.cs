using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeltaSdk.Tool;

/// <summary>
/// How the tool writes JSON of its own (reports, SARIF, task lists, CSV cells): like the canonical writer, Chinese
/// text and punctuation stay readable instead of becoming \u escapes. The output is never embedded in HTML.
/// </summary>
internal static class ToolJson
{
    /// <summary>Indented, for files and reports.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact, for JSON held in one CSV cell.</summary>
    public static readonly JsonWriterOptions CellOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
