using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>The <c>Idempotency-Key</c> of a write and the fingerprint of the request it came with.</summary>
public sealed record IdempotencyRequest
{
    /// <summary>Gets the key, scoped by the caller (for example prefixed with the operation).</summary>
    public required string Key { get; init; }

    /// <summary>Gets a digest of the request (method, path and body): the same key with another fingerprint is a misuse.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>Gets when the request arrived.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>Gets how long keys are remembered: a key kept longer before <see cref="ReceivedAt"/> counts as unseen.</summary>
    public required Duration Lifetime { get; init; }
}
