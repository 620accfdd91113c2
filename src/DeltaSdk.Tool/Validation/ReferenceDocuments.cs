using DeltaSdk.Data;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tool.Validation;

/// <summary>Reads the plan and region table that references are checked against (<c>--plan</c>, <c>--regions</c>).</summary>
internal static class ReferenceDocuments
{
    /// <summary>Reads a plan file, or returns the embedded plan.</summary>
    /// <param name="context">The context.</param>
    /// <param name="path">The file, or <see langword="null"/>.</param>
    /// <param name="embedded">Whether to fall back on the embedded plan.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan, or <see langword="null"/>.</returns>
    public static async Task<Plan?> ReadPlanAsync(ToolContext context, string? path, bool embedded, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return embedded ? YangtzeRiverDelta.ActionPlan2024To2026 : null;
        }

        return await ReadAsync(context, path, "--plan", "a plan", (s, ct) => DeltaJson.ReadPlanAsync(s, null, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a region table file, or returns the embedded table.</summary>
    /// <param name="context">The context.</param>
    /// <param name="path">The file, or <see langword="null"/>.</param>
    /// <param name="embedded">Whether to fall back on the embedded table.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The table, or <see langword="null"/>.</returns>
    public static async Task<RegionTable?> ReadRegionsAsync(ToolContext context, string? path, bool embedded, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return embedded ? YangtzeRiverDelta.Regions : null;
        }

        return await ReadAsync(context, path, "--regions", "a region table", (s, ct) => DeltaJson.ReadRegionsAsync(s, null, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an observation batch file (<c>--observations</c>).</summary>
    /// <param name="context">The context.</param>
    /// <param name="path">The file as typed.</param>
    /// <param name="option">The option that named it, for messages.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The batch.</returns>
    public static Task<ObservationBatch> ReadObservationsAsync(ToolContext context, string path, string option, CancellationToken cancellationToken)
        => ReadAsync(context, path, option, "an observation batch", (s, ct) => DeltaJson.ReadObservationsAsync(s, null, ct), cancellationToken);

    /// <summary>Opens a file for reading, turning a missing or unreadable file into a message that names it.</summary>
    /// <param name="context">The context.</param>
    /// <param name="path">The path as typed.</param>
    /// <returns>The stream.</returns>
    public static FileStream OpenRead(ToolContext context, string path)
    {
        try
        {
            return new FileStream(context.Resolve(path), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolException($"Cannot read '{path}': {exception.Message} Check the path and its permissions.", exception);
        }
    }

    /// <summary>Describes a format error with its file, line and JSON path.</summary>
    /// <param name="file">The file as typed.</param>
    /// <param name="exception">The error.</param>
    /// <returns>The message.</returns>
    public static string Describe(string file, DeltaFormatException exception)
    {
        var where = exception.LineNumber is { } line ? $"{file}:{line + 1}" : file;
        var path = exception.Path is { } p ? $" at {p}" : string.Empty;
        return $"{where}{path}: {exception.Message}";
    }

    private static async Task<T> ReadAsync<T>(ToolContext context, string path, string option, string what, Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var stream = OpenRead(context, path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await read(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (DeltaFormatException exception)
            {
                throw new ToolException($"{Describe(path, exception)} ({option} needs {what} in the canonical JSON format; run 'delta validate {path}' for every problem in it).", exception);
            }
        }
    }
}
