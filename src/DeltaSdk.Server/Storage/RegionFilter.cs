namespace DeltaSdk.Server.Storage;

/// <summary>Which regions a region query returns; unset members do not filter.</summary>
public sealed record RegionFilter
{
    /// <summary>Gets the administrative level the regions must have.</summary>
    public RegionLevel? Level { get; init; }

    /// <summary>Gets the parent the regions must have.</summary>
    public RegionCode? Parent { get; init; }
}
