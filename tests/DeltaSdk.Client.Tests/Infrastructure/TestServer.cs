using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using DeltaSdk.Server.Tests.Support.Faults;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Client.Tests.Infrastructure;

/// <summary>
/// The reference server on Kestrel at 127.0.0.1 on a random port, seeded with <see cref="SyntheticData"/>, with
/// fault injection on and every response checked against the OpenAPI document (a violation fails the test when the
/// server is disposed); and real <see cref="DeltaClient"/>s wired through <c>AddDeltaClient</c> against it.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    /// <summary>A key that may write. Distinctive, so that a test can search logs for it.</summary>
    public const string WriterKey = "synthetic-writer-key-5f0c2a9e-do-not-log";

    /// <summary>A key that may only read.</summary>
    public const string ReaderKey = "synthetic-reader-key-81d3";

    private readonly List<ServiceProvider> _providers = [];

    private readonly IPlanStore _store;

    private readonly ContractViolations _contract;

    private TestServer(PlanServerHost host, IPlanStore store, FaultInjector faults, ContractViolations contract)
    {
        Host = host;
        _store = store;
        Faults = faults;
        _contract = contract;
    }

    public PlanServerHost Host { get; }

    public FaultInjector Faults { get; }

    public Uri BaseAddress => Host.BaseAddress;

    public static Task<TestServer> StartAsync() => StartAsync(new InMemoryPlanStore(SyntheticData.Seed()));

    public static async Task<TestServer> StartAsync(IPlanStore store)
    {
        var faults = new FaultInjector();
        var contract = new ContractViolations();
        var host = await PlanServerHost.StartAsync(
            store,
            static options =>
            {
                options.ApiKeys.Add(new ApiKeyOptions { Key = WriterKey, CanWrite = true });
                options.ApiKeys.Add(new ApiKeyOptions { Key = ReaderKey, CanWrite = false });
            },
            builder =>
            {
                builder.Services.AddSingleton(contract);
                builder.Services.AddSingleton<IStartupFilter, ResponseContractMiddleware.StartupFilter>();
            },
            configureApp: faults.Install);
        return new TestServer(host, store, faults, contract);
    }

    /// <summary>Creates a client through the DI registration, as an application would.</summary>
    public DeltaClient CreateClient(Action<DeltaClientOptions>? configure = null, ILoggerProvider? logs = null, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                builder.AddProvider(logs);
            }
        });
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddDeltaClient(options =>
        {
            options.BaseAddress = BaseAddress;
            options.ApiKey = WriterKey;

            // Short waits keep the retry tests quick; the tests that need longer ones say so.
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.MaxRetryDelay = TimeSpan.FromSeconds(5);
            configure?.Invoke(options);
        });
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<DeltaClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Host.DisposeAsync();
        if (_store is IAsyncDisposable disposable)
        {
            // Releases the SQLite file, so that a restart can open it again.
            await disposable.DisposeAsync();
        }

        _contract.ThrowIfAny();
    }
}
