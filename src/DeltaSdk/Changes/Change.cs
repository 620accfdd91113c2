using System.Text.Json;

namespace DeltaSdk.Changes;

/// <summary>
/// One difference between two documents: an entity added, removed or moved, or one member of an entity changed,
/// with where it is and the values before and after as fragments of the canonical JSON format.
/// </summary>
/// <remarks>
/// Values are JSON rather than typed objects so that one shape carries every member of every entity, a change set
/// round-trips exactly, and a consumer can read a fragment back with
/// <c>JsonSerializer.Deserialize&lt;T&gt;(value, DeltaJson.Options)</c> when it wants the model type. An absent
/// value (<see langword="null"/>) means the member is absent in the canonical form: <see langword="null"/>, or an
/// empty list. Two changes are equal when every member is, values compared as JSON.
/// </remarks>
public sealed record Change
{
    /// <summary>Gets what happened.</summary>
    public required ChangeKind Kind { get; init; }

    /// <summary>Gets the kind of entity the change is about.</summary>
    public required ChangedEntity Entity { get; init; }

    /// <summary>
    /// Gets the entity's identity: a task's code, a region's code, or the id of an aspect, agency, indicator or
    /// region group; <see langword="null"/> for the plan or region table itself.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>
    /// Gets the JSON name of the member that changed (for example <c>title</c>) when <see cref="Kind"/> is
    /// <see cref="ChangeKind.Changed"/>; <see langword="null"/> for a change of the whole entity.
    /// </summary>
    public string? Member { get; init; }

    /// <summary>
    /// Gets the JSON path of what changed (for example <c>$.aspects[0].tasks[3].title</c>), written as validation
    /// diagnostics and format errors write paths: in the new document, or in the old one for a removal.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>Gets the path in the old document when it differs from <see cref="Path"/>, otherwise <see langword="null"/>.</summary>
    public string? OldPath { get; init; }

    /// <summary>Gets the value in the old document, or <see langword="null"/> when it is absent there.</summary>
    public JsonElement? OldValue { get; init; }

    /// <summary>Gets the value in the new document, or <see langword="null"/> when it is absent there.</summary>
    public JsonElement? NewValue { get; init; }

    /// <summary>Gets the same change seen from the new document back to the old one.</summary>
    /// <returns>Added and removed swap, the values swap, and so do the paths when they differ.</returns>
    public Change Invert() => this with
    {
        Kind = Kind switch
        {
            ChangeKind.Added => ChangeKind.Removed,
            ChangeKind.Removed => ChangeKind.Added,
            _ => Kind,
        },
        Path = OldPath ?? Path,
        OldPath = OldPath is null ? null : Path,
        OldValue = NewValue,
        NewValue = OldValue,
    };

    /// <summary>Whether another change is the same change, with values compared as JSON.</summary>
    /// <param name="other">The other change.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public bool Equals(Change? other)
        => other is not null
            && Kind == other.Kind
            && Entity == other.Entity
            && string.Equals(Key, other.Key, StringComparison.Ordinal)
            && string.Equals(Member, other.Member, StringComparison.Ordinal)
            && string.Equals(Path, other.Path, StringComparison.Ordinal)
            && string.Equals(OldPath, other.OldPath, StringComparison.Ordinal)
            && JsonEquals(OldValue, other.OldValue)
            && JsonEquals(NewValue, other.NewValue);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Entity, Key, Member, Path);

    /// <summary>Gets one line: the kind, the entity and its key, the member, and the values, as <c>~ task 1.2 title: … → …</c>.</summary>
    /// <returns>The change as text.</returns>
    public override string ToString() => ChangeSetFormatter.FormatLine(this);

    private static bool JsonEquals(JsonElement? a, JsonElement? b)
        => a is { } left ? b is { } right && JsonElement.DeepEquals(left, right) : b is null;
}
