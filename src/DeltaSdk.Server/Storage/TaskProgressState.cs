using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>What a task's progress reports say, as a store computes it for a task response: its latest report per region and when it last changed.</summary>
public sealed record TaskProgressState
{
    /// <summary>Gets the state of a task without reports.</summary>
    public static TaskProgressState None { get; } = new();

    /// <summary>
    /// Gets the latest report per region: one per region code and one for the reports naming no region, ordered by region
    /// code with the region-less one first. The latest is the one with the latest <see cref="ProgressReport.ReportedOn"/>, then the latest recorded.
    /// </summary>
    public ImmutableArray<ProgressReport> LatestByRegion { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets when the task's most recently recorded report was recorded, or <see langword="null"/> when it has none.</summary>
    public Instant? UpdatedAt { get; init; }

    /// <summary>Orders a task's latest reports per region as <see cref="LatestByRegion"/> lists them.</summary>
    /// <param name="latest">The latest report of each region.</param>
    /// <param name="updatedAt">When the task last changed.</param>
    /// <returns>The state.</returns>
    internal static TaskProgressState From(IEnumerable<ProgressReport> latest, Instant? updatedAt) => new()
    {
        LatestByRegion = [.. latest.OrderBy(static r => r.Region is null ? 0 : 1).ThenBy(static r => r.Region?.ToString(), StringComparer.Ordinal)],
        UpdatedAt = updatedAt,
    };
}
