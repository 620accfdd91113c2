using System.Globalization;
using DeltaSdk.Server.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server.Testing;

/// <summary>Applies the faults armed in <see cref="FaultInjector"/>; added to the pipeline only when fault injection is enabled.</summary>
internal sealed partial class FaultInjectionMiddleware(RequestDelegate next, FaultInjector injector, ILogger<FaultInjectionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (injector.Take(context.Request) is not { } fault)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        LogFault(logger, fault.Kind, context.Request.Method, context.Request.Path.Value);
        switch (fault.Kind)
        {
            case FaultKind.Fail:
                var problem = new ProblemResult(fault.StatusCode, ProblemCodes.ForStatus(fault.StatusCode), "Injected fault (testing aid).");
                if (fault.RetryAfter is { } retryAfter)
                {
                    problem.Headers["Retry-After"] = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await problem.ExecuteAsync(context).ConfigureAwait(false);
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
