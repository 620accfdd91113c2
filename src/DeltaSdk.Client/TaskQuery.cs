namespace DeltaSdk.Client;

/// <summary>Filters and page size for listing a plan's key tasks; every filter left <see langword="null"/> matches all.</summary>
public sealed record TaskQuery
{
    /// <summary>Gets the aspect the tasks belong to.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets a region: the server keeps the tasks that name it, an ancestor of it, or a region group holding either.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the implementation status of the tasks' latest progress report.</summary>
    public ImplementationStatus? Status { get; init; }

    /// <summary>Gets keywords: the server keeps the tasks that contain every one in their code, title, summary or tags.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the number of tasks per page, 1 to <see cref="DeltaClient.MaxPageSize"/>; <see langword="null"/> for the server's default (50).</summary>
    public int? PageSize { get; init; }
}
