using DeltaSdk.Server.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DeltaSdk.Server.Http;

/// <summary>The readiness check: the store answers a query (for SQL stores, a round trip to the database).</summary>
internal sealed class PlanStoreHealthCheck(IPlanStore store) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The response says only "Unhealthy"; the exception goes to the health check log, never to the caller.
            return HealthCheckResult.Unhealthy("The store did not answer.", exception);
        }
    }
}
