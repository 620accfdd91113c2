namespace DeltaSdk.Client;

/// <summary>The progress roll-up of one aspect (or of the tasks assigned to none) within a <see cref="PlanProgressSummary"/>.</summary>
public sealed record AspectProgressSummary
{
    /// <summary>Gets the aspect, or <see langword="null"/> for the tasks that belong to no aspect.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets the aspect's name, when there is an aspect.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Gets the number of key tasks the plan declares for the aspect, when it declares one.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets the number of key tasks the server holds for the aspect.</summary>
    public required int CataloguedTaskCount { get; init; }

    /// <summary>Gets the tasks by the status of their latest report.</summary>
    public required StatusCounts TasksByStatus { get; init; }

    /// <summary>Gets the mean of the latest reports' percent complete, over the tasks that estimate one.</summary>
    public double? PercentCompleteMean { get; init; }
}
