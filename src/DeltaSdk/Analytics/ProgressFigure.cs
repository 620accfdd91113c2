namespace DeltaSdk.Analytics;

/// <summary>One roll-up figure (for a plan, or an aspect) and what it stands on.</summary>
public sealed record ProgressFigure
{
    /// <summary>Gets the number of catalogued tasks in scope (the region, the aspect).</summary>
    public required int TasksInScope { get; init; }

    /// <summary>Gets how many of them had at least one report in scope by the as-of date.</summary>
    public required int TasksReported { get; init; }

    /// <summary>Gets how many of them have a figure: a percentage, or a status that implies one (completed, not started).</summary>
    public required int TasksWithFigure { get; init; }

    /// <summary>Gets how many of them are completed in every reporting region.</summary>
    public required int TasksCompleted { get; init; }

    /// <summary>Gets <see cref="TasksWithFigure"/> / <see cref="TasksInScope"/>, 0 to 1 (0 for an empty scope).</summary>
    public required double Coverage { get; init; }

    /// <summary>
    /// Gets the weighted share done, 0 to 100, with tasks without a figure counted as the summary's
    /// <see cref="ProgressSummary.UnreportedTasks"/> says; <see langword="null"/> when nothing can be said (an empty scope,
    /// or no figure while they are excluded).
    /// </summary>
    public double? PercentComplete { get; init; }

    /// <summary>Gets the mean over the tasks with a figure only, 0 to 100: how far the reported tasks are, not the scope.</summary>
    public double? PercentCompleteOfReported { get; init; }
}
