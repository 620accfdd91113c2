using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Changes;

/// <summary>What happened to an entity, or to one member of it, between two documents.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    /// <summary>The entity is in the new document only; <see cref="Change.NewValue"/> holds it.</summary>
    Added,

    /// <summary>The entity is in the old document only; <see cref="Change.OldValue"/> holds it.</summary>
    Removed,

    /// <summary>One member of an entity in both documents differs; <see cref="Change.Member"/> names it.</summary>
    Changed,

    /// <summary>
    /// A task sits in another list: another aspect's tasks, or the unassigned tasks. The values are the containing
    /// aspect's id (absent for the unassigned list). A change of order within one list is not a change.
    /// </summary>
    Moved,
}
