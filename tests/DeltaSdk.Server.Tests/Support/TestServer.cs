using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server.Tests.Support;

/// <summary>
/// A running <see cref="PlanServerHost"/> over real loopback HTTP, with an HTTP client and captured logs. Every response
/// it sends is checked against the OpenAPI document (<see cref="ResponseContractMiddleware"/>); disposing it fails the
/// test if one broke the contract.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string WriteKey = "synthetic-write-key-0123456789";
    public const string ReadKey = "synthetic-read-key-0123456789";

    private TestServer(PlanServerHost host, CapturingLoggerProvider logs, ContractViolations contract)
    {
        Host = host;
        Logs = logs;
        Contract = contract;
        Http = host.CreateClient();
    }

    public PlanServerHost Host { get; }

    public HttpClient Http { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>The responses so far that broke the OpenAPI contract.</summary>
    public ContractViolations Contract { get; }

    public static async Task<TestServer> StartAsync(IPlanStore? store = null, Action<DeltaServerOptions>? configure = null, Action<IServiceCollection>? services = null, Action<IApplicationBuilder>? app = null)
    {
        var logs = new CapturingLoggerProvider();
        var contract = new ContractViolations();
        var host = await PlanServerHost.StartAsync(
            store ?? new InMemoryPlanStore(SyntheticPlanData.Seed()),
            options =>
            {
                options.ApiKeys.Add(new ApiKeyOptions { Key = WriteKey, CanWrite = true });
                options.ApiKeys.Add(new ApiKeyOptions { Key = ReadKey, CanWrite = false });
                configure?.Invoke(options);
            },
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                builder.Logging.AddProvider(logs);
                builder.Services.AddSingleton(contract);
                builder.Services.AddSingleton<IStartupFilter, ResponseContractMiddleware.StartupFilter>();
                services?.Invoke(builder.Services);
            },
            app);
        return new TestServer(host, logs, contract);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(ProgressReport report) => Json(JsonSerializer.Serialize(report, DeltaJson.Options));

    public Task<string> TaskETagAsync(TaskCode code) => ETagOfAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{code}");

    public Task<HttpResponseMessage> PostProgressAsync(ProgressReport report, string? etag, string? key = WriteKey, string? idempotencyKey = null, string? path = null)
        => SendWriteAsync(HttpMethod.Post, path ?? $"v1/plans/{report.Plan}/tasks/{report.Task}/progress", Json(report), etag, key, idempotencyKey);

    /// <summary>Gets the indicator's ETag: the version an observation write names in If-Match.</summary>
    public Task<string> IndicatorETagAsync(IndicatorId? indicator = null) => ETagOfAsync($"v1/indicators/{indicator ?? SyntheticPlanData.Indicator}");

    /// <summary>Posts an observation batch document with the given If-Match (none when null) and idempotency key.</summary>
    public Task<HttpResponseMessage> PostObservationsAsync(string json, string? etag, string? idempotencyKey = null, string? key = WriteKey, IndicatorId? indicator = null)
        => SendWriteAsync(HttpMethod.Post, $"v1/indicators/{indicator ?? SyntheticPlanData.Indicator}/observations", Json(json), etag, key, idempotencyKey);

    private async Task<string> ETagOfAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag!.ToString();
    }

    /// <summary>Sends a body with the headers of a write (If-Match, API key, Idempotency-Key), each left out when null.</summary>
    public async Task<HttpResponseMessage> SendWriteAsync(HttpMethod method, string path, HttpContent content, string? etag, string? key = WriteKey, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.StartsWith("https://", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), problem.GetProperty("requestId").GetString());
        Assert.Equal(response.RequestMessage!.RequestUri!.AbsolutePath, problem.GetProperty("instance").GetString());
        return problem;
    }

    public static void IfNoneMatch(HttpRequestMessage request, EntityTagHeaderValue etag) => request.Headers.IfNoneMatch.Add(etag);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        Contract.ThrowIfAny();
    }
}
