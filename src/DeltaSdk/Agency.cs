using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>An agency or body that issues a plan or leads or takes part in its tasks.</summary>
public sealed record Agency : ExtensibleRecord
{
    /// <summary>Gets the agency's identifier.</summary>
    public required AgencyId Id { get; init; }

    /// <summary>Gets the agency's names.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the region whose government the agency belongs to, when it belongs to one.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the sources of the agency's names and role.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note, for example its role in the plan.</summary>
    public string? Notes { get; init; }
}
