using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The outermost layer of the API: gives every response an <c>X-Request-Id</c>, turns exceptions and body-less
/// error statuses (unknown route, wrong method, Kestrel's own refusals) into problem documents.
/// </summary>
internal sealed partial class ServerMiddleware(RequestDelegate next, ILogger<ServerMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = RequestIds.Assign(context);
        using var scope = logger.BeginScope(new KeyValuePair<string, object>[] { new("RequestId", requestId) });
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Kestrel's refusals: an oversized body (413), a malformed request, a parameter that does not bind.
            LogBadRequest(logger, exception.StatusCode, exception.Message);
            await WriteProblemAsync(context, exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? RequestBodies.TooLarge(context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0)
                : new ProblemResult(exception.StatusCode, ProblemCodes.ForStatus(exception.StatusCode), exception.Message)).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
            return;
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path.Value);
            await WriteProblemAsync(context, new ProblemResult(StatusCodes.Status500InternalServerError, ProblemCodes.InternalError, "The server failed to handle the request; quote the request id when reporting it.")).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            var status = response.StatusCode;
            var detail = status switch
            {
                StatusCodes.Status404NotFound => $"No resource at {context.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
                _ => ProblemCodes.Title(ProblemCodes.ForStatus(status)),
            };
            // Nothing was written, so the headers set so far (Allow, Retry-After, X-Request-Id) stay.
            await new ProblemResult(status, ProblemCodes.ForStatus(status), detail).ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    private static Task WriteProblemAsync(HttpContext context, ProblemResult problem)
    {
        var requestId = RequestIds.Get(context);
        context.Response.Clear();
        context.Response.Headers[RequestIds.HeaderName] = requestId;
        return problem.ExecuteAsync(context);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Refused a bad request ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Path}.")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string? path);
}
