using System.Collections.Immutable;
using NodaTime;

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

    /// <summary>
    /// Gets the instant a task's last change must have been recorded strictly after. When set, tasks come in change
    /// order (by the sequence of their last change) instead of plan order, and a continuation is that sequence, so that
    /// paging while writes go on misses no change: a task that changes again while the reader pages comes again later.
    /// </summary>
    public Instant? UpdatedSince { get; init; }

    /// <summary>
    /// Gets the instant up to which changes count (recorded at or before it) when <see cref="UpdatedSince"/> is set: the
    /// tasks that changed between the two instants, each at its last change up to this one.
    /// </summary>
    public Instant? AsOf { get; init; }
}
