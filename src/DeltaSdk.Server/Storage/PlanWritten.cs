using DeltaSdk.Changes;

namespace DeltaSdk.Server.Storage;

/// <summary>What a catalogue write did: the plan's new revision and the changes it made.</summary>
public sealed record PlanWritten
{
    /// <summary>Gets the plan as stored after the write; the same revision as before when the document did not change.</summary>
    public required StoredPlan Plan { get; init; }

    /// <summary>Gets the changes from the previous revision to this one (empty when the document did not change).</summary>
    public required ChangeSet Changes { get; init; }

    /// <summary>Gets the version of <see cref="PlanPrecondition.Task"/> after the write, when the precondition named one.</summary>
    public long? TaskVersion { get; init; }
}
