using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>One aspect (方面) of a plan: a numbered theme with a declared task count and its catalogued tasks.</summary>
public sealed record Aspect : ExtensibleRecord
{
    /// <summary>Gets the aspect's identifier.</summary>
    public required AspectId Id { get; init; }

    /// <summary>Gets the aspect's position in the plan, from 1.</summary>
    public required int Ordinal { get; init; }

    /// <summary>Gets the aspect's name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Gets how many key tasks the plan declares for this aspect, or <see langword="null"/> when no source states it.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets the catalogued tasks that sources place in this aspect.</summary>
    public ImmutableArray<KeyTask> Tasks { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the sources of the name and count.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note, for example that an English name is a translation.</summary>
    public string? Notes { get; init; }
}
