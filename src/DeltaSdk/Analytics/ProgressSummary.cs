using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>
/// A roll-up of task progress, task → aspect → plan, for a region (or the whole delta) as of a date, with what it
/// stands on: tasks in scope, tasks reported, coverage, how unreported tasks were counted, the weights and the method.
/// </summary>
/// <remarks>
/// Read <see cref="ProgressFigure.PercentComplete"/> together with <see cref="ProgressFigure.Coverage"/>: with one
/// report of 40% among 100 tasks the plan is 0.4% done by the default treatment (unreported tasks count as 0%),
/// and 40% is only <see cref="ProgressFigure.PercentCompleteOfReported"/>. A partial catalogue
/// (<see cref="CatalogueCompleteness"/>) also means the scope is what is catalogued, not what the plan declares.
/// </remarks>
public sealed record ProgressSummary
{
    /// <summary>Gets the plan.</summary>
    public required PlanId Plan { get; init; }

    /// <summary>Gets the date the roll-up is as of: reports dated later are not used.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Gets the region the roll-up is for (its reports and those of the regions within it), or <see langword="null"/> for the whole delta.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the aspect the roll-up is limited to, when it is.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets the method and its version.</summary>
    public required AnalyticsMethodology Methodology { get; init; }

    /// <summary>Gets how tasks without a figure were counted.</summary>
    public required UnreportedTaskTreatment UnreportedTasks { get; init; }

    /// <summary>Gets the weighting, in words a reader can check: every task in scope the same weight, every reporting region within a task the same weight.</summary>
    public required string Weighting { get; init; }

    /// <summary>Gets the plan's declared task count, when stated: a scope smaller than it means a partial catalogue, not unreported work.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets whether the plan's catalogue lists every task.</summary>
    public required CatalogueCompleteness CatalogueCompleteness { get; init; }

    /// <summary>Gets the figure over the whole scope.</summary>
    public required ProgressFigure Overall { get; init; }

    /// <summary>Gets the figure of each aspect with tasks in scope, in plan order (unassigned tasks last).</summary>
    public ImmutableArray<AspectProgress> Aspects { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets each task in scope, in plan order.</summary>
    public ImmutableArray<TaskProgress> Tasks { get; init => field = value.IsDefault ? [] : value; } = [];
}
