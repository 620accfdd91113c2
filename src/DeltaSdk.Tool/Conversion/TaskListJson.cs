using System.Text.Json;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tool.Conversion;

/// <summary>
/// A task list in JSON: an array of key task objects in the canonical form (each as in a plan's <c>tasks</c>), as
/// <c>delta pull</c> writes it. A plan document is read as a task list too (its tasks, aspect by aspect).
/// </summary>
internal static class TaskListJson
{
    /// <summary>Writes a task list.</summary>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the list is written.</returns>
    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<KeyTask> tasks, CancellationToken cancellationToken)
    {
        var typeInfo = CellFormats.TypeInfo<KeyTask>();
        var writer = new Utf8JsonWriter(destination, ToolJson.WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartArray();
            await foreach (var task in tasks.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                JsonSerializer.Serialize(writer, task, typeInfo);
                if (writer.BytesPending > 16 * 1024)
                {
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await destination.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a task list, or the tasks of a plan document.</summary>
    /// <param name="source">The stream.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tasks.</returns>
    public static async Task<IReadOnlyList<KeyTask>> ReadAsync(Stream source, string file, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(source, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw new ToolException($"{file}:{exception.LineNumber + 1}: not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                try
                {
                    return [.. DeltaJson.ReadPlan(document.RootElement.GetRawText()).AllTasks];
                }
                catch (DeltaFormatException exception)
                {
                    throw new ToolException($"{file}: {(exception.Path is { } p ? p + ": " : string.Empty)}{exception.Message} (a task list is a JSON array of key tasks, or a plan document).", exception);
                }
            }

            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ToolException($"{file}: expected a JSON array of key tasks (or a plan document), found {document.RootElement.ValueKind}.");
            }

            var typeInfo = CellFormats.TypeInfo<KeyTask>();
            var tasks = new List<KeyTask>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                try
                {
                    tasks.Add(element.Deserialize(typeInfo) ?? throw new ToolException($"{file}: $[{index}] is null; remove it."));
                }
                catch (JsonException exception)
                {
                    var path = "$[" + index + "]" + (exception.Path is { Length: > 1 } p ? p[1..] : string.Empty);
                    throw new ToolException($"{file}: {path}: {exception.Message}", exception);
                }

                index++;
            }

            return tasks;
        }
    }
}
