namespace DeltaSdk.Api;

/// <summary>The progress roll-up of one aspect, or of the tasks whose aspect is unknown, within a <see cref="PlanProgressSummary"/>.</summary>
public sealed record AspectProgressSummary
{
    /// <summary>Gets the aspect, or <see langword="null"/> for the catalogued tasks whose aspect no source states.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets the aspect's name; <see langword="null"/> for the unassigned tasks.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Gets how many key tasks the plan declares for the aspect, when known.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets how many of its tasks are catalogued.</summary>
    public required int CataloguedTaskCount { get; init; }

    /// <summary>Gets the tasks by the status of their latest report.</summary>
    public required StatusCounts TasksByStatus { get; init; }

    /// <summary>
    /// Gets the mean of the tasks' latest percent complete, over the tasks that have a report, or
    /// <see langword="null"/> when none has (see <see cref="PlanProgressSummary.PercentCompleteMean"/> for the rule).
    /// </summary>
    public double? PercentCompleteMean { get; init; }
}
