using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DeltaSdk.Api;
using DeltaSdk.Client;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Conversion;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Spectre.Console;

namespace DeltaSdk.Tool.Pull;

/// <summary>
/// <c>delta pull</c>: fetches a plan, its tasks, its indicators' observations and every task's progress reports from
/// a Plan API server with <see cref="DeltaClient"/> (following pages), into canonical files in a directory.
/// </summary>
internal static class PullCommand
{
    /// <summary>The file the plan is written to.</summary>
    public const string PlanFile = "plan.json";

    /// <summary>The file the task list is written to.</summary>
    public const string TasksFile = "tasks.json";

    /// <summary>The file the observation batch is written to.</summary>
    public const string ObservationsFile = "observations.json";

    /// <summary>The file the progress reports are written to (a JSON array of progress report documents).</summary>
    public const string ProgressFile = "progress.json";

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(ToolContext context)
    {
        var server = new Option<string>("--server", "-s") { Description = "The Plan API server's base address, for example http://127.0.0.1:5080.", Required = true };
        var keyEnv = new Option<string>("--api-key-env") { Description = "Read the API key from this environment variable (the key is never taken as an argument, which process lists show, and never printed)." };
        var keyStdin = new Option<bool>("--api-key-stdin") { Description = "Read the API key from the first line of standard input." };
        var plan = new Option<string>("--plan") { Description = "The plan id to pull; may be left out when the server has one plan." };
        var output = new Option<string>("--output", "-o") { Description = "The directory to write plan.json, tasks.json, observations.json and progress.json to (created if needed).", DefaultValueFactory = static _ => "." };
        var updatedSince = new Option<string>("--updated-since")
        {
            Description = "Incremental progress.json: only the progress reports the server recorded after this instant (UTC, for example 2025-06-30T00:00:00Z), asked of the server as updatedSince, so only they are downloaded. " +
                "Pass the instant the previous pull printed (the latest recordedAt it saw). Plan, tasks and observations are written whole.",
        };
        var command = new Command("pull", "Pull a plan, its tasks, observations and progress reports from a Plan API server into canonical JSON files, following pages.")
        {
            server, keyEnv, keyStdin, plan, output, updatedSince,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var serverText = parseResult.GetValue(server)!;
            if (!Uri.TryCreate(serverText, UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
            {
                throw new ToolException($"--server: '{serverText}' is not an http or https address; give one such as http://127.0.0.1:5080.");
            }

            Instant? since = null;
            if (parseResult.GetValue(updatedSince) is { } sinceText)
            {
                since = DeltaText.TryParseInstant(sinceText, out var parsed)
                    ? parsed
                    : throw new ToolException($"--updated-since: '{sinceText}' is not an instant; give one in UTC such as 2025-06-30T00:00:00Z.");
            }

            var apiKey = await ReadApiKeyAsync(context, parseResult.GetValue(keyEnv), parseResult.GetValue(keyStdin), cancellationToken).ConfigureAwait(false);
            var directory = context.Resolve(parseResult.GetValue(output)!);
            Directory.CreateDirectory(directory);

            var services = new ServiceCollection();
            var http = services.AddDeltaClient(options =>
            {
                options.BaseAddress = baseAddress;
                options.ApiKey = apiKey;
            });
            var provider = services.BuildServiceProvider();
            await using (provider.ConfigureAwait(false))
            {
                var client = provider.GetRequiredService<DeltaClient>();
                try
                {
                    return await PullAsync(context, client, baseAddress, parseResult.GetValue(plan), directory, since, cancellationToken).ConfigureAwait(false);
                }
                catch (DeltaApiException exception)
                {
                    var detail = exception.Problem?.Detail ?? exception.Problem?.Title ?? exception.Message;
                    var hint = exception.StatusCode switch
                    {
                        System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden => " Check the API key (--api-key-env NAME or --api-key-stdin).",
                        System.Net.HttpStatusCode.NotFound => " Check --server and --plan.",
                        System.Net.HttpStatusCode.BadRequest when since is not null => " An older server may not support --updated-since (it needs the progress feed, GET /v1/plans/{planId}/progress); pull without it for a full copy.",
                        _ => string.Empty,
                    };
                    throw new ToolException($"{baseAddress}: the server answered {(int)exception.StatusCode}: {detail}{hint}", exception);
                }
                catch (DeltaTransportException exception)
                {
                    throw new ToolException($"{baseAddress}: {exception.Message} Check that the server is running and --server is right.", exception);
                }
            }
        });
        return command;
    }

    private static async Task<string?> ReadApiKeyAsync(ToolContext context, string? variable, bool fromStdin, CancellationToken cancellationToken)
    {
        if (variable is not null && fromStdin)
        {
            throw new ToolException("Give the API key one way: --api-key-env NAME or --api-key-stdin, not both.");
        }

        if (variable is not null)
        {
            var key = context.GetEnvironmentVariable(variable);
            return string.IsNullOrWhiteSpace(key)
                ? throw new ToolException($"--api-key-env: the environment variable '{variable}' is not set or empty; set it to the API key (export {variable}=...).")
                : key.Trim();
        }

        if (fromStdin)
        {
            using var reader = new StreamReader(context.OpenStandardInput());
            var key = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(key) ? throw new ToolException("--api-key-stdin: standard input has no API key on its first line.") : key.Trim();
        }

        return null;
    }

    private static async Task<int> PullAsync(ToolContext context, DeltaClient client, Uri server, string? planText, string directory, Instant? since, CancellationToken cancellationToken)
    {
        PlanId planId;
        if (planText is not null)
        {
            planId = PlanId.TryParse(planText, out var parsed) ? parsed : throw new ToolException($"--plan: '{planText}' is not a plan id (lower-case letters, digits and '-').");
        }
        else
        {
            var plans = new List<PlanSummary>();
            await foreach (var summary in client.ListPlansAsync(cancellationToken).ConfigureAwait(false))
            {
                plans.Add(summary);
            }

            planId = plans.Count == 1 ? plans[0].Id
                : plans.Count == 0 ? throw new ToolException($"{server}: the server has no plan to pull.")
                : throw new ToolException($"{server}: the server has {plans.Count} plans ({string.Join(", ", plans.Select(static p => p.Id))}); choose one with --plan.");
        }

        var plan = await client.GetPlanAsync(planId, cancellationToken).ConfigureAwait(false);
        await WriteFileAsync(directory, PlanFile, stream => DeltaJson.WritePlanAsync(stream, plan, cancellationToken)).ConfigureAwait(false);

        var taskCount = 0;
        await WriteFileAsync(directory, TasksFile, stream => TaskListJson.WriteAsync(stream, Count(CatalogueEntriesAsync(client.ListTasksAsync(planId, null, cancellationToken)), () => taskCount++), cancellationToken)).ConfigureAwait(false);

        var observationCount = 0;
        await WriteFileAsync(directory, ObservationsFile, stream => DeltaJson.WriteObservationsAsync(stream, Count(ObservationsAsync(client, plan, cancellationToken), () => observationCount++), planId, cancellationToken)).ConfigureAwait(false);

        var progressCount = 0;
        var highWaterMark = since;
        var feed = client.ListPlanProgressAsync(planId, new ProgressQuery { UpdatedSince = since }, cancellationToken);
        await WriteFileAsync(directory, ProgressFile, stream => WriteProgressAsync(stream, Count(feed, () => progressCount++), report => highWaterMark = Later(highWaterMark, report.RecordedAt), cancellationToken)).ConfigureAwait(false);

        var inv = CultureInfo.InvariantCulture;
        var console = context.Console;
        console.WriteLine(string.Create(inv, $"Pulled {planId} from {server} into {directory}:"));
        console.WriteLine(string.Create(inv, $"  {PlanFile,-18} the plan ({plan.CataloguedTaskCount} catalogued tasks, {plan.Indicators.Length} indicators)"));
        console.WriteLine(string.Create(inv, $"  {TasksFile,-18} {taskCount} tasks"));
        console.WriteLine(string.Create(inv, $"  {ObservationsFile,-18} {observationCount} observations"));
        console.WriteLine(string.Create(inv, $"  {ProgressFile,-18} {progressCount} progress reports{(since is null ? string.Empty : " recorded after " + DeltaText.FormatInstant(since.Value))}"));
        if (since is not null)
        {
            console.WriteLine("Plan, tasks and observations are pulled whole; only progress is incremental.");
        }

        // The server's recording times, not this machine's clock: reports are recorded in rising time, so nothing
        // recorded after the last one seen can be missed by the next pull, whatever the clocks say.
        console.WriteLine(highWaterMark is { } mark
            ? "Next incremental pull: --updated-since " + DeltaText.FormatInstant(mark)
            : "No progress recorded yet: the next pull is a full one.");
        return ExitCodes.Success;
    }

    private static Instant? Later(Instant? mark, Instant? recorded) => recorded is { } r && (mark is not { } m || r > m) ? r : mark;

    private static async IAsyncEnumerable<KeyTask> CatalogueEntriesAsync(IAsyncEnumerable<DeltaSdk.Api.TrackedTask> tasks)
    {
        await foreach (var task in tasks.ConfigureAwait(false))
        {
            yield return task.Task;
        }
    }

    private static async IAsyncEnumerable<Observation> ObservationsAsync(DeltaClient client, Plan plan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var indicator in plan.Indicators)
        {
            await foreach (var observation in client.ListObservationsAsync(indicator.Id, null, cancellationToken).ConfigureAwait(false))
            {
                yield return observation;
            }
        }
    }

    private static async Task WriteProgressAsync(Stream destination, IAsyncEnumerable<ProgressReport> reports, Action<ProgressReport> written, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(destination, ToolJson.WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartArray();
            await foreach (var report in reports.ConfigureAwait(false))
            {
                // Each element is a whole progress report document, so that it reads back with DeltaJson.ReadProgressReport.
                using var document = JsonDocument.Parse(DeltaJson.WriteProgressReportToUtf8Bytes(report));
                document.WriteTo(writer);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                written(report);
            }

            writer.WriteEndArray();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await destination.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<T> Count<T>(IAsyncEnumerable<T> items, Action counted)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            counted();
            yield return item;
        }
    }

    private static async Task WriteFileAsync(string directory, string name, Func<Stream, Task> write)
    {
        // Written beside the target and moved over it, so that a failed or cancelled pull keeps the previous file.
        var path = Path.Combine(directory, name);
        var partial = path + ".partial";
        try
        {
            var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
