using DeltaSdk.Server.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Plan API's endpoints.</summary>
public static class DeltaPlanApiEndpointRouteBuilderExtensions
{
    /// <summary>The path of the OpenAPI document the server serves.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>The path of the liveness probe: 200 while the process serves requests; it touches nothing else.</summary>
    public const string LivenessPath = "/healthz/live";

    /// <summary>The path of the readiness probe: 200 when the store answers a query (a database round trip), else 503.</summary>
    public const string ReadinessPath = "/healthz/ready";

    /// <summary>
    /// Maps the Plan API v1 under <c>/v1</c>, its OpenAPI document at <see cref="OpenApiPath"/> and the health probes at
    /// <see cref="LivenessPath"/> and <see cref="ReadinessPath"/>.
    /// </summary>
    /// <param name="endpoints">The route builder (usually the <see cref="WebApplication"/>).</param>
    /// <returns>A builder for the <c>/v1</c> group, to add conventions such as rate limiting.</returns>
    public static IEndpointConventionBuilder MapDeltaPlanApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi(OpenApiPath);
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = static _ => false });
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = static check => check.Tags.Contains(PlanStoreHealthCheck.ReadyTag) });
        return PlanApiEndpoints.Map(endpoints);
    }
}
