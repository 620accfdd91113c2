using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>A write kept with its idempotency key: the request's fingerprint, when it came, and the domain result it had.</summary>
/// <param name="Fingerprint">The digest of the first request.</param>
/// <param name="CreatedAt">When the first request arrived.</param>
/// <param name="Result">What the write made (<see cref="AppendedProgress"/> or an observation count).</param>
internal sealed record RememberedWrite(string Fingerprint, Instant CreatedAt, object Result);
