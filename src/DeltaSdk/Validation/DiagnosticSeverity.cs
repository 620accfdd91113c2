using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Validation;

/// <summary>How serious a <see cref="Diagnostic"/> is. Values are ordered: a larger value is more serious.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<DiagnosticSeverity>))]
public enum DiagnosticSeverity
{
    /// <summary>A fact worth knowing that needs no fix, for example that a partial catalogue lists fewer tasks than the plan declares.</summary>
    Info,

    /// <summary>Probably wrong or weak, but the document is still accepted (unless warnings are treated as errors).</summary>
    Warning,

    /// <summary>Wrong: the document is not accepted.</summary>
    Error,
}
