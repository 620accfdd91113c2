using System.Collections.Immutable;

namespace DeltaSdk.Api;

/// <summary>An aspect of a plan as listed by <c>GET /v1/plans/{planId}/aspects</c>: without its tasks, with their count.</summary>
public sealed record AspectSummary
{
    /// <summary>Gets the aspect's identifier.</summary>
    public required AspectId Id { get; init; }

    /// <summary>Gets the aspect's position in the plan, from 1.</summary>
    public required int Ordinal { get; init; }

    /// <summary>Gets the aspect's name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets how many key tasks the plan declares for this aspect, when a source states it.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets how many of the aspect's key tasks are catalogued.</summary>
    public required int CataloguedTaskCount { get; init; }

    /// <summary>Gets the sources of the name and count.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note.</summary>
    public string? Notes { get; init; }

    /// <summary>Summarizes an aspect.</summary>
    /// <param name="aspect">The aspect.</param>
    /// <returns>The summary.</returns>
    public static AspectSummary From(Aspect aspect)
    {
        ArgumentNullException.ThrowIfNull(aspect);
        return new AspectSummary
        {
            Id = aspect.Id,
            Ordinal = aspect.Ordinal,
            Name = aspect.Name,
            DeclaredTaskCount = aspect.DeclaredTaskCount,
            CataloguedTaskCount = aspect.Tasks.Length,
            Sources = aspect.Sources,
            Notes = aspect.Notes,
        };
    }
}
