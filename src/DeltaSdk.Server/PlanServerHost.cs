using System.Net;
using DeltaSdk.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server;

/// <summary>
/// Runs the Plan API in-process on Kestrel at 127.0.0.1 on a free port: for tests, benchmarks and samples that
/// need a real server over real HTTP. Start it with <see cref="StartAsync"/>; dispose it to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var host = await PlanServerHost.StartAsync(new InMemoryPlanStore(seed), o => o.ApiKeys.Add(new() { Key = key, CanWrite = true }));
/// using var http = new HttpClient { BaseAddress = host.BaseAddress };
/// </code>
/// </example>
public sealed class PlanServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlanServerHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets the server's base address, for example <c>http://127.0.0.1:49152/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the server's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Gets the store the server uses.</summary>
    public IPlanStore Store => _app.Services.GetRequiredService<IPlanStore>();

    /// <summary>Starts a server over <paramref name="store"/>.</summary>
    /// <param name="store">The store; the host initializes it but does not dispose it.</param>
    /// <param name="configureOptions">Sets the server options (API keys, page sizes, limits).</param>
    /// <param name="configureBuilder">
    /// Adjusts the application builder before it is built, for example to add a logging provider (the host clears
    /// the default ones so that tests stay quiet) or to replace a service such as the clock.
    /// </param>
    /// <param name="configureApp">
    /// Adds middleware to the request pipeline, for example a test's fault injector or request recorder. It runs inside
    /// the server's outer layer (so its responses get an <c>X-Request-Id</c>, and an empty-bodied error status it sets
    /// becomes a problem document) and ahead of authentication and the endpoints (so it sees every request).
    /// </param>
    /// <param name="cancellationToken">A token to cancel the start.</param>
    /// <returns>The running host.</returns>
    public static async Task<PlanServerHost> StartAsync(
        IPlanStore store,
        Action<DeltaServerOptions>? configureOptions = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        Action<IApplicationBuilder>? configureApp = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PlanServerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        builder.WebHost.ConfigureKestrel(static kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(store);
        builder.Services.AddDeltaPlanServer(configureOptions);
        configureBuilder?.Invoke(builder);

        var app = builder.Build();
        app.UseDeltaPlanServer(configureApp);
        app.MapDeltaPlanApi();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PlanServerHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Creates an <see cref="HttpClient"/> addressed at the server; the caller disposes it.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Stops the server and releases it.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
