using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeltaSdk.Serialization;

/// <summary>
/// The one place that knows the canonical DeltaSdk JSON format: the shared serializer options, and typed read and
/// write helpers for each document type (plans, region tables, observation batches, progress reports).
/// </summary>
/// <remarks>
/// <para>
/// Every read checks the document completely and throws <see cref="DeltaFormatException"/>, with the JSON path,
/// line and byte position of the problem, for anything that is not the format: malformed JSON, wrong token types,
/// unknown enum values, invalid identifiers, dates or periods, duplicate properties, nesting or size over the
/// limits of <see cref="DeltaJsonReaderOptions"/>, a missing, null or newer-major <c>formatVersion</c>, null list
/// items, and text that is not Unicode (invalid UTF-8, lone surrogates, U+0000). No other exception type leaves a
/// read, and every read costs time and memory linear in the input.
/// </para>
/// <para>
/// Every write is canonical: equal models give byte-identical documents (two-space indentation, <c>\n</c> line
/// ends, a final line feed, nulls and empty arrays left out, non-ASCII text unescaped).
/// </para>
/// <para>The format is described in the article <c>docs/articles/json-format.md</c> and by the JSON Schemas from <see cref="GetSchema"/>.</para>
/// </remarks>
public static class DeltaJson
{
    /// <summary>The format version this library writes. It reads any 1.x.</summary>
    public const string FormatVersion = DocumentHeader.FormatVersion;

    /// <summary>
    /// Gets the shared, read-only serializer options of the canonical format (lenient reading, default depth), for
    /// use with <see cref="JsonSerializer"/>, HTTP clients and servers. Built on a source-generated context covering
    /// every public model type: no reflection at run time. To combine it with a context of your own, add
    /// <c>DeltaJson.Options.TypeInfoResolver</c> to your options' <c>TypeInfoResolverChain</c>.
    /// </summary>
    public static JsonSerializerOptions Options => DeltaJsonContract.Lenient;

    /// <summary>Gets the <c>$schema</c> URI that documents of a kind carry.</summary>
    /// <param name="kind">The document kind.</param>
    /// <returns>For example <c>https://deltasdk.dev/schema/v1/plan.schema.json</c>.</returns>
    public static Uri GetSchemaUri(DeltaDocumentKind kind) => new(DocumentHeader.SchemaUri(kind));

    /// <summary>Gets the JSON Schema (draft 2020-12) of a document kind, generated from the model and refined.</summary>
    /// <param name="kind">The document kind.</param>
    /// <returns>A new schema object; the caller may change it.</returns>
    public static JsonNode GetSchema(DeltaDocumentKind kind) => DeltaJsonSchema.Create(kind);

