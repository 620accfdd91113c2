using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>A plan document as stored: one of its revisions, with its number and when it was recorded.</summary>
public sealed record StoredPlan
{
    /// <summary>Gets the plan document of this revision.</summary>
    public required Plan Plan { get; init; }

    /// <summary>Gets the revision number: 1 for the seeded document, one more for each catalogue write after it. The plan's ETag derives from it.</summary>
    public required long Revision { get; init; }

    /// <summary>Gets when the revision was recorded (the store's change clock).</summary>
    public required Instant RecordedAt { get; init; }
}
