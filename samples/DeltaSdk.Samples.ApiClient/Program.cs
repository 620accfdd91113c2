// Lists the key tasks that name a region and posts a progress update to the first of them, against a running
// Plan API (start one with: dotnet run --project samples/DeltaSdk.Samples.PlanServer).
//
//   dotnet run --project samples/DeltaSdk.Samples.ApiClient -- --server http://127.0.0.1:5080 --region 310000 --api-key <dev key>
//
// Options: --server (default http://127.0.0.1:5080), --region (default 310000, Shanghai), --plan (default: the
// first plan the server lists), --api-key (without it the sample only reads).
using DeltaSdk;
using DeltaSdk.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// The day the sample's progress update is dated: inside the 2024-2026 plan and already past, so valid on any day.
var sampleReportDate = new LocalDate(2025, 12, 31);

var arguments = ParseArguments(args);
if (arguments is null)
{
    Console.Error.WriteLine("Usage: DeltaSdk.Samples.ApiClient [--server <url>] [--region <6-digit code>] [--plan <plan id>] [--api-key <key>]");
    return 2;
}

if (!Uri.TryCreate(arguments.Server, UriKind.Absolute, out var server))
{
    Console.Error.WriteLine($"--server '{arguments.Server}' is not an absolute URL such as http://127.0.0.1:5080.");
    return 2;
}

if (!RegionCode.TryParse(arguments.Region, out var region))
{
    Console.Error.WriteLine($"--region '{arguments.Region}' is not a 6-digit GB/T 2260 code such as 310000.");
    return 2;
}

// The recommended set-up: the DI registration gives the client its HttpClient pipeline (retries, time-outs, ETag
// revalidation, logging with the API key redacted).
var services = new ServiceCollection();
services.AddDeltaClient(options =>
{
    options.BaseAddress = server;
    options.ApiKey = arguments.ApiKey;

    // A sample should fail fast when the server is not there.
    options.MaxRetries = 1;
    options.OverallTimeout = TimeSpan.FromSeconds(15);
});
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<DeltaClient>();

try
{
    var planId = arguments.Plan is { } planText ? PlanId.Parse(planText) : await FirstPlanAsync(client);
    Console.WriteLine($"Key tasks of plan {planId} that name region {region}:");
    var tasks = new List<KeyTask>();
    await foreach (var tracked in client.ListTasksAsync(planId, new TaskQuery { Region = region }))
    {
        // A tracked task: the catalogue entry, its version, when it last changed and its latest report per region.
        var task = tracked.Task;
        tasks.Add(task);
        var latest = tracked.LatestProgress.Length == 0 ? "no progress yet" : string.Join(", ", tracked.LatestProgress.Select(static r => $"{r.Region?.ToString() ?? "whole delta"}: {r.Status}"));
        Console.WriteLine($"  {task.Code,-12} {task.Title.Get(LocalizedText.English)} ({latest})");
    }

    Console.WriteLine($"{tasks.Count} task(s).");
    if (tasks.Count == 0 || arguments.ApiKey is null)
    {
        Console.WriteLine(arguments.ApiKey is null ? "No --api-key given: not posting a progress update." : "Nothing to update.");
        return 0;
    }

    // A conditional write: read the task's ETag, then post naming it in If-Match. Had someone else written in
    // between, the server would answer 412 and the client would raise DeltaConflictException.
    var current = await client.GetTaskAsync(planId, tasks[0].Code);
    var report = new ProgressReport
    {
        Plan = planId,
        Task = current.Value.Task.Code,
        // A fixed date, not today: the server refuses reports dated in the future (DLT3007) and after the plan's end
        // (DLT3006, from 2027 for the 2024-2026 plan), so a date taken from the clock would stop working one day.
        ReportedOn = sampleReportDate,
        Status = ImplementationStatus.InProgress,
        Narrative = LocalizedText.Create(null, "Synthetic progress update posted by DeltaSdk.Samples.ApiClient."),
    };
    var stored = await client.PostProgressAsync(planId, current.Value.Task.Code, report, current.ETag);
    Console.WriteLine($"Posted progress for {stored.Value.Task}: {stored.Value.Status}, recorded at {stored.Value.RecordedAt}; the task's ETag is now {stored.ETag}.");
    return 0;
}
catch (DeltaTransportException exception)
{
    Console.Error.WriteLine($"Could not reach the Plan API at {server}: {exception.Message}");
    Console.Error.WriteLine("Is the server running? Start it with: dotnet run --project samples/DeltaSdk.Samples.PlanServer");
    return 1;
}
catch (DeltaConflictException exception)
{
    Console.Error.WriteLine($"Someone else updated the task first; read it again and retry. ({exception.Message})");
    return 1;
}
catch (DeltaApiException exception)
{
    Console.Error.WriteLine($"The Plan API refused: {exception.Message}");
    foreach (var diagnostic in exception.Diagnostics)
    {
        Console.Error.WriteLine($"  {diagnostic.Severity} {diagnostic.Code} at {diagnostic.Path}: {diagnostic.Message}");
    }

    return 1;
}

static async Task<PlanId> FirstPlanAsync(DeltaClient client)
{
    await foreach (var plan in client.ListPlansAsync())
    {
        return plan.Id;
    }

    throw new InvalidOperationException("The server holds no plan.");
}

static Arguments? ParseArguments(string[] args)
{
    var result = new Arguments();
    for (var i = 0; i < args.Length; i++)
    {
        if (i + 1 >= args.Length)
        {
            return null;
        }

        switch (args[i])
        {
            case "--server": result = result with { Server = args[++i] }; break;
            case "--region": result = result with { Region = args[++i] }; break;
            case "--plan": result = result with { Plan = args[++i] }; break;
            case "--api-key": result = result with { ApiKey = args[++i] }; break;
            default: return null;
        }
    }

    return result;
}

internal sealed record Arguments
{
    public string Server { get; init; } = "http://127.0.0.1:5080";

    public string Region { get; init; } = "310000";

    public string? Plan { get; init; }

    public string? ApiKey { get; init; }
}
