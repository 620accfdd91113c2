namespace DeltaSdk.Client;

/// <summary>One finding of the server's validation, as carried in the <c>diagnostics</c> of a <c>422</c> problem.</summary>
public sealed record ProblemDiagnostic
{
    /// <summary>Gets the rule's code, for example <c>DELTA001</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Gets the severity as the server wrote it, for example <c>error</c> or <c>warning</c>.</summary>
    public string? Severity { get; init; }

    /// <summary>Gets the JSON path of the offending value, for example <c>$.percentComplete</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Gets what is wrong, in words.</summary>
    public string? Message { get; init; }
}
