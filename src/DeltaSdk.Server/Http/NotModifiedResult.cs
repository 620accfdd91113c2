using Microsoft.AspNetCore.Http;

namespace DeltaSdk.Server.Http;

/// <summary>A 304 that repeats the current ETag, as RFC 9110 asks.</summary>
internal sealed class NotModifiedResult(string etag) : IResult
{
    public string ETag { get; } = etag;

    public Task ExecuteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        context.Response.Headers.ETag = ETag;
        return Task.CompletedTask;
    }
}
