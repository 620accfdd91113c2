namespace DeltaSdk.Validation;

/// <summary>A task and where it is listed: under an aspect (<see cref="AspectIndex"/> ≥ 0) or among the unassigned tasks.</summary>
internal readonly record struct TaskLocation(KeyTask Task, int AspectIndex, int TaskIndex)
{
    public EntityPath Path => AspectIndex >= 0
        ? new EntityPath("$.aspects[{0}].tasks[{1}]", AspectIndex, TaskIndex)
        : new EntityPath("$.unassignedTasks[{1}]", 0, TaskIndex);
}
