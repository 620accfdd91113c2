using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Api;

/// <summary>
/// A key task as the Plan API tracks it (<c>GET /v1/plans/{planId}/tasks</c> and <c>…/tasks/{code}</c>): the catalogue
/// entry, the version its ETag derives from, when it last changed, and its latest progress report per region.
/// </summary>
/// <remarks>
/// The catalogue entry is nested as <see cref="Task"/> rather than flattened, so that it stays exactly the canonical
/// <see cref="KeyTask"/> of the plan document and the tracking state can never collide with a member it gains later.
/// </remarks>
public sealed record TrackedTask
{
    /// <summary>Gets the task's catalogue entry, as in the plan document.</summary>
    public required KeyTask Task { get; init; }

    /// <summary>
    /// Gets the task's version: 1 at first, one more for each change recorded for it. Its ETag derives from it, and a
    /// progress write names it in <c>If-Match</c>. Always the current version, also in a read <c>asOf</c> an earlier instant.
    /// </summary>
    public required long Version { get; init; }

    /// <summary>
    /// Gets when the task last changed: when its most recently recorded progress report was recorded (as known at the
    /// read's <c>asOf</c>, when it has one), or <see langword="null"/> when no report has been recorded for it.
    /// </summary>
    public Instant? UpdatedAt { get; init; }

    /// <summary>
    /// Gets the task's latest progress report per region: one per region code, and one for the reports that name no
    /// region (they speak for the whole delta), ordered by region code with the region-less one first. The latest of a
    /// region is the one with the latest <c>reportedOn</c>, then the latest recorded.
    /// </summary>
    public ImmutableArray<ProgressReport> LatestProgress { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Compares the task, version, change time and latest reports (element by element).</summary>
    /// <param name="other">The other tracked task.</param>
    /// <returns>Whether both say the same.</returns>
    public bool Equals(TrackedTask? other)
        => other is not null
            && Task == other.Task
            && Version == other.Version
            && UpdatedAt == other.UpdatedAt
            && LatestProgress.SequenceEqual(other.LatestProgress);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Task, Version, UpdatedAt, LatestProgress.Length);
}
