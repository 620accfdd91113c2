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
}
