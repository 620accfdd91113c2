using DeltaSdk.Server.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Plan API's endpoints.</summary>
public static class DeltaPlanApiEndpointRouteBuilderExtensions
{
    /// <summary>The path of the OpenAPI document the server serves.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Maps the Plan API v1 under <c>/v1</c> and its OpenAPI document at <see cref="OpenApiPath"/>.</summary>
    /// <param name="endpoints">The route builder (usually the <see cref="WebApplication"/>).</param>
    /// <returns>A builder for the <c>/v1</c> group, to add conventions such as rate limiting.</returns>
    public static IEndpointConventionBuilder MapDeltaPlanApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapOpenApi(OpenApiPath);
        return PlanApiEndpoints.Map(endpoints);
    }
}
