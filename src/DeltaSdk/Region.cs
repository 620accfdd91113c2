using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>An administrative region identified by its GB/T 2260 code.</summary>
public sealed record Region : ExtensibleRecord
{
    /// <summary>Gets the region's code.</summary>
    public required RegionCode Code { get; init; }

    /// <summary>Gets the region's names. English names are not unique (two cities are "Suzhou"): key on <see cref="Code"/>.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the region's administrative kind.</summary>
    public required RegionLevel Level { get; init; }

    /// <summary>Gets the region that contains this one in the table, or <see langword="null"/> at the top.</summary>
    /// <remarks>Districts of a municipality name the municipality itself: the nominal 市辖区 level is left out.</remarks>
    public RegionCode? Parent { get; init; }

    /// <summary>Gets the sources of the code and names.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];
}
