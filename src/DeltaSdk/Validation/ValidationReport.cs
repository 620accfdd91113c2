using System.Collections.Immutable;

namespace DeltaSdk.Validation;

/// <summary>The outcome of a validation: whether the document is accepted, and every diagnostic in document order.</summary>
public sealed class ValidationReport
{
    /// <summary>Initializes a new instance from diagnostics, counting them by severity (for tests and for reports received over the wire).</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <param name="documentKind">The kind of document validated.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    public ValidationReport(IEnumerable<Diagnostic> diagnostics, DocumentKind documentKind = DocumentKind.Unknown)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostics = [.. diagnostics];
        foreach (var diagnostic in Diagnostics)
        {
            ArgumentNullException.ThrowIfNull(diagnostic, nameof(diagnostics));
            switch (diagnostic.Severity)
            {
                case DiagnosticSeverity.Error: ErrorCount++; break;
                case DiagnosticSeverity.Warning: WarningCount++; break;
                default: InfoCount++; break;
            }
        }

        DocumentKind = documentKind;
    }

    internal ValidationReport(ImmutableArray<Diagnostic> diagnostics, DocumentKind documentKind, int errorCount, int warningCount, int infoCount, bool isTruncated)
    {
        Diagnostics = diagnostics;
        DocumentKind = documentKind;
        ErrorCount = errorCount;
        WarningCount = warningCount;
        InfoCount = infoCount;
        IsTruncated = isTruncated;
    }

    /// <summary>Gets a value indicating whether the document is accepted: no diagnostic is an error, kept or not.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>Gets the kept diagnostics in the order the document was checked (at most <see cref="DeltaValidationOptions.MaxDiagnostics"/>).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the kind of document validated; for JSON, the kind recognised, or <see cref="DocumentKind.Unknown"/>.</summary>
    public DocumentKind DocumentKind { get; }

    /// <summary>Gets how many errors were found, including any beyond the cap.</summary>
    public int ErrorCount { get; }

    /// <summary>Gets how many warnings were found, including any beyond the cap.</summary>
    public int WarningCount { get; }

    /// <summary>Gets how many informational diagnostics were found, including any beyond the cap.</summary>
    public int InfoCount { get; }

    /// <summary>Gets a value indicating whether diagnostics were left out because the cap was reached.</summary>
    public bool IsTruncated { get; }

    /// <summary>Throws when the document is not accepted.</summary>
    /// <exception cref="DeltaValidationException">The report has errors; the exception carries the report.</exception>
    public void EnsureValid()
    {
        if (!IsValid)
        {
            throw new DeltaValidationException(this);
        }
    }

    /// <summary>Summarises the counts.</summary>
    /// <returns>For example <c>2 errors, 1 warning, 0 info (plan)</c>.</returns>
    public override string ToString()
        => FormattableString.Invariant($"{ErrorCount} error{(ErrorCount == 1 ? "" : "s")}, {WarningCount} warning{(WarningCount == 1 ? "" : "s")}, {InfoCount} info ({DocumentKind}){(IsTruncated ? ", truncated" : "")}");
}
