using System.Text.Json;
using DeltaSdk.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The first <see cref="IProblemDetailsWriter"/> of the server: writes every problem ASP.NET Core produces (status-code
/// pages, the exception handler, authentication challenges, the handlers' <see cref="ProblemResult"/>s) in the
/// <see cref="DeltaProblemDetails"/> wire shape, with the API's <c>code</c>, <c>type</c> URI, <c>requestId</c> and
/// <c>diagnostics</c>. It writes whatever the <c>Accept</c> header says: problem documents are the API's contract.
/// </summary>
internal sealed class DeltaProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var httpContext = context.HttpContext;
        var response = httpContext.Response;
        var status = context.ProblemDetails.Status ?? response.StatusCode;
        var code = context.ProblemDetails.Extensions.TryGetValue(ProblemResult.CodeKey, out var value) && value is string given
            ? given
            : ProblemCodes.ForStatus(status);
        var problem = new DeltaProblemDetails
        {
            Type = ProblemCodes.Type(code),
            Title = ProblemCodes.Title(code),
            Status = status,
            Detail = context.ProblemDetails.Detail ?? DefaultDetail(httpContext, status, code),
            Instance = httpContext.Request.Path.Value,
            Code = code,
            RequestId = RequestIds.Get(httpContext),
            Diagnostics = context.ProblemDetails.Extensions.TryGetValue(ProblemResult.DiagnosticsKey, out var diagnostics) && diagnostics is IEnumerable<ProblemDiagnostic> list
                ? [.. list]
                : [],
        };

        response.StatusCode = status;
        response.ContentType = ProblemResult.ContentType;
        response.Headers.CacheControl = "no-store";

        // The exception handler clears the response before it writes, so the request id is set again here.
        response.Headers[RequestIds.HeaderName] = problem.RequestId;
        return new ValueTask(JsonSerializer.SerializeAsync(response.Body, problem, ServerJson.TypeInfo<DeltaProblemDetails>(), httpContext.RequestAborted));
    }

    /// <summary>The detail of a problem that came with none: an empty-bodied error status or an unhandled exception.</summary>
    private static string DefaultDetail(HttpContext context, int status, string code) => status switch
    {
        StatusCodes.Status404NotFound => $"No resource at {context.Request.Path}.",
        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}."
            + (context.Response.Headers.Allow is { Count: > 0 } allow ? $" Allowed: {allow}." : string.Empty),
        StatusCodes.Status413PayloadTooLarge when context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            => RequestBodies.TooLarge(limit).Detail,
        >= 500 and not StatusCodes.Status503ServiceUnavailable => "The server failed to handle the request; quote the request id when reporting it.",
        _ => ProblemCodes.Title(code),
    };
}
