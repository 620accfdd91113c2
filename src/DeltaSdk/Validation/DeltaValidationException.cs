namespace DeltaSdk.Validation;

/// <summary>A document failed validation; <see cref="Report"/> says exactly what is wrong and where.</summary>
public sealed class DeltaValidationException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="report">The failed validation's report.</param>
    public DeltaValidationException(ValidationReport report)
        : base(Describe(report))
    {
        Report = report;
    }

    /// <summary>Initializes a new instance with an empty report.</summary>
    public DeltaValidationException()
        : this(new ValidationReport([]))
    {
    }

    /// <summary>Initializes a new instance with an empty report.</summary>
    /// <param name="message">The message.</param>
    public DeltaValidationException(string message)
        : base(message)
    {
        Report = new ValidationReport([]);
    }

    /// <summary>Initializes a new instance with an empty report.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DeltaValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Report = new ValidationReport([]);
    }

    /// <summary>Gets the report of the failed validation.</summary>
    public ValidationReport Report { get; }

    private static string Describe(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var first = report.Diagnostics.FirstOrDefault(static d => d.Severity == DiagnosticSeverity.Error);
        return first is null
            ? $"Validation failed: {report}."
            : $"Validation failed: {report}. First error: {first}";
    }
}
