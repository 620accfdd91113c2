using System.Collections.Immutable;

namespace DeltaSdk.Client;

/// <summary>An aspect of a plan as listed by <c>GET /v1/plans/{planId}/aspects</c>: without its tasks, with their count.</summary>
public sealed record AspectSummary
{
    /// <summary>Gets the aspect's identifier.</summary>
    public required AspectId Id { get; init; }

    /// <summary>Gets the aspect's position in the plan, from 1.</summary>
    public required int Ordinal { get; init; }

    /// <summary>Gets the aspect's name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets the number of key tasks the plan declares for the aspect, when it declares one.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets the number of key tasks the server holds for the aspect.</summary>
    public required int CataloguedTaskCount { get; init; }

    /// <summary>Gets the sources that describe the aspect.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note.</summary>
    public string? Notes { get; init; }
}
