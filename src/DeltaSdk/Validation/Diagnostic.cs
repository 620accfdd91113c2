using System.Globalization;

namespace DeltaSdk.Validation;

/// <summary>
/// One finding of validation: which rule (<see cref="Code"/>), how serious (<see cref="Severity"/>), where
/// (<see cref="Path"/>, a JSON path in the canonical wire format) and what is wrong (<see cref="Message"/>).
/// </summary>
public sealed record Diagnostic
{
    /// <summary>Gets the rule's stable code, for example <c>DLT3002</c>; built-in codes are <c>DLT</c> and four digits.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the severity after options are applied (warnings may have been raised to errors).</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>
    /// Gets the JSON path of the offending value in the canonical wire format, for example
    /// <c>$.aspects[0].tasks[2].timeFrame.end</c>; <c>$</c> is the whole document.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>Gets what is wrong and, where it helps, how to fix it, in the language the validator was set up with.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the offending value in its canonical text form, when one value is at fault.</summary>
    public string? Value { get; init; }

    /// <summary>Gets the page that explains the rule, with a failing example and the fix.</summary>
    public Uri? HelpLink { get; init; }

    /// <summary>Gets the zero-based line of the offending token, for diagnostics found while reading JSON text.</summary>
    public long? LineNumber { get; init; }

    /// <summary>Gets the zero-based byte offset of the offending token in its line, for diagnostics found while reading JSON text.</summary>
    public long? BytePositionInLine { get; init; }

    /// <summary>Formats the diagnostic the way compilers do: <c>error DLT3002 at $.aspects[0].tasks[2].timeFrame.end: …</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var location = LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{Path} (line {line + 1}, byte {BytePositionInLine.GetValueOrDefault() + 1})")
            : Path;
        return string.Create(CultureInfo.InvariantCulture, $"{severity} {Code} at {location}: {Message}");
    }
}
