using System.Net;
using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Benchmarks.Server;

/// <summary>
/// Requests per second for one page of 50 tasks from the Plan API server, in process on Kestrel over loopback HTTP,
/// against a baseline: a bare Kestrel endpoint that returns the same page's bytes from memory (the floor that
/// HTTP and Kestrel alone cost). Each invocation sends <see cref="RequestsPerInvoke"/> requests, one at a time or
/// from <see cref="Concurrency"/> concurrent callers; the mean is per request, so requests/s = 10^9 / mean (ns).
/// </summary>
[MemoryDiagnoser]
public class ServerTaskPageBenchmarks
{
    public const int RequestsPerInvoke = 16;
    private const int TaskCount = 500;
    private const string PagePath = "v1/plans/synthetic-benchmark-plan/tasks?pageSize=50";

    private PlanServerHost _memory = null!;
    private PlanServerHost _sqlite = null!;
    private SqlitePlanStore _sqliteStore = null!;
    private WebApplication _baseline = null!;
    private HttpClient _memoryClient = null!;
    private HttpClient _sqliteClient = null!;
    private HttpClient _baselineClient = null!;
    private EntityTagHeaderValue _etag = null!;
    private string _databaseFolder = null!;

    /// <summary>Gets or sets how many requests are in flight at once.</summary>
    [Params(1, 8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var seed = ServerBenchmarkData.Seed(TaskCount);
        _memory = await PlanServerHost.StartAsync(new InMemoryPlanStore(seed));
        _databaseFolder = Path.Combine(Path.GetTempPath(), "deltasdk-bench-" + Guid.NewGuid().ToString("N"));
        _sqliteStore = new SqlitePlanStore(Path.Combine(_databaseFolder, "bench.db"), seed);
        _sqlite = await PlanServerHost.StartAsync(_sqliteStore);
        _memoryClient = Client(_memory.BaseAddress);
        _sqliteClient = Client(_sqlite.BaseAddress);

        using var first = await _memoryClient.GetAsync(PagePath);
        first.EnsureSuccessStatusCode();
        _etag = first.Headers.ETag!;
        var page = await first.Content.ReadAsByteArrayAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(static k => k.Listen(IPAddress.Loopback, 0));
        _baseline = builder.Build();
        _baseline.MapGet("/v1/plans/synthetic-benchmark-plan/tasks", () => Results.Bytes(page, "application/json"));
        await _baseline.StartAsync();
        var address = _baseline.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baselineClient = Client(new Uri(address + "/"));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _memoryClient.Dispose();
        _sqliteClient.Dispose();
        _baselineClient.Dispose();
        await _memory.DisposeAsync();
        await _sqlite.DisposeAsync();
        await _sqliteStore.DisposeAsync();
        await _baseline.DisposeAsync();
        Directory.Delete(_databaseFolder, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RequestsPerInvoke)]
    public Task StaticBytesBaseline() => RunAsync(_baselineClient, null);

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task InMemoryStore() => RunAsync(_memoryClient, null);

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task SqliteStore() => RunAsync(_sqliteClient, null);

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public Task InMemoryStoreNotModified() => RunAsync(_memoryClient, _etag);

    private static HttpClient Client(Uri baseAddress)
        => new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseAddress };

    private Task RunAsync(HttpClient client, EntityTagHeaderValue? etag)
        => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(worker => WorkerAsync(client, etag, RequestsPerInvoke / Concurrency)));

    private static async Task WorkerAsync(HttpClient client, EntityTagHeaderValue? etag, int requests)
    {
        for (var i = 0; i < requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, PagePath);
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotModified))
            {
                throw new InvalidOperationException($"The server answered {(int)response.StatusCode}.");
            }
        }
    }
}
