using DeltaSdk.Server;
using DeltaSdk.Server.Http;
using DeltaSdk.Server.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the Plan API's middleware to an application.</summary>
public static class DeltaPlanServerApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the middleware every Plan API response goes through: request ids (<c>X-Request-Id</c>), problem documents
    /// for errors, and, only when <see cref="DeltaServerOptions.EnableFaultInjection"/> is set, fault injection. Call it
    /// early, before other middleware that may fail.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application, for chaining.</returns>
    public static IApplicationBuilder UseDeltaPlanServer(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<ServerMiddleware>();
        if (app.ApplicationServices.GetRequiredService<IOptions<DeltaServerOptions>>().Value.EnableFaultInjection)
        {
            app.UseMiddleware<FaultInjectionMiddleware>();
        }

        return app;
    }
}
