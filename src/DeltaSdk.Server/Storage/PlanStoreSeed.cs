using System.Collections.Immutable;

namespace DeltaSdk.Server.Storage;

/// <summary>The data a store starts from when it is empty: plans (with their indicators), regions and observations.</summary>
public sealed record PlanStoreSeed
{
    /// <summary>Gets an empty seed.</summary>
    public static PlanStoreSeed Empty { get; } = new();

    /// <summary>Gets the plans.</summary>
    public ImmutableArray<Plan> Plans { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the regions and region groups.</summary>
    public RegionTable Regions { get; init; } = new();

    /// <summary>Gets the indicator observations.</summary>
    public ImmutableArray<Observation> Observations { get; init => field = value.IsDefault ? [] : value; } = [];
}
