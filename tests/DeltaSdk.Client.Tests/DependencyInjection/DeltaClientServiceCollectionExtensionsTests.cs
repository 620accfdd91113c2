using System.Net;
using DeltaSdk.Client.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeltaSdk.Client.Tests.DependencyInjection;

/// <summary>The DI registration: idempotent, bound from configuration, validated at start-up, secrets kept out of logs.</summary>
public sealed class DeltaClientServiceCollectionExtensionsTests : IAsyncLifetime
{
    private static readonly PlanId Plan = SyntheticData.PlanId;
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Registering_twice_builds_one_client_with_one_pipeline()
    {
        var services = new ServiceCollection();
        services.AddDeltaClient(o => o.BaseAddress = _server.BaseAddress);
        services.AddDeltaClient(o =>
        {
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        await using var provider = services.BuildServiceProvider();
        _server.Faults.FailNext("/v1/plans", 5, 503);

        var client = provider.GetRequiredService<DeltaClient>();
        await Assert.ThrowsAsync<DeltaApiException>(() => client.ListPlansAsync().ToListAsync().AsTask());

        Assert.Single(services, d => d.ServiceType == typeof(DeltaClient));
        Assert.Same(client, provider.GetRequiredService<DeltaClient>());

        // One retry handler, configured by both calls: MaxRetries 1 means two attempts, not four.
        Assert.Equal(2, _server.Faults.CountRequests("/v1/plans", "GET"));
    }

    [Fact]
    public async Task Options_are_bound_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DeltaClient:BaseAddress"] = _server.BaseAddress.ToString(),
                ["DeltaClient:ApiKey"] = TestServer.ReaderKey,
                ["DeltaClient:MaxRetries"] = "0",
                ["DeltaClient:AttemptTimeout"] = "00:00:05",
                ["DeltaClient:ResponseCacheCapacity"] = "7",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddDeltaClient(configuration.GetSection("DeltaClient"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<DeltaClientOptions>>().Value;
        var client = provider.GetRequiredService<DeltaClient>();
        _server.Faults.FailNext("/v1/plans", 1, 503);
        var error = await Assert.ThrowsAsync<DeltaApiException>(() => client.ListPlansAsync().ToListAsync().AsTask());

        Assert.Equal(_server.BaseAddress, options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(7, options.ResponseCacheCapacity);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(1, _server.Faults.CountRequests("/v1/plans", "GET"));
        Assert.All(_server.Faults.Requests, r => Assert.True(r.HasApiKey));
    }

    [Fact]
    public void Invalid_options_fail_start_up_validation_naming_each_setting()
    {
        var services = new ServiceCollection();
        services.AddDeltaClient(o =>
        {
            o.BaseAddress = new Uri("/relative", UriKind.Relative);
            o.MaxRetries = 99;
            o.AttemptTimeout = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        // What a host runs at start-up for ValidateOnStart.
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("BaseAddress", StringComparison.Ordinal) && f.Contains("absolute", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxRetries is 99", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("AttemptTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_base_address_fails_start_up_validation()
    {
        var services = new ServiceCollection();
        services.AddDeltaClient(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains("BaseAddress is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_API_key_never_appears_in_the_logs_at_any_level()
    {
        var logs = new CapturingLoggerProvider();
        var client = _server.CreateClient(logs: logs);
        var code = SyntheticData.TaskCode(3, 3);

        // Reads, a retried read, a write, a refused write, a dropped connection and an error body: every path that logs.
        var read = await client.GetTaskAsync(Plan, code);
        _server.Faults.FailNext("/v1/plans", 1, 503);
        await client.ListPlansAsync().ToListAsync();
        var stored = await client.PostProgressAsync(Plan, code, SyntheticData.Report(code), read.ETag);
        var conflict = await Assert.ThrowsAsync<DeltaConflictException>(() => client.PostProgressAsync(Plan, code, SyntheticData.Report(code), read.ETag));
        _server.Faults.AbortNext("/v1/regions", 1);
        await client.ListRegionsAsync().ToListAsync();
        Assert.NotNull(stored.Value.RecordedAt);

        var dump = logs.Dump();
        Assert.DoesNotContain(TestServer.WriterKey, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServer.WriterKey, conflict.ToString(), StringComparison.Ordinal);

        // The logs are not empty of what matters: the client's own lines, and HttpClient's header lists at Trace
        // level, which name the header but not its value.
        Assert.Contains(logs.Entries, e => e.Category == typeof(DeltaClient).FullName && e.Message.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Category == typeof(DeltaClient).FullName && e.Message.Contains("PostProgress", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace && e.Message.Contains("X-Api-Key", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 8)]
    public async Task The_standard_resilience_handler_takes_the_place_of_the_client_s_own(bool removeOurs, int expectedAttempts)
    {
        // Ours would make 4 attempts (3 retries), the standard handler 2 (1 retry): nested, 2 × 4 = 8 reach the server;
        // with ours removed, exactly the standard handler's 2.
        var services = new ServiceCollection();
        var builder = services.AddDeltaClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.MaxRetries = 3;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        });
        if (removeOurs)
        {
            builder.RemoveDeltaResilienceHandler();
        }

        builder.AddStandardResilienceHandler(o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.Delay = TimeSpan.FromMilliseconds(10);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DeltaClient>();
        var path = $"/v1/plans/{Plan}/tasks/";
        _server.Faults.FailNext(path, 20, 503);

        var error = await Assert.ThrowsAsync<DeltaApiException>(() => client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 1)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(expectedAttempts, _server.Faults.CountRequests(path, "GET"));
    }

    [Fact]
    public async Task With_the_standard_handler_in_place_a_read_recovers_and_a_post_keeps_its_idempotency_key()
    {
        var services = new ServiceCollection();
        services.AddDeltaClient(o =>
            {
                o.BaseAddress = _server.BaseAddress;
                o.ApiKey = TestServer.WriterKey;
            })
            .RemoveDeltaResilienceHandler()
            .AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(10));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<DeltaClient>();
        var code = SyntheticData.TaskCode(2, 4);
        var taskPath = $"/v1/plans/{Plan}/tasks/{code}";
        _server.Faults.FailNext(taskPath, 1, 503);

        var read = await client.GetTaskAsync(Plan, code);
        _server.Faults.AbortNext(taskPath + "/progress", 1, afterHandling: true, method: "POST");
        await client.PostProgressAsync(Plan, code, SyntheticData.Report(code), read.ETag);

        Assert.Equal(2, _server.Faults.CountRequests(taskPath, "GET"));
        var posts = _server.Faults.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].IdempotencyKey, posts[1].IdempotencyKey);
        Assert.Single(await client.ListProgressAsync(Plan, code).ToListAsync());
    }
}
