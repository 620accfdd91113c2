using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>
/// A document of the canonical format (<c>analysis.schema.json</c>) carrying analytics results, so that a dashboard
/// in any language can read them: a progress roll-up, indicator statuses, or both.
/// </summary>
public sealed record AnalysisDocument
{
    /// <summary>Gets the plan the results are about, when they are about one.</summary>
    public PlanId? Plan { get; init; }

    /// <summary>Gets the date the results are as of.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Gets the progress roll-up, when the document carries one.</summary>
    public ProgressSummary? Progress { get; init; }

    /// <summary>Gets the indicator statuses the document carries.</summary>
    public ImmutableArray<IndicatorStatus> IndicatorStatuses { get; init => field = value.IsDefault ? [] : value; } = [];
}
