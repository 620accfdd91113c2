namespace DeltaSdk.Client;

/// <summary>Filters and page size for listing regions; every filter left <see langword="null"/> matches all.</summary>
public sealed record RegionQuery
{
    /// <summary>Gets the level of the regions, for example <see cref="RegionLevel.City"/>.</summary>
    public RegionLevel? Level { get; init; }

    /// <summary>Gets the region whose direct children to list.</summary>
    public RegionCode? Parent { get; init; }

    /// <summary>Gets the number of regions per page, 1 to <see cref="DeltaClient.MaxPageSize"/>; <see langword="null"/> for the server's default.</summary>
    public int? PageSize { get; init; }
}
