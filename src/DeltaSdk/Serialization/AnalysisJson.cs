using DeltaSdk.Analytics;

namespace DeltaSdk.Serialization;

/// <summary>Reads and writes <see cref="AnalysisDocument"/>s in the canonical format, like <see cref="DeltaJson"/> does for the model's documents.</summary>
public static class AnalysisJson
{
    /// <summary>Reads an analysis document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">Reader options; <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="DeltaFormatException">The text is not a valid analysis document; the exception says where and why.</exception>
    public static AnalysisDocument Read(string json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<AnalysisDocument>(json, options);

    /// <summary>Writes an analysis document in the canonical format.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(AnalysisDocument document) => DocumentIO.WriteToString(document);

    /// <summary>Writes an analysis document to a stream as UTF-8.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="document">The document.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public static Task WriteAsync(Stream utf8Json, AnalysisDocument document, CancellationToken cancellationToken = default)
        => DocumentIO.WriteAsync(utf8Json, document, cancellationToken);
}
