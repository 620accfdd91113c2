using DeltaSdk.Server.Storage;
using Microsoft.Extensions.Hosting;

namespace DeltaSdk.Server.Http;

/// <summary>Creates and seeds the store when the host starts, before the first request is served.</summary>
internal sealed class StoreInitializer(IPlanStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
