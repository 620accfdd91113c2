using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Validation;

/// <summary>The kind of document a diagnostic's path points into, or that <see cref="DeltaValidator.ValidateJson(string, Plan?, RegionTable?)"/> recognised.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DocumentKind>))]
public enum DocumentKind
{
    /// <summary>Not known: the JSON could not be read far enough to tell.</summary>
    Unknown,

    /// <summary>A <see cref="DeltaSdk.Plan"/>.</summary>
    Plan,

    /// <summary>A <see cref="DeltaSdk.RegionTable"/>.</summary>
    RegionTable,

    /// <summary>An <see cref="DeltaSdk.ObservationBatch"/>.</summary>
    ObservationBatch,

    /// <summary>A <see cref="DeltaSdk.ProgressReport"/>, or a JSON array of them when several are validated together.</summary>
    ProgressReport,
}
