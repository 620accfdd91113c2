using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server.Tests.Support.Faults;

/// <summary>Applies the faults armed in a <see cref="FaultInjector"/>; <see cref="FaultInjector.Install"/> adds it to a test server.</summary>
internal sealed partial class FaultInjectionMiddleware(RequestDelegate next, FaultInjector injector, ILogger<FaultInjectionMiddleware> logger)
{
    /// <summary>The <see cref="HttpContext.Items"/> key that marks a request whose answer a fault replaced.</summary>
    public const string InjectedItemKey = "DeltaSdk.Tests.InjectedFault";

    public async Task InvokeAsync(HttpContext context)
    {
        if (injector.Take(context.Request) is not { } fault)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        LogFault(logger, fault.Kind, context.Request.Method, context.Request.Path.Value);
        if (fault.Kind is FaultKind.Fail or FaultKind.Abort)
        {
            // The status or the dropped connection is the test's invention, not the server's answer: the OpenAPI
            // response check (ResponseContractMiddleware) leaves such a request alone.
            context.Items[InjectedItemKey] = fault.Kind;
        }

        switch (fault.Kind)
        {
            case FaultKind.Fail:
                // An empty-bodied error status: the server's own status-code handling writes the problem document
                // around it, as it does for any other body-less error, and keeps the Retry-After header.
                context.Response.StatusCode = fault.StatusCode;
                if (fault.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                break;

            case FaultKind.Delay:
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
                await next(context).ConfigureAwait(false);
                break;

            case FaultKind.Abort:
                context.Abort();
                break;

            case FaultKind.AbortAfterHandling:
                // Keep the response in memory so that nothing reaches the client before the connection drops.
                var buffer = new MemoryStream();
                await using (buffer.ConfigureAwait(false))
                {
                    context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
                    await next(context).ConfigureAwait(false);
                    context.Abort();
                }

                break;
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Injecting fault {Kind} into {Method} {Path} (testing aid).")]
    private static partial void LogFault(ILogger logger, FaultKind kind, string method, string? path);
}
