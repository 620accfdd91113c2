using System.Collections.Immutable;
using DeltaSdk.Serialization;

namespace DeltaSdk.Validation;

/// <summary>The outcome of a validation: whether the document is accepted, and every diagnostic in document order.</summary>
public sealed class ValidationReport
{
    /// <summary>Initializes a new instance from diagnostics, counting them by severity (for tests and for reports received over the wire).</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <param name="documentKind">The kind of document validated, or <see langword="null"/> when it is not known (see <see cref="DocumentKind"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    public ValidationReport(IEnumerable<Diagnostic> diagnostics, DeltaDocumentKind? documentKind = null)
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

    internal ValidationReport(ImmutableArray<Diagnostic> diagnostics, DeltaDocumentKind? documentKind, int errorCount, int warningCount, int infoCount, bool isTruncated)
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

    /// <summary>
    /// Gets the kind of document validated: for an object, its type; for JSON, the kind recognised from <c>$schema</c> or
    /// the top-level properties. <see langword="null"/> means the JSON could not be read far enough to tell (a syntax
    /// error, not an object, an unsupported <c>formatVersion</c>, or nothing that names a kind); the diagnostics say why.
    /// </summary>
    /// <remarks><see cref="DeltaDocumentKind.ProgressReport"/> also stands for a sequence validated with <see cref="DeltaValidator.ValidateProgressReports"/>.</remarks>
    public DeltaDocumentKind? DocumentKind { get; }

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
    /// <returns>For example <c>2 errors, 1 warning, 0 info (Plan)</c>, or <c>… (unknown kind)</c> when <see cref="DocumentKind"/> is <see langword="null"/>.</returns>
    public override string ToString()
        => FormattableString.Invariant($"{ErrorCount} error{(ErrorCount == 1 ? "" : "s")}, {WarningCount} warning{(WarningCount == 1 ? "" : "s")}, {InfoCount} info ({DocumentKind?.ToString() ?? "unknown kind"}){(IsTruncated ? ", truncated" : "")}");
}
