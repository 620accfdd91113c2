namespace DeltaSdk.Server.Storage;

/// <summary>The result of a store write.</summary>
public sealed record WriteResult
{
    /// <summary>Gets how the write ended.</summary>
    public required WriteOutcome Outcome { get; init; }

    /// <summary>Gets the response to send, for <see cref="WriteOutcome.Written"/> and <see cref="WriteOutcome.Replayed"/>.</summary>
    public IdempotentResponse? Response { get; init; }

    /// <summary>Gets the current version of the target, for <see cref="WriteOutcome.VersionMismatch"/>.</summary>
    public long? CurrentVersion { get; init; }
}
