using System.Text.Json;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Validation;

namespace DeltaSdk.Tool.Changes;

/// <summary>One side of <c>delta diff</c>: a plan or a region table read from a file, with the kind told from its content.</summary>
/// <param name="File">The file as typed.</param>
/// <param name="Kind">The kind of document it holds.</param>
/// <param name="Value">The <see cref="Plan"/> or <see cref="RegionTable"/>.</param>
internal sealed record DiffDocument(string File, DeltaDocumentKind Kind, object Value)
{
    /// <summary>Reads a file, telling a plan from a region table by its <c>$schema</c> or, without one, by its top-level members.</summary>
    /// <param name="context">The context.</param>
    /// <param name="file">The file as typed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ToolException">The file cannot be read, is not valid, or is neither a plan nor a region table.</exception>
    public static async Task<DiffDocument> ReadAsync(ToolContext context, string file, CancellationToken cancellationToken)
    {
        // Both documents are held in memory by the comparison anyway; the bytes are read once and parsed twice
        // (a skim of the top level for the kind, then the reader), which keeps the sniff simple and exact.
        byte[] bytes;
        var stream = ReferenceDocuments.OpenRead(context, file);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        // A document whose kind cannot be told because it is broken is read as a plan, the common case, so that
        // the reader's error (with its line and JSON path) is what the user sees.
        var kind = Sniff(bytes) ?? DeltaDocumentKind.Plan;
        try
        {
            return kind switch
            {
                DeltaDocumentKind.Plan => new DiffDocument(file, kind, DeltaJson.ReadPlan(bytes)),
                DeltaDocumentKind.RegionTable => new DiffDocument(file, kind, DeltaJson.ReadRegions(bytes)),
                _ => throw new ToolException($"'{file}' is {Describe(kind)}; delta diff compares two plans or two region tables."),
            };
        }
        catch (DeltaFormatException exception)
        {
            throw new ToolException($"{ReferenceDocuments.Describe(file, exception)} (expected {Describe(kind)} in the canonical JSON format; run 'delta validate {file}' for every problem in it).", exception);
        }
    }

    /// <summary>Describes a kind of document with its article, for messages.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>For example "a plan".</returns>
    public static string Describe(DeltaDocumentKind kind) => kind switch
    {
        DeltaDocumentKind.Plan => "a plan",
        DeltaDocumentKind.RegionTable => "a region table",
        DeltaDocumentKind.ObservationBatch => "an observation batch",
        DeltaDocumentKind.ProgressReport => "a progress report",
        _ => "a change set",
    };

    /// <summary>Tells the kind from <c>$schema</c>, or from members only one kind has; <see langword="null"/> when it cannot.</summary>
    private static DeltaDocumentKind? Sniff(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        DeltaDocumentKind? byMembers = null;
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "$schema" && reader.TokenType == JsonTokenType.String && FromSchema(reader.GetString()!) is { } declared)
                {
                    return declared;
                }

                byMembers ??= name switch
                {
                    "aspects" or "unassignedTasks" or "startDate" or "endDate" or "declaredTaskCount" or "catalogueCompleteness" => DeltaDocumentKind.Plan,
                    "regions" or "groups" => DeltaDocumentKind.RegionTable,
                    "observations" => DeltaDocumentKind.ObservationBatch,
                    "reportedOn" or "percentComplete" => DeltaDocumentKind.ProgressReport,
                    "changes" or "subject" => DeltaDocumentKind.ChangeSet,
                    _ => null,
                };
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Broken JSON: whatever was seen before the break decides, and the reader reports the break.
        }

        return byMembers;
    }

    private static DeltaDocumentKind? FromSchema(string schema)
    {
        foreach (var kind in Enum.GetValues<DeltaDocumentKind>())
        {
            if (string.Equals(schema, DeltaJson.GetSchemaUri(kind).ToString(), StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
