using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Validation;

namespace DeltaSdk.Tool.Status;

/// <summary>
/// Reads the progress reports of <c>delta status --progress</c>: a JSON array of progress report documents (what
/// <c>delta pull</c> writes to <c>progress.json</c>), or a single progress report document.
/// </summary>
internal static class ProgressReportFile
{
    /// <summary>Reads the file.</summary>
    /// <param name="context">The context.</param>
    /// <param name="path">The file as typed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reports, in file order.</returns>
    /// <exception cref="ToolException">The file cannot be read, or an element is not a valid progress report (the message names the line and the JSON path).</exception>
    public static async Task<ImmutableArray<ProgressReport>> ReadAsync(ToolContext context, string path, CancellationToken cancellationToken)
    {
        // Progress files hold a report per task, region and date: small enough to read whole and parse element by element.
        byte[] bytes;
        var stream = ReferenceDocuments.OpenRead(context, path);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }

        return Parse(path, bytes);
    }

    /// <summary>Parses the bytes of a progress file.</summary>
    /// <param name="path">The file as typed, for messages.</param>
    /// <param name="bytes">The UTF-8 bytes.</param>
    /// <returns>The reports.</returns>
    public static ImmutableArray<ProgressReport> Parse(string path, ReadOnlySpan<byte> bytes)
    {
        var offset = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var json = bytes[offset..];
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read())
            {
                throw new ToolException($"{path}: the file is empty; --progress needs a JSON array of progress report documents (as 'delta pull' writes) or one progress report.");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return [Read(path, json, 0, json.Length, index: null)];
            }

            var reports = ImmutableArray.CreateBuilder<ProgressReport>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                reports.Add(Read(path, json, start, end - start, reports.Count));
            }

            return reports.ToImmutable();
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $":{l + 1}") : string.Empty;
            throw new ToolException($"{path}{line}: not valid JSON ({exception.Message}) --progress needs a JSON array of progress report documents; run 'delta validate' on a single report for every problem in it.", exception);
        }
    }

    private static ProgressReport Read(string path, ReadOnlySpan<byte> json, int start, int length, int? index)
    {
        try
        {
            return DeltaJson.ReadProgressReport(json.Slice(start, length));
        }
        catch (DeltaFormatException exception)
        {
            // The element was read on its own: its line and path are made relative to the whole file again.
            var linesBefore = json[..start].Count((byte)'\n');
            var element = index is { } i ? string.Create(CultureInfo.InvariantCulture, $"$[{i}]") : "$";
            var where = exception.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"{path}:{linesBefore + line + 1}") : path;
            var at = exception.Path is { Length: > 0 } p && p.StartsWith('$') ? element + p[1..] : element;
            throw new ToolException(
                $"{where} at {at}: {exception.Message} (--progress needs progress report documents in the canonical JSON format; " +
                "fix the report, or write it alone to a file and run 'delta validate' on it for every problem).",
                exception);
        }
    }
}
