namespace DeltaSdk.Client;

/// <summary>Filters and page size for listing a plan's key tasks; every filter left <see langword="null"/> matches all.</summary>
public sealed record TaskQuery
{
    /// <summary>The default page size of the server: 50.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size the server accepts: 200.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Gets the aspect the tasks belong to.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets a region the tasks name (a province also matches the tasks that name its cities and districts, as the server decides).</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the implementation status of the tasks' latest progress report.</summary>
    public ImplementationStatus? Status { get; init; }

    /// <summary>Gets words to search for in the tasks' titles, summaries and tags.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the number of tasks per page, 1 to <see cref="MaxPageSize"/>; <see langword="null"/> for the server's default.</summary>
    public int? PageSize { get; init; }
}
