using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>One task's state in a roll-up: its figure across the reporting regions in scope and its weight.</summary>
public sealed record TaskProgress
{
    /// <summary>Gets the task.</summary>
    public required TaskCode Task { get; init; }

    /// <summary>Gets the aspect the plan lists the task under, or <see langword="null"/> for an unassigned task.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets the task's weight in the plan-level figure (weights of the tasks in scope add up to 1).</summary>
    public required double Weight { get; init; }

    /// <summary>Gets how many regions in scope had reported on it by the as-of date (a whole-delta report counts as one).</summary>
    public required int ReportingRegions { get; init; }

    /// <summary>Gets the mean of the reporting regions' figures, 0 to 100, or <see langword="null"/> when none has a figure.</summary>
    public double? PercentComplete { get; init; }

    /// <summary>Gets a value indicating whether every reporting region in scope reports it completed (false without reports).</summary>
    public required bool Completed { get; init; }

    /// <summary>Gets the date of the most recent report in scope, when there is one.</summary>
    public LocalDate? LatestReportOn { get; init; }
}
