using System.Text.Json.Serialization;

namespace DeltaSdk.Changes;

/// <summary>
/// A count that moved between two documents: a plan's declared or catalogued aspects and tasks, an aspect's declared
/// or catalogued tasks, or how many agencies, indicators, regions or region groups are listed.
/// </summary>
public sealed record CountChange
{
    /// <summary>Gets what is counted.</summary>
    public required CountKind Count { get; init; }

    /// <summary>Gets the aspect the count is of, or <see langword="null"/> for a count of the whole document.</summary>
    public string? Aspect { get; init; }

    /// <summary>Gets the count in the old document, or <see langword="null"/> when it is not known there (an undeclared count, or an aspect the old plan lacks).</summary>
    public int? OldValue { get; init; }

    /// <summary>Gets the count in the new document, or <see langword="null"/> when it is not known there.</summary>
    public int? NewValue { get; init; }

    /// <summary>Gets how much the count grew (negative when it shrank), or <see langword="null"/> when one side is unknown.</summary>
    [JsonIgnore]
    public int? Difference => OldValue is { } before && NewValue is { } after ? after - before : null;

    /// <summary>Gets the same count change seen from the new document back to the old one.</summary>
    /// <returns>The change with its values swapped.</returns>
    public CountChange Invert() => this with { OldValue = NewValue, NewValue = OldValue };

    /// <summary>Gets one line, such as <c>cataloguedTasks 40 → 42 (+2)</c> or <c>declaredTasks of aspect a1 12 → 13 (+1)</c>.</summary>
    /// <returns>The count change as text.</returns>
    public override string ToString() => ChangeSetFormatter.FormatLine(this);
}
