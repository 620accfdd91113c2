namespace DeltaSdk.Server.Contracts;

/// <summary>One finding about a request body, as listed in a problem's <c>diagnostics</c>.</summary>
public sealed record ApiDiagnostic
{
    /// <summary>Gets the rule's code, for example <c>DLT4005</c> (a DeltaSdk validation rule) or <c>request.task-mismatch</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the severity: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>Gets the JSON path of the offending value, for example <c>$.percentComplete</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Gets what is wrong and why.</summary>
    public required string Message { get; init; }
}
