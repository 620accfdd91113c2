using NodaTime;

namespace DeltaSdk.Client;

/// <summary>Which progress reports to list and the page size; every member left <see langword="null"/> keeps all.</summary>
public sealed record ProgressQuery
{
    /// <summary>
    /// Gets an instant: the server keeps the reports recorded after it, in the order they were recorded, so that paging
    /// while others post misses none and repeats none. Pass the largest <see cref="ProgressReport.RecordedAt"/> the
    /// previous run saw (its high-water mark) to get exactly what was recorded since.
    /// </summary>
    public Instant? UpdatedSince { get; init; }

    /// <summary>Gets an instant: only the reports recorded at or before it, the history as it was known then.</summary>
    public Instant? AsOf { get; init; }

    /// <summary>Gets the number of reports per page, 1 to <see cref="DeltaClient.MaxPageSize"/>; <see langword="null"/> for the server's default (50).</summary>
    public int? PageSize { get; init; }
}
