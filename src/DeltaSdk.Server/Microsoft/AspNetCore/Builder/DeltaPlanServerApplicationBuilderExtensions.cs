using DeltaSdk.Server.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds the Plan API's middleware to an application.</summary>
public static class DeltaPlanServerApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the middleware every Plan API response goes through: request ids (<c>X-Request-Id</c>), ASP.NET Core's
    /// exception handler and status-code pages (so every error, an unknown route or a wrong method included, is a
    /// problem document), then authentication and authorization (the API key of the writes). Call it early, before
    /// other middleware that may fail, and before <c>MapDeltaPlanApi()</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The same application, for chaining.</returns>
    public static IApplicationBuilder UseDeltaPlanServer(this IApplicationBuilder app) => app.UseDeltaPlanServer(inner: null);

    /// <summary>Adds the server's middleware with <paramref name="inner"/> (a host's own middleware) inside the outer layer and ahead of authentication.</summary>
    internal static IApplicationBuilder UseDeltaPlanServer(this IApplicationBuilder app, Action<IApplicationBuilder>? inner)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        inner?.Invoke(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
