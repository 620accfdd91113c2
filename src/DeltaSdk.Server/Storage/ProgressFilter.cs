using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>Which progress reports of a plan a progress query returns, and in which order; unset members do not filter.</summary>
/// <remarks>
/// With <see cref="Task"/> set and no <see cref="UpdatedSince"/>, reports come in a task's order (by
/// <see cref="ProgressReport.ReportedOn"/>, then in recording order); otherwise in change order (the store's change
/// sequence), so that a reader paging after the last change it saw misses nothing and repeats nothing while writes go on.
/// </remarks>
public sealed record ProgressFilter
{
    /// <summary>Gets the task whose reports to return, or <see langword="null"/> for every task of the plan.</summary>
    public TaskCode? Task { get; init; }

    /// <summary>Gets the instant the reports must have been recorded strictly after.</summary>
    public Instant? UpdatedSince { get; init; }

    /// <summary>Gets the instant the reports must have been recorded at or before: the history as it was known then.</summary>
    public Instant? AsOf { get; init; }

    /// <summary>Gets whether the query returns reports in change order rather than in a task's order.</summary>
    public bool InChangeOrder => Task is null || UpdatedSince is not null;
}
