using DeltaSdk.Validation;

namespace DeltaSdk.Tests.Validation;

/// <summary>
/// One rule exercised twice: <see cref="Failing"/> breaks it (the report must hold <see cref="Code"/> with
/// <see cref="Severity"/> at <see cref="Path"/>) and <see cref="Passing"/> is the nearest document that keeps it
/// (the report must not hold <see cref="Code"/> at all).
/// </summary>
public sealed record RuleCase(
    string Name,
    string Code,
    DiagnosticSeverity Severity,
    string Path,
    Func<DeltaValidator, ValidationReport> Failing,
    Func<DeltaValidator, ValidationReport> Passing)
{
    public override string ToString() => Name;
}
