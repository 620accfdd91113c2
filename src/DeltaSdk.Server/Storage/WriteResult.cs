namespace DeltaSdk.Server.Storage;

/// <summary>The result of a store write: how it ended and, when it was made or replayed, what it made.</summary>
/// <typeparam name="T">What the write makes: <see cref="AppendedProgress"/> or an observation count.</typeparam>
public sealed record WriteResult<T>
    where T : class
{
    /// <summary>Gets how the write ended.</summary>
    public required WriteOutcome Outcome { get; init; }

    /// <summary>
    /// Gets what the write made, for <see cref="WriteOutcome.Written"/>, and what the first write with the same idempotency
    /// key made, for <see cref="WriteOutcome.Replayed"/>: the same value both times, so that a retry is answered alike.
    /// </summary>
    public T? Value { get; init; }

    /// <summary>Gets the current version of the target, for <see cref="WriteOutcome.VersionMismatch"/>.</summary>
    public long? CurrentVersion { get; init; }

    internal static WriteResult<T> NotFound { get; } = new() { Outcome = WriteOutcome.NotFound };

    internal static WriteResult<T> KeyReused { get; } = new() { Outcome = WriteOutcome.IdempotencyKeyReused };

    internal static WriteResult<T> Conflicted { get; } = new() { Outcome = WriteOutcome.Conflict };

    internal static WriteResult<T> Written(T value) => new() { Outcome = WriteOutcome.Written, Value = value };

    internal static WriteResult<T> Replayed(T value) => new() { Outcome = WriteOutcome.Replayed, Value = value };

    internal static WriteResult<T> Mismatch(long currentVersion) => new() { Outcome = WriteOutcome.VersionMismatch, CurrentVersion = currentVersion };
}
