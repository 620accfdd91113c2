using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace DeltaSdk.Server.Tests.Support;

/// <summary>
/// Checks every response of a test server against the OpenAPI document (<see cref="OpenApiContract"/>): by the matched
/// endpoint's route pattern, the method, the status and the content type. It wraps the whole pipeline, so it sees what
/// the client receives, whichever client a test uses (the test's HttpClient, raw sockets, the SDK's client). The body
/// is copied as it is written and still streams to the client unchanged. Violations go to <see cref="ContractViolations"/>.
/// </summary>
internal sealed class ResponseContractMiddleware(RequestDelegate next, ContractViolations violations)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var tee = new ResponseBodyTee(original);
        context.Response.Body = tee;
        var teeFeature = context.Features.Get<IHttpResponseBodyFeature>();
        bool swappedOut;
        try
        {
            await next(context);
        }
        finally
        {
            swappedOut = !ReferenceEquals(teeFeature, context.Features.Get<IHttpResponseBodyFeature>());
            context.Response.Body = original;
        }

        // A dropped connection (a client time-out, an injected fault) has no response to check, and an injected status is
        // not the server's answer. An inner middleware that swapped the body out for good (the fault injector's abort
        // after handling) kept the response from the client too.
        if (context.RequestAborted.IsCancellationRequested || swappedOut
            || context.Items.ContainsKey(Faults.FaultInjectionMiddleware.InjectedItemKey)
            || context.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern })
        {
            return;
        }

        violations.CountChecked();
        try
        {
            var mediaType = context.Response.ContentType is { } contentType ? contentType.Split(';')[0].Trim() : null;
            var bodyExpected = !HttpMethods.IsHead(context.Request.Method);
            if (OpenApiContract.Check(OpenApiContract.PathOf(pattern), context.Request.Method, context.Response.StatusCode, mediaType, tee.Copied, bodyExpected) is { } violation)
            {
                violations.Add($"{violation} [request {context.Request.Path}{context.Request.QueryString}]");
            }
        }
        catch (Exception error)
        {
            violations.Add($"{context.Request.Method} {pattern}: the contract check failed: {error}");
        }
    }

    /// <summary>Puts the middleware in front of everything else the server has.</summary>
    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<ResponseContractMiddleware>();
            next(app);
        };
    }
}
