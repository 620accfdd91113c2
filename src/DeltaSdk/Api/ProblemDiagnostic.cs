using DeltaSdk.Validation;

namespace DeltaSdk.Api;

/// <summary>One finding about a request body, as listed in the <c>diagnostics</c> of a problem.</summary>
public sealed record ProblemDiagnostic
{
    /// <summary>Gets the rule's code, for example <c>DLT4005</c> (a DeltaSdk validation rule) or <c>request.task-mismatch</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the severity, written <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>Gets the JSON path of the offending value, for example <c>$.percentComplete</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets what is wrong and why.</summary>
    public required string Message { get; init; }

    /// <summary>Carries a validation finding over to the wire.</summary>
    /// <param name="diagnostic">The finding.</param>
    /// <returns>The wire form.</returns>
    public static ProblemDiagnostic From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new ProblemDiagnostic { Code = diagnostic.Code, Severity = diagnostic.Severity, Path = diagnostic.Path, Message = diagnostic.Message };
    }
}
