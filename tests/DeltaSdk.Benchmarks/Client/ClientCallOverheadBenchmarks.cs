using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DeltaSdk.Client;
using DeltaSdk.Serialization;
using DeltaSdk.Server;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaSdk.Benchmarks.Client;

/// <summary>
/// What <see cref="DeltaClient"/> costs per call over what a careful hand-written <see cref="HttpClient"/> +
/// System.Text.Json call costs, against the same in-process loopback server: one task, and one page of 50 tasks.
/// The client runs with its full pipeline (retry handler, per-attempt and overall limits, logging, a span) and its
/// response cache off, so both sides move the same bytes; <c>GetTask_DeltaClient_Revalidated</c> shows the cache on.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/DeltaSdk.Benchmarks -- --filter *Client* --job short</c>.</remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ClientCallOverheadBenchmarks
{
    private static readonly string TaskPath = $"v1/plans/{ClientBenchmarkServer.PlanId}/tasks/{ClientBenchmarkServer.TaskCode}";
    private static readonly string PagePath = $"v1/plans/{ClientBenchmarkServer.PlanId}/tasks?pageSize=50";
    private static readonly TaskQuery PageQuery = new() { PageSize = 50 };

    private readonly JsonTypeInfo<DeltaSdk.Api.TrackedTask> _taskInfo = (JsonTypeInfo<DeltaSdk.Api.TrackedTask>)DeltaSdk.Api.ApiJson.Options.GetTypeInfo(typeof(DeltaSdk.Api.TrackedTask));
    private PlanServerHost _server = null!;
    private HttpClient _http = null!;
    private ServiceProvider _services = null!;
    private ServiceProvider _cachingServices = null!;
    private DeltaClient _client = null!;
    private DeltaClient _cachingClient = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _server = await ClientBenchmarkServer.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = _server.BaseAddress };
        _services = CreateServices(_server.BaseAddress, cacheCapacity: 0);
        _cachingServices = CreateServices(_server.BaseAddress, cacheCapacity: 16);
        _client = _services.GetRequiredService<DeltaClient>();
        _cachingClient = _cachingServices.GetRequiredService<DeltaClient>();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
        await _cachingServices.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("GetTask")]
    public async Task<DeltaSdk.Api.TrackedTask> GetTask_HandWritten()
    {
        using var response = await _http.GetAsync(TaskPath);
        response.EnsureSuccessStatusCode();
        _ = response.Headers.ETag;
        return (await response.Content.ReadFromJsonAsync(_taskInfo))!;
    }

    [Benchmark]
    [BenchmarkCategory("GetTask")]
    public async Task<DeltaSdk.Api.TrackedTask> GetTask_DeltaClient() => (await _client.GetTaskAsync(ClientBenchmarkServer.PlanId, ClientBenchmarkServer.TaskCode)).Value;

    [Benchmark]
    [BenchmarkCategory("GetTask")]
    public async Task<DeltaSdk.Api.TrackedTask> GetTask_DeltaClient_Revalidated() => (await _cachingClient.GetTaskAsync(ClientBenchmarkServer.PlanId, ClientBenchmarkServer.TaskCode)).Value;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("TaskPage")]
    public async Task<int> TaskPage_HandWritten()
    {
        using var response = await _http.GetAsync(PagePath);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return ReadPage(body, out _).Length;
    }

    [Benchmark]
    [BenchmarkCategory("TaskPage")]
    public async Task<int> TaskPage_DeltaClient() => (await _client.GetTasksPageAsync(ClientBenchmarkServer.PlanId, PageQuery)).Items.Length;

    private static ServiceProvider CreateServices(Uri baseAddress, int cacheCapacity)
    {
        var collection = new ServiceCollection();
        collection.AddDeltaClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.ResponseCacheCapacity = cacheCapacity;
        });
        return collection.BuildServiceProvider();
    }

    /// <summary>The envelope read by hand, as a careful caller would: find <c>items</c> and <c>nextPageToken</c>, skip the rest.</summary>
    private ImmutableArray<DeltaSdk.Api.TrackedTask> ReadPage(byte[] body, out string? nextPageToken)
    {
        var reader = new Utf8JsonReader(body);
        var items = ImmutableArray<DeltaSdk.Api.TrackedTask>.Empty;
        nextPageToken = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                var builder = ImmutableArray.CreateBuilder<DeltaSdk.Api.TrackedTask>();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    builder.Add(JsonSerializer.Deserialize(ref reader, _taskInfo)!);
                }

                items = builder.ToImmutable();
            }
            else if (reader.ValueTextEquals("nextPageToken"u8))
            {
                reader.Read();
                nextPageToken = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return items;
    }
}
