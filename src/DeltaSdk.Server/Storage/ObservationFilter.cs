using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>Which observations of an indicator a query returns; unset members do not filter.</summary>
public sealed record ObservationFilter
{
    /// <summary>Gets the region the observations must be for.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the region group the observations must be for.</summary>
    public RegionGroupId? RegionGroup { get; init; }

    /// <summary>Gets the earliest period: an observation's period must start on or after this period's start.</summary>
    public ReportingPeriod? From { get; init; }

    /// <summary>Gets the latest period: an observation's period must end on or before this period's end.</summary>
    public ReportingPeriod? To { get; init; }

    /// <summary>
    /// Gets the instant to read the observations as of: each observation's latest revision recorded at or before it,
    /// in period order, instead of its current one. Observations first recorded after it are left out.
    /// </summary>
    public Instant? AsOf { get; init; }

    /// <summary>
    /// Gets the instant after which revisions were recorded: the query then returns every revision recorded strictly
    /// after it (and at or before <see cref="AsOf"/> when that is set too), in change order (the store-wide sequence,
    /// then period order within one write), and its continuation is that position, so that paging while writes continue
    /// misses nothing and repeats nothing.
    /// </summary>
    public Instant? UpdatedSince { get; init; }
}
