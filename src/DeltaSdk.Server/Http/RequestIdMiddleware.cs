using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The outermost layer of the API: gives every response an <c>X-Request-Id</c> and every log entry of the request a
/// <c>RequestId</c> scope. Problems are written by ASP.NET Core's exception handler and status-code pages inside it.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestIds.Assign(context);
        using var scope = logger.BeginScope(new KeyValuePair<string, object>[] { new("RequestId", requestId) });
        await next(context).ConfigureAwait(false);
    }
}
