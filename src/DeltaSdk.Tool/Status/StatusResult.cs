using System.Collections.Immutable;
using DeltaSdk.Analytics;
using NodaTime;

namespace DeltaSdk.Tool.Status;

/// <summary>What <c>delta status</c> computed, with where it came from, for the tables.</summary>
internal sealed record StatusResult
{
    /// <summary>Gets the plan and region table.</summary>
    public required PlanIndex Index { get; init; }

    /// <summary>Gets the date of the figures.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Gets the region the figures are limited to, or <see langword="null"/> for the whole delta.</summary>
    public Region? Region { get; init; }

    /// <summary>Gets the roll-up, when progress reports were given.</summary>
    public ProgressSummary? Progress { get; init; }

    /// <summary>Gets the progress file as typed.</summary>
    public string? ProgressFile { get; init; }

    /// <summary>Gets the number of reports read from it.</summary>
    public int ReportCount { get; init; }

    /// <summary>Gets the indicator statuses, when observations were given.</summary>
    public ImmutableArray<IndicatorStatus> IndicatorStatuses { get; init; } = [];

    /// <summary>Gets the observation file as typed.</summary>
    public string? ObservationsFile { get; init; }

    /// <summary>Gets the number of observations read from it.</summary>
    public int ObservationCount { get; init; }
}
