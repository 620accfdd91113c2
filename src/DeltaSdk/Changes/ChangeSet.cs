using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Changes;

/// <summary>
/// What changed between two plans or two region tables: the changes, each with its JSON path and its old and new
/// values, and the counts that moved. A document of its own in the canonical format (<c>change-set.schema.json</c>);
/// made by <see cref="PlanDiff"/>, read and written by <see cref="Serialization.DeltaJson"/>.
/// </summary>
/// <remarks>
/// <para>
/// Changes are in a fixed order that does not depend on the order of lists in either document: by
/// <see cref="ChangedEntity"/>, then by key (ordinal), then the whole-entity change before member changes, members in
/// the model's order and unknown members by name. So equal inputs give equal change sets, and comparing the
/// documents the other way round gives <see cref="Invert"/> of this one.
/// </para>
/// <para>Two change sets are equal when they hold equal changes and counts in the same order.</para>
/// </remarks>
public sealed record ChangeSet
{
    /// <summary>Gets the kind of documents compared.</summary>
    public required ChangeSubject Subject { get; init; }

    /// <summary>Gets the changes, in the order described on <see cref="ChangeSet"/>.</summary>
    public ImmutableArray<Change> Changes { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the counts that moved, in the order of <see cref="CountKind"/>, document counts before aspect counts.</summary>
    public ImmutableArray<CountChange> Counts { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets whether the documents compared equal: no changes and no counts moved.</summary>
    [JsonIgnore]
    public bool IsEmpty => Changes.IsEmpty && Counts.IsEmpty;

    /// <summary>
    /// Gets the properties read from JSON that this version of the model does not know, kept so that a document from
    /// a newer 1.x writer survives a read and a write; <see langword="null"/> when there were none.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData => UnknownProperties;

    // Set only by the deserializer (System.Text.Json needs a settable IDictionary here); the public view is read-only.
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? UnknownProperties { get; set; }

    /// <summary>Gets the change set of the same two documents compared the other way round.</summary>
    /// <returns>Every change and count inverted, in the same order (the order does not depend on the direction).</returns>
    public ChangeSet Invert() => new()
    {
        Subject = Subject,
        Changes = ImmutableArray.CreateRange(Changes, static c => c.Invert()),
        Counts = ImmutableArray.CreateRange(Counts, static c => c.Invert()),
    };

    /// <summary>Whether another change set holds equal changes and counts, in the same order.</summary>
    /// <param name="other">The other change set.</param>
    /// <returns><see langword="true"/> when the subject, the changes and the counts are equal.</returns>
    public bool Equals(ChangeSet? other)
        => other is not null && Subject == other.Subject && Changes.SequenceEqual(other.Changes) && Counts.SequenceEqual(other.Counts);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Subject, Changes.Length, Counts.Length);

    /// <summary>
    /// Gets the change set as readable text: a summary line, then each entity with its changes below it, then the
    /// counts. Long values are shortened; the JSON form (<see cref="Serialization.DeltaJson.WriteChangeSet(ChangeSet)"/>) has them whole.
    /// </summary>
    /// <returns>The text, lines ending with <c>\n</c>.</returns>
    public override string ToString() => ChangeSetFormatter.Format(this);
}
