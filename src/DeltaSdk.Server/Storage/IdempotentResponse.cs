namespace DeltaSdk.Server.Storage;

/// <summary>A response kept with an idempotency key so that a retry gets exactly the first response.</summary>
public sealed record IdempotentResponse
{
    /// <summary>Gets the HTTP status code.</summary>
    public required int StatusCode { get; init; }

    /// <summary>Gets the response body (JSON).</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the <c>Location</c> header, if any.</summary>
    public string? Location { get; init; }

    /// <summary>Gets the <c>ETag</c> header, if any.</summary>
    public string? ETag { get; init; }
}
