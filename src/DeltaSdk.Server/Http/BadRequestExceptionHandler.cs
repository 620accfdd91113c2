using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Answers the <see cref="BadHttpRequestException"/>s that reach ASP.NET Core's exception handler (a body over the limit,
/// a malformed request, a parameter that does not bind) with their own 4xx status and a problem that says why, rather
/// than a 500. Every other exception is left to the exception handler's 500 problem, whose detail never carries it.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        LogBadRequest(logger, badRequest.StatusCode, badRequest.Message);
        var problem = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? RequestBodies.TooLarge(httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0)
            : new ProblemResult(badRequest.StatusCode, ProblemCodes.ForStatus(badRequest.StatusCode), badRequest.Message);
        await problem.ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Refused a bad request ({Status}): {Reason}")]
    private static partial void LogBadRequest(ILogger logger, int status, string reason);
}
