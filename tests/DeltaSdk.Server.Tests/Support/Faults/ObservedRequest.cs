namespace DeltaSdk.Server.Tests.Support.Faults;

/// <summary>A request the server received while a <see cref="FaultInjector"/> was installed: what a client test needs to check retries.</summary>
public sealed record ObservedRequest
{
    /// <summary>Gets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request path, without the query.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the query string, with its leading '?', or an empty string.</summary>
    public required string Query { get; init; }

    /// <summary>Gets the <c>Idempotency-Key</c> header, if sent.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Gets the <c>If-Match</c> header, if sent.</summary>
    public string? IfMatch { get; init; }

    /// <summary>Gets the <c>X-Request-Id</c> header the client sent, if any.</summary>
    public string? ClientRequestId { get; init; }

    /// <summary>Gets a value indicating whether an <c>X-Api-Key</c> header was sent (its value is never kept).</summary>
    public bool HasApiKey { get; init; }

    /// <summary>Gets when the request arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
