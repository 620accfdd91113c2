using System.Collections.Immutable;

namespace DeltaSdk.Api;

/// <summary>The progress roll-up of a plan (<c>GET /v1/plans/{planId}/summary</c>): declared against catalogued tasks, tasks by latest status, mean completion, per aspect.</summary>
public sealed record PlanProgressSummary
{
    /// <summary>Gets the plan.</summary>
    public required PlanId Plan { get; init; }

    /// <summary>Gets how many key tasks the plan declares, when known.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets how many key tasks are catalogued.</summary>
    public required int CataloguedTaskCount { get; init; }

    /// <summary>Gets how many catalogued tasks have at least one progress report.</summary>
    public required int ReportedTaskCount { get; init; }

    /// <summary>Gets the catalogued tasks by the status of their latest report.</summary>
    public required StatusCounts TasksByStatus { get; init; }

    /// <summary>
    /// Gets the mean percent complete over the tasks that have a report, or <see langword="null"/> when none has.
    /// A task's value is its latest report's <see cref="ProgressReport.PercentComplete"/>; a report without one
    /// counts 100 when completed, 0 when not started, and leaves the task out otherwise.
    /// </summary>
    public double? PercentCompleteMean { get; init; }

    /// <summary>Gets the roll-up per aspect in plan order, then the unassigned tasks when there are any.</summary>
    public ImmutableArray<AspectProgressSummary> Aspects { get; init => field = value.IsDefault ? [] : value; } = [];
}
