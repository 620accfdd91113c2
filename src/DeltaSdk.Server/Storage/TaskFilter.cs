using System.Collections.Immutable;

namespace DeltaSdk.Server.Storage;

/// <summary>Which tasks of a plan a task query returns; unset members do not filter.</summary>
public sealed record TaskFilter
{
    /// <summary>Gets a filter that keeps every task.</summary>
    public static TaskFilter All { get; } = new();

    /// <summary>Gets the aspect the tasks must belong to.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>
    /// Gets the tasks a task must be one of, or <see langword="null"/> for no such restriction. The region filter of
    /// the API resolves to this set (<see cref="PlanIndex.TasksForRegion"/>).
    /// </summary>
    public ImmutableArray<TaskCode>? Codes { get; init; }

    /// <summary>Gets the status the task's latest progress report must have.</summary>
    public ImplementationStatus? Status { get; init; }

    /// <summary>
    /// Gets the keywords a task must all contain, case-insensitively, in its code, title, summary (in any language) or tags.
    /// </summary>
    public ImmutableArray<string> Keywords { get; init => field = value.IsDefault ? [] : value; } = [];
}
