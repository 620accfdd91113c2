namespace DeltaSdk.Client;

/// <summary>Filters and page size for listing a plan's key tasks; every filter left <see langword="null"/> matches all.</summary>
public sealed record TaskQuery
{
    /// <summary>Gets the aspect the tasks belong to.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets a region: the server keeps the tasks that name it, a region above or below it (a province finds its cities' tasks), or a region group holding one of those.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the implementation status of the tasks' latest progress report.</summary>
    public ImplementationStatus? Status { get; init; }

    /// <summary>Gets keywords: the server keeps the tasks that contain every one in their code, title, summary or tags.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Gets an instant: the server keeps the tasks whose last change was recorded after it, in the order of those changes
    /// (instead of plan order), so that paging while others write misses no change. Pass the largest
    /// <see cref="DeltaSdk.Api.TrackedTask.UpdatedAt"/> seen by the previous run to get what changed since.
    /// </summary>
    public NodaTime.Instant? UpdatedSince { get; init; }

    /// <summary>Gets an instant: the tasks' latest progress as it was recorded at that instant (reports recorded later do not count).</summary>
    public NodaTime.Instant? AsOf { get; init; }

    /// <summary>Gets the number of tasks per page, 1 to <see cref="DeltaClient.MaxPageSize"/>; <see langword="null"/> for the server's default (50).</summary>
    public int? PageSize { get; init; }
}
