using System.Collections.Immutable;

namespace DeltaSdk.Client;

/// <summary>The progress roll-up of a plan (<c>GET /v1/plans/{planId}/summary</c>): declared against catalogued tasks, tasks by latest status, mean percent complete, per aspect.</summary>
public sealed record PlanProgressSummary
{
    /// <summary>Gets the plan.</summary>
    public required PlanId Plan { get; init; }

    /// <summary>Gets the number of key tasks the plan declares, when it declares one.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets the number of key tasks the server holds for the plan.</summary>
    public required int CataloguedTaskCount { get; init; }

    /// <summary>Gets the number of tasks with at least one progress report.</summary>
    public required int ReportedTaskCount { get; init; }

    /// <summary>Gets the tasks by the status of their latest report.</summary>
    public required StatusCounts TasksByStatus { get; init; }

    /// <summary>Gets the mean of the latest reports' percent complete, over the tasks that estimate one.</summary>
    public double? PercentCompleteMean { get; init; }

    /// <summary>Gets the roll-up per aspect, in plan order.</summary>
    public ImmutableArray<AspectProgressSummary> Aspects { get; init => field = value.IsDefault ? [] : value; } = [];
}
