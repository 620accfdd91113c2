namespace DeltaSdk.Server.Storage;

/// <summary>How a store write ended.</summary>
public enum WriteOutcome
{
    /// <summary>The write was made.</summary>
    Written,

    /// <summary>The idempotency key was seen before with the same request: nothing was written and the first write's result is returned.</summary>
    Replayed,

    /// <summary>The target (plan, task or indicator) does not exist.</summary>
    NotFound,

    /// <summary>The expected version is not the current one: another writer came first.</summary>
    VersionMismatch,

    /// <summary>The idempotency key was seen before with a different request.</summary>
    IdempotencyKeyReused,

    /// <summary>The write would break what stored data relies on: a plan write removing a task that has progress reports.</summary>
    Conflict,
}
