namespace DeltaSdk.Server.Validation;

/// <summary>The severities written in a diagnostic.</summary>
internal static class DiagnosticSeverities
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Info = "info";
}