    /// <summary>Reads a plan document.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not a plan in the canonical format; the exception says where and why.</exception>
    public static Plan ReadPlan(string json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<Plan>(json, options);

    /// <summary>Reads a plan document from UTF-8 bytes (a <see cref="T:byte[]"/> converts implicitly).</summary>
    /// <param name="utf8Json">The document as UTF-8, with or without a byte order mark.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DeltaFormatException">The document is not a plan in the canonical format; the exception says where and why.</exception>
    public static Plan ReadPlan(ReadOnlySpan<byte> utf8Json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<Plan>(utf8Json, options);

    /// <summary>Reads a plan document from a stream of UTF-8, to its end.</summary>
    /// <param name="utf8Json">The stream; it is read to its end and not disposed.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not a plan in the canonical format; the exception says where and why.</exception>
    public static Task<Plan> ReadPlanAsync(Stream utf8Json, DeltaJsonReaderOptions? options = null, CancellationToken cancellationToken = default)
        => DocumentIO.ReadAsync<Plan>(utf8Json, options, cancellationToken);

    /// <summary>Writes a plan document as text.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    public static string WritePlan(Plan plan) => DocumentIO.WriteToString(plan);

    /// <summary>Writes a plan document as UTF-8 bytes.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    public static byte[] WritePlanToUtf8Bytes(Plan plan) => DocumentIO.WriteToUtf8Bytes(plan);

    /// <summary>Writes a plan document as UTF-8 to a buffer writer.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="plan">The plan.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WritePlan(IBufferWriter<byte> destination, Plan plan) => DocumentIO.Write(destination, plan);

    /// <summary>Writes a plan document as UTF-8 to a stream.</summary>
    /// <param name="utf8Json">The stream; it is not disposed.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task WritePlanAsync(Stream utf8Json, Plan plan, CancellationToken cancellationToken = default)
        => DocumentIO.WriteAsync(utf8Json, plan, cancellationToken);

    /// <summary>Reads a region table document.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The region table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not a region table in the canonical format; the exception says where and why.</exception>
    public static RegionTable ReadRegions(string json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<RegionTable>(json, options);

    /// <summary>Reads a region table document from UTF-8 bytes (a <see cref="T:byte[]"/> converts implicitly).</summary>
    /// <param name="utf8Json">The document as UTF-8, with or without a byte order mark.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The region table.</returns>
    /// <exception cref="DeltaFormatException">The document is not a region table in the canonical format; the exception says where and why.</exception>
    public static RegionTable ReadRegions(ReadOnlySpan<byte> utf8Json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<RegionTable>(utf8Json, options);

    /// <summary>Reads a region table document from a stream of UTF-8, to its end.</summary>
    /// <param name="utf8Json">The stream; it is read to its end and not disposed.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The region table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not a region table in the canonical format; the exception says where and why.</exception>
    public static Task<RegionTable> ReadRegionsAsync(Stream utf8Json, DeltaJsonReaderOptions? options = null, CancellationToken cancellationToken = default)
        => DocumentIO.ReadAsync<RegionTable>(utf8Json, options, cancellationToken);

    /// <summary>Writes a region table document as text.</summary>
    /// <param name="regions">The region table.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="regions"/> is <see langword="null"/>.</exception>
    public static string WriteRegions(RegionTable regions) => DocumentIO.WriteToString(regions);

    /// <summary>Writes a region table document as UTF-8 bytes.</summary>
    /// <param name="regions">The region table.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="regions"/> is <see langword="null"/>.</exception>
    public static byte[] WriteRegionsToUtf8Bytes(RegionTable regions) => DocumentIO.WriteToUtf8Bytes(regions);

    /// <summary>Writes a region table document as UTF-8 to a buffer writer.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="regions">The region table.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteRegions(IBufferWriter<byte> destination, RegionTable regions) => DocumentIO.Write(destination, regions);

    /// <summary>Writes a region table document as UTF-8 to a stream.</summary>
    /// <param name="utf8Json">The stream; it is not disposed.</param>
    /// <param name="regions">The region table.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task WriteRegionsAsync(Stream utf8Json, RegionTable regions, CancellationToken cancellationToken = default)
        => DocumentIO.WriteAsync(utf8Json, regions, cancellationToken);

    /// <summary>Reads an observation batch document.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The observation batch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not an observation batch in the canonical format; the exception says where and why.</exception>
    public static ObservationBatch ReadObservations(string json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<ObservationBatch>(json, options);

    /// <summary>Reads an observation batch document from UTF-8 bytes (a <see cref="T:byte[]"/> converts implicitly).</summary>
    /// <param name="utf8Json">The document as UTF-8, with or without a byte order mark.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The observation batch.</returns>
    /// <exception cref="DeltaFormatException">The document is not an observation batch in the canonical format; the exception says where and why.</exception>
    public static ObservationBatch ReadObservations(ReadOnlySpan<byte> utf8Json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<ObservationBatch>(utf8Json, options);

    /// <summary>Reads an observation batch document from a stream of UTF-8, to its end.</summary>
    /// <param name="utf8Json">The stream; it is read to its end and not disposed.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The observation batch.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not an observation batch in the canonical format; the exception says where and why.</exception>
    public static Task<ObservationBatch> ReadObservationsAsync(Stream utf8Json, DeltaJsonReaderOptions? options = null, CancellationToken cancellationToken = default)
        => DocumentIO.ReadAsync<ObservationBatch>(utf8Json, options, cancellationToken);

    /// <summary>Writes an observation batch document as text.</summary>
    /// <param name="batch">The observation batch.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is <see langword="null"/>.</exception>
    public static string WriteObservations(ObservationBatch batch) => DocumentIO.WriteToString(batch);

    /// <summary>Writes an observation batch document as UTF-8 bytes.</summary>
    /// <param name="batch">The observation batch.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is <see langword="null"/>.</exception>
    public static byte[] WriteObservationsToUtf8Bytes(ObservationBatch batch) => DocumentIO.WriteToUtf8Bytes(batch);

    /// <summary>Writes an observation batch document as UTF-8 to a buffer writer.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="batch">The observation batch.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteObservations(IBufferWriter<byte> destination, ObservationBatch batch) => DocumentIO.Write(destination, batch);

    /// <summary>Writes an observation batch document as UTF-8 to a stream.</summary>
    /// <param name="utf8Json">The stream; it is not disposed.</param>
    /// <param name="batch">The observation batch.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task WriteObservationsAsync(Stream utf8Json, ObservationBatch batch, CancellationToken cancellationToken = default)
        => DocumentIO.WriteAsync(utf8Json, batch, cancellationToken);

    /// <summary>Reads a progress report document.</summary>
    /// <param name="json">The document text.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The progress report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not a progress report in the canonical format; the exception says where and why.</exception>
    public static ProgressReport ReadProgressReport(string json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<ProgressReport>(json, options);

    /// <summary>Reads a progress report document from UTF-8 bytes (a <see cref="T:byte[]"/> converts implicitly).</summary>
    /// <param name="utf8Json">The document as UTF-8, with or without a byte order mark.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <returns>The progress report.</returns>
    /// <exception cref="DeltaFormatException">The document is not a progress report in the canonical format; the exception says where and why.</exception>
    public static ProgressReport ReadProgressReport(ReadOnlySpan<byte> utf8Json, DeltaJsonReaderOptions? options = null) => DocumentIO.Read<ProgressReport>(utf8Json, options);

    /// <summary>Reads a progress report document from a stream of UTF-8, to its end.</summary>
    /// <param name="utf8Json">The stream; it is read to its end and not disposed.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The progress report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not a progress report in the canonical format; the exception says where and why.</exception>
    public static Task<ProgressReport> ReadProgressReportAsync(Stream utf8Json, DeltaJsonReaderOptions? options = null, CancellationToken cancellationToken = default)
        => DocumentIO.ReadAsync<ProgressReport>(utf8Json, options, cancellationToken);

    /// <summary>Writes a progress report document as text.</summary>
    /// <param name="report">The progress report.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static string WriteProgressReport(ProgressReport report) => DocumentIO.WriteToString(report);

    /// <summary>Writes a progress report document as UTF-8 bytes.</summary>
    /// <param name="report">The progress report.</param>
    /// <returns>The canonical document, ending with a line feed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public static byte[] WriteProgressReportToUtf8Bytes(ProgressReport report) => DocumentIO.WriteToUtf8Bytes(report);

    /// <summary>Writes a progress report document as UTF-8 to a buffer writer.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="report">The progress report.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteProgressReport(IBufferWriter<byte> destination, ProgressReport report) => DocumentIO.Write(destination, report);

    /// <summary>Writes a progress report document as UTF-8 to a stream.</summary>
    /// <param name="utf8Json">The stream; it is not disposed.</param>
    /// <param name="report">The progress report.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task WriteProgressReportAsync(Stream utf8Json, ProgressReport report, CancellationToken cancellationToken = default)
        => DocumentIO.WriteAsync(utf8Json, report, cancellationToken);

    /// <summary>
    /// Reads the observations of an observation batch document one by one, holding constant memory whatever the size
    /// of the document: only a window of the bytes (64 KiB, or one observation if larger) is held at a time.
    /// </summary>
    /// <remarks>
    /// The document is checked as it is read, with the same errors and paths as <see cref="ReadObservations(string, DeltaJsonReaderOptions?)"/>;
    /// an error is raised when it is reached, after the observations before it were yielded. The batch's other
    /// members (<c>plan</c>, unknown properties) are checked but not returned. <see cref="DeltaJsonReaderOptions.MaxDocumentBytes"/>
    /// limits each observation rather than the document.
    /// </remarks>
    /// <param name="utf8Json">The stream of UTF-8; it is read to its end and not disposed.</param>
    /// <param name="options">How to read; <see langword="null"/> for <see cref="DeltaJsonReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The observations, in document order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="DeltaFormatException">The document is not an observation batch in the canonical format (raised during enumeration).</exception>
    public static IAsyncEnumerable<Observation> StreamObservationsAsync(Stream utf8Json, DeltaJsonReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ObservationStreamReader.ReadAsync(utf8Json, options, cancellationToken);
    }

    /// <summary>
    /// Writes an observation batch document from a sequence of observations, holding one chunk (about 32 KiB) at a
    /// time. The bytes are those <see cref="WriteObservationsAsync(Stream, ObservationBatch, CancellationToken)"/>
    /// writes for a batch of the same plan and observations.
    /// </summary>
    /// <param name="utf8Json">The stream; it is not disposed.</param>
    /// <param name="observations">The observations, in order.</param>
    /// <param name="plan">The plan the batch belongs to, if it names one.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> or <paramref name="observations"/> is <see langword="null"/>, or an observation is.</exception>
    public static Task WriteObservationsAsync(Stream utf8Json, IAsyncEnumerable<Observation> observations, PlanId? plan = null, CancellationToken cancellationToken = default)
        => ObservationStreamWriter.WriteAsync(utf8Json, observations, plan, cancellationToken);
}
