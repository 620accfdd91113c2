using System.Collections.Immutable;

namespace DeltaSdk.Server.Storage;

/// <summary>Which tasks of a plan a task query returns; unset members do not filter.</summary>
public sealed record TaskFilter
{
    /// <summary>Gets a filter that keeps every task.</summary>
    public static TaskFilter All { get; } = new();

    /// <summary>Gets the aspect the tasks must belong to.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>
    /// Gets the regions of which a task must name at least one, or it must name one of <see cref="RegionGroups"/>;
    /// <see langword="null"/> when the query has no region filter.
    /// </summary>
    public ImmutableArray<RegionCode>? Regions { get; init; }

    /// <summary>Gets the region groups that also satisfy the region filter; used only with <see cref="Regions"/>.</summary>
    public ImmutableArray<RegionGroupId> RegionGroups { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the status the task's latest progress report must have.</summary>
    public ImplementationStatus? Status { get; init; }

    /// <summary>
    /// Gets the keywords a task must all contain, case-insensitively, in its code, title, summary (in any language) or tags.
    /// </summary>
    public ImmutableArray<string> Keywords { get; init => field = value.IsDefault ? [] : value; } = [];
}
