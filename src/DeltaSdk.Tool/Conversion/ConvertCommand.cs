using System.CommandLine;
using System.Text.Json;
using CsvHelper;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Validation;

namespace DeltaSdk.Tool.Conversion;

/// <summary>
/// <c>delta convert IN OUT</c>: observations and task lists between canonical JSON, CSV and .xlsx (export only). The
/// formats follow the file extensions; observations stream in bounded memory whatever the size of the file.
/// </summary>
internal static class ConvertCommand
{
    private enum FileFormat
    {
        Json,
        Csv,
        Xlsx,
    }

    private enum ContentKind
    {
        Observations,
        Tasks,
    }

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(ToolContext context)
    {
        var input = new Argument<string>("IN") { Description = "The file to read: .json (an observation batch, a task list or a plan) or .csv (columns in docs/articles/command-line.md)." };
        var output = new Argument<string>("OUT") { Description = "The file to write: .json, .csv or .xlsx. It is replaced only when the conversion succeeds." };
        var kind = new Option<string>("--kind", "-k")
        {
            Description = "What the files hold: 'observations' or 'tasks'. Detected from the input when left out.",
        };
        kind.AcceptOnlyFromAmong("observations", "tasks");
        var planId = new Option<string>("--plan-id") { Description = "The plan an observation batch written from CSV belongs to (its 'plan' member)." };
        var command = new Command("convert", "Convert observations or task lists between canonical JSON and CSV (both ways, lossless for what CSV holds), or export them to .xlsx.")
        {
            input, output, kind, planId,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var inPath = parseResult.GetValue(input)!;
            var outPath = parseResult.GetValue(output)!;
            var inFormat = FormatOf(inPath, allowXlsx: false);
            var outFormat = FormatOf(outPath, allowXlsx: true);
            if (inFormat == outFormat)
            {
                throw new ToolException($"'{inPath}' and '{outPath}' are both {inFormat.ToString().ToUpperInvariant()}; give an output of another format (.json, .csv or .xlsx).");
            }

            PlanId? plan = null;
            if (parseResult.GetValue(planId) is { } planText)
            {
                plan = PlanId.TryParse(planText, out var parsed) ? parsed : throw new ToolException($"--plan-id: '{planText}' is not a plan id (lower-case letters, digits and '-', for example yrd-2024-2026).");
            }

            var fullOut = context.Resolve(outPath);
            var partial = fullOut + ".partial";
            var source = ReferenceDocuments.OpenRead(context, inPath);
            await using (source.ConfigureAwait(false))
            {
                var contentKind = parseResult.GetValue(kind) switch
                {
                    "observations" => ContentKind.Observations,
                    "tasks" => ContentKind.Tasks,
                    _ => await DetectAsync(source, inPath, inFormat, cancellationToken).ConfigureAwait(false),
                };
                try
                {
                    var destination = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
                    await using (destination.ConfigureAwait(false))
                    {
                        await ConversionProgress.RunAsync(context, $"{Path.GetFileName(inPath)} → {Path.GetFileName(outPath)}", source.Length, async progress =>
                        {
                            if (contentKind == ContentKind.Observations)
                            {
                                await ConvertObservationsAsync(source, inPath, inFormat, destination, outFormat, plan, progress, cancellationToken).ConfigureAwait(false);
                            }
                            else
                            {
                                await ConvertTasksAsync(source, inPath, inFormat, destination, outFormat, cancellationToken).ConfigureAwait(false);
                            }
                        }).ConfigureAwait(false);
                    }

                    File.Move(partial, fullOut, overwrite: true);
                }
                catch
                {
                    // A cancelled or failed conversion leaves no half-written output behind.
                    File.Delete(partial);
                    throw;
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static FileFormat FormatOf(string path, bool allowXlsx) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => FileFormat.Json,
        ".csv" => FileFormat.Csv,
        ".xlsx" when allowXlsx => FileFormat.Xlsx,
        ".xlsx" => throw new ToolException($"'{path}': .xlsx is an export format only; save the sheet as CSV (UTF-8) and convert that."),
        var other => throw new ToolException($"'{path}': unknown extension '{other}'; use .json, .csv{(allowXlsx ? " or .xlsx" : string.Empty)}."),
    };

    private static async Task<ContentKind> DetectAsync(FileStream source, string file, FileFormat format, CancellationToken cancellationToken)
    {
        // Only the start of the file is looked at, so that detection costs nothing on a large file.
        var buffer = new byte[64 * 1024];
        var length = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        source.Position = 0;
        var head = buffer.AsSpan(0, length);
        if (format == FileFormat.Csv)
        {
            var firstLine = System.Text.Encoding.UTF8.GetString(head[..(head.IndexOf((byte)'\n') is var n and >= 0 ? n : head.Length)]).TrimStart('\uFEFF');
            var columns = firstLine.TrimEnd('\r').Split(',').Select(static c => c.Trim('"')).ToList();
            return columns.Contains(ObservationColumns.Indicator) ? ContentKind.Observations
                : columns.Contains(TaskColumns.Code) ? ContentKind.Tasks
                : throw new ToolException($"{file}:1: the header has neither an '{ObservationColumns.Indicator}' column (observations) nor a '{TaskColumns.Code}' column (tasks); fix the header or pass --kind.");
        }

        var reader = new Utf8JsonReader(head, isFinalBlock: length < buffer.Length, default);
        try
        {
            if (!reader.Read())
            {
                throw new ToolException($"{file}: the file is empty.");
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                return ContentKind.Tasks;
            }

            while (reader.Read() && reader.CurrentDepth >= 1)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var name = reader.GetString();
                    if (name is "observations")
                    {
                        return ContentKind.Observations;
                    }

                    if (name is "aspects" or "unassignedTasks")
                    {
                        return ContentKind.Tasks;
                    }

                    if (name is "$schema" && reader.Read() && reader.TokenType == JsonTokenType.String)
                    {
                        var schema = reader.GetString()!;
                        if (schema.Contains("observation-batch", StringComparison.Ordinal))
                        {
                            return ContentKind.Observations;
                        }

                        if (schema.Contains("plan.schema", StringComparison.Ordinal))
                        {
                            return ContentKind.Tasks;
                        }

                        continue;
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException exception)
        {
            throw new ToolException($"{file}:{exception.LineNumber + 1}: not valid JSON: {exception.Message}", exception);
        }
        catch (InvalidOperationException)
        {
            // Skip() ran past the 64 KiB window: the document is large and starts with something else.
        }

        throw new ToolException($"{file}: cannot tell whether it holds observations or tasks from its first 64 KiB; pass --kind observations or --kind tasks.");
    }

    private static async Task ConvertObservationsAsync(FileStream source, string file, FileFormat inFormat, Stream destination, FileFormat outFormat, PlanId? plan, Action<long> progress, CancellationToken cancellationToken)
    {
        if (inFormat == FileFormat.Csv)
        {
            var rows = await CsvRecordReader.OpenAsync(source, file, ObservationColumns.All, ObservationColumns.Required, cancellationToken).ConfigureAwait(false);
            await using (rows.ConfigureAwait(false))
            {
                await DeltaJson.WriteObservationsAsync(destination, ObservationRows.ReadAllAsync(rows, progress, cancellationToken), plan, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var observations = ReadJsonObservationsAsync(source, file, progress, cancellationToken);
        if (outFormat == FileFormat.Csv)
        {
            var writer = CsvWriter.Create(destination, CsvWriterOptions.Default with { Injection = CsvInjection.None, NewLine = "\n" }, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteRecordAsync(ObservationColumns.All, cancellationToken).ConfigureAwait(false);
                await foreach (var observation in observations.ConfigureAwait(false))
                {
                    await writer.WriteRecordAsync(ObservationRows.ToCells(observation), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else
        {
            using var sheet = new XlsxSheetWriter(destination, "Observations", ObservationColumns.All, [ObservationColumns.ValueIndex]);
            await foreach (var observation in observations.ConfigureAwait(false))
            {
                sheet.WriteRow(ObservationRows.ToCells(observation));
            }

            sheet.Finish();
        }
    }

    private static async IAsyncEnumerable<Observation> ReadJsonObservationsAsync(FileStream source, string file, Action<long> progress, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = DeltaJson.StreamObservationsAsync(source, null, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            var count = 0L;
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }
                }
                catch (DeltaFormatException exception)
                {
                    throw new ToolException($"{ReferenceDocuments.Describe(file, exception)} Run 'delta validate {file}' for every problem in it.", exception);
                }

                yield return enumerator.Current;
                if (++count % 4096 == 0)
                {
                    progress(source.Position);
                }
            }
        }
    }

    private static async Task ConvertTasksAsync(FileStream source, string file, FileFormat inFormat, Stream destination, FileFormat outFormat, CancellationToken cancellationToken)
    {
        if (inFormat == FileFormat.Csv)
        {
            var rows = await CsvRecordReader.OpenAsync(source, file, TaskColumns.All, TaskColumns.Required, cancellationToken).ConfigureAwait(false);
            await using (rows.ConfigureAwait(false))
            {
                await TaskListJson.WriteAsync(destination, ReadCsvTasksAsync(rows, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var tasks = await TaskListJson.ReadAsync(source, file, cancellationToken).ConfigureAwait(false);
        if (outFormat == FileFormat.Csv)
        {
            var writer = CsvWriter.Create(destination, CsvWriterOptions.Default with { Injection = CsvInjection.None, NewLine = "\n" }, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteRecordAsync(TaskColumns.All, cancellationToken).ConfigureAwait(false);
                foreach (var task in tasks)
                {
                    await writer.WriteRecordAsync(TaskRows.ToCells(task), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        else
        {
            using var sheet = new XlsxSheetWriter(destination, "Tasks", TaskColumns.All, []);
            foreach (var task in tasks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sheet.WriteRow(TaskRows.ToCells(task));
            }

            sheet.Finish();
        }
    }

    private static async IAsyncEnumerable<KeyTask> ReadCsvTasksAsync(CsvRecordReader rows, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return TaskRows.FromRecord(rows);
        }
    }
}
