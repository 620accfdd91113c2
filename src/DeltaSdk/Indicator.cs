using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A measure of a plan's progress: what is measured, in which unit, which way is better, and the targets.</summary>
public sealed record Indicator : ExtensibleRecord
{
    /// <summary>Gets the indicator's identifier.</summary>
    public required IndicatorId Id { get; init; }

    /// <summary>Gets the indicator's names.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the unit of its values (see <see cref="IndicatorUnits"/> for the common ones).</summary>
    public required string Unit { get; init; }

    /// <summary>Gets which way values improve.</summary>
    public IndicatorDirection Direction { get; init; } = IndicatorDirection.HigherIsBetter;

    /// <summary>Gets how values for several regions combine.</summary>
    public AggregationRule Aggregation { get; init; } = AggregationRule.Sum;

    /// <summary>Gets the value the plan starts from, when known.</summary>
    public IndicatorValue? Baseline { get; init; }

    /// <summary>Gets the targets by period.</summary>
    public ImmutableArray<IndicatorTarget> Targets { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the sources of the definition.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note.</summary>
    public string? Notes { get; init; }
}
