using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The document types of the canonical JSON format, each with its own JSON Schema.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DeltaDocumentKind>))]
public enum DeltaDocumentKind
{
    /// <summary>A <see cref="DeltaSdk.Plan"/> document (<c>plan.schema.json</c>).</summary>
    Plan,

    /// <summary>A <see cref="DeltaSdk.RegionTable"/> document (<c>region-table.schema.json</c>).</summary>
    RegionTable,

    /// <summary>An <see cref="DeltaSdk.ObservationBatch"/> document (<c>observation-batch.schema.json</c>).</summary>
    ObservationBatch,

    /// <summary>A <see cref="DeltaSdk.ProgressReport"/> document (<c>progress-report.schema.json</c>).</summary>
    ProgressReport,

    /// <summary>A <see cref="DeltaSdk.Changes.ChangeSet"/> document, the changes between two plans or region tables (<c>change-set.schema.json</c>).</summary>
    ChangeSet,
    /// <summary>An <see cref="DeltaSdk.Analytics.AnalysisDocument"/> of analytics results (<c>analysis.schema.json</c>).</summary>
    Analysis,
}
