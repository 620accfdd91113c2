namespace DeltaSdk.Server.Storage;

/// <summary>
/// What a catalogue write expects to find, checked in the write's transaction: the plan at a revision and, for a write
/// of one task, that task at a version (or absent).
/// </summary>
public sealed record PlanPrecondition
{
    /// <summary>Gets the plan revision the writer last read; another one makes the write a <see cref="WriteOutcome.VersionMismatch"/>.</summary>
    public required long Revision { get; init; }

    /// <summary>Gets the task whose version is checked too, if any.</summary>
    public TaskCode? Task { get; init; }

    /// <summary>
    /// Gets the version <see cref="Task"/> must be at: 0 for a task that must not exist yet. Checked before the revision,
    /// so a mismatch names the task's current version when the task is what moved.
    /// </summary>
    public long TaskVersion { get; init; }
}
