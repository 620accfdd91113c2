using Microsoft.AspNetCore.Http;

namespace DeltaSdk.Server.Http;

/// <summary>A JSON response whose body is already serialized (so that its ETag can be computed and compared first).</summary>
internal sealed class JsonBytesResult(int status, ReadOnlyMemory<byte> body, string? etag, string? location = null) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public int Status { get; } = status;

    public ReadOnlyMemory<byte> Body { get; } = body;

    public string? ETag { get; } = etag;

    public string? Location { get; } = location;

    public bool Replayed { get; init; }

    /// <summary>The same response, marked as the replay of a write made before under the same idempotency key.</summary>
    public JsonBytesResult AsReplay() => new(Status, Body, ETag, Location) { Replayed = true };

    public async Task ExecuteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }

        await response.Body.WriteAsync(Body, context.RequestAborted).ConfigureAwait(false);
    }
}
