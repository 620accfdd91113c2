using NodaTime;

namespace DeltaSdk.Api;

/// <summary>
/// One revision of a plan document as the Plan API lists it: its number, when it was recorded, and how much it changed
/// against the revision before it (counted from the <see cref="Changes.ChangeSet"/> of the two documents).
/// </summary>
public sealed record PlanRevisionSummary
{
    /// <summary>Gets the plan.</summary>
    public required PlanId Plan { get; init; }

    /// <summary>Gets the revision number: 1 for the document the store was seeded with, one more for each write after it.</summary>
    public required long Revision { get; init; }

    /// <summary>Gets when the revision was recorded (the store's change clock, to the microsecond).</summary>
    public required Instant RecordedAt { get; init; }

    /// <summary>Gets how many entities (tasks, aspects, indicators, agencies, ...) the revision added.</summary>
    public required int Added { get; init; }

    /// <summary>Gets how many entities the revision removed.</summary>
    public required int Removed { get; init; }

    /// <summary>Gets how many members of entities the revision changed, moved tasks included.</summary>
    public required int Changed { get; init; }

    /// <summary>Gets how many declared or catalogued counts the revision moved.</summary>
    public required int CountsChanged { get; init; }
}
