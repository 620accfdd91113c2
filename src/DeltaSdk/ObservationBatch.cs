using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A batch of indicator observations: one document of the canonical format.</summary>
public sealed record ObservationBatch : ExtensibleRecord
{
    /// <summary>Gets the plan the observations belong to, when the batch names one.</summary>
    public PlanId? Plan { get; init; }

    /// <summary>Gets the observations.</summary>
    public ImmutableArray<Observation> Observations { get; init => field = value.IsDefault ? [] : value; } = [];
}
