namespace DeltaSdk.Analytics;

/// <summary>The roll-up of one aspect's tasks.</summary>
public sealed record AspectProgress
{
    /// <summary>Gets the aspect, or <see langword="null"/> for the plan's unassigned tasks.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets the aspect's ordinal in the plan, when it is an aspect.</summary>
    public int? Ordinal { get; init; }

    /// <summary>Gets the aspect's declared task count, when the plan states it (the catalogue may hold fewer).</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets the figure.</summary>
    public required ProgressFigure Progress { get; init; }
}
