using NodaTime;

namespace DeltaSdk.Client;

/// <summary>Filters and page size for listing an indicator's observations; every filter left <see langword="null"/> matches all.</summary>
public sealed record ObservationQuery
{
    /// <summary>Gets the region the observations are of.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the region group the observations are of.</summary>
    public RegionGroupId? RegionGroup { get; init; }

    /// <summary>Gets the earliest period: observations of periods that start before it starts are left out.</summary>
    public ReportingPeriod? From { get; init; }

    /// <summary>Gets the latest period: observations of periods that end after it ends are left out.</summary>
    public ReportingPeriod? To { get; init; }

    /// <summary>
    /// Gets the instant to read the observations as of: each one's value as the server had recorded it at that instant
    /// (its latest revision recorded at or before it), instead of its current value. Observations first recorded later
    /// are left out.
    /// </summary>
    public Instant? AsOf { get; init; }

    /// <summary>
    /// Gets the instant after which revisions were recorded: the list then holds every revision recorded strictly after
    /// it, in the order they were recorded (see <see cref="DeltaClient.ListObservationChangesAsync"/>), instead of the
    /// current values in period order.
    /// </summary>
    public Instant? UpdatedSince { get; init; }

    /// <summary>Gets the number of observations per page, 1 to <see cref="DeltaClient.MaxPageSize"/>; <see langword="null"/> for the server's default.</summary>
    public int? PageSize { get; init; }
}
