using System.Globalization;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;

namespace DeltaSdk.Samples.Validate;

/// <summary>
/// The sample's logic, apart from the console so that tests can run it: validate one JSON file of any DeltaSdk
/// document kind with <see cref="DeltaValidator"/> and print the diagnostics grouped by severity. A small example of
/// the library API; the <c>delta validate</c> command of the DeltaSdk.Tool package is the full command-line tool.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Exit code: the document is valid (it may have warnings).</summary>
    public const int Valid = 0;

    /// <summary>Exit code: the document has errors.</summary>
    public const int Invalid = 1;

    /// <summary>Exit code: the command line is wrong or a file cannot be read.</summary>
    public const int Usage = 2;

    private const string UsageText = """
        Usage: DeltaSdk.Samples.Validate <file.json> [--lang en|zh-Hans]

        A small example of the library: validates one plan, region table, observation batch or progress report with
        DeltaValidator, against the embedded 2024-2026 plan and region table, and prints the diagnostics.
        For globs, JSON or SARIF output, other reference files and more options, use the delta tool (delta validate).
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments: a file, and optionally <c>--lang</c> and a language tag.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels reading the file.</param>
    /// <returns>The exit code: <see cref="Valid"/>, <see cref="Invalid"/> or <see cref="Usage"/>.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);

        var language = LocalizedText.English;
        if (args is [var file, "--lang", var tag])
        {
            language = tag;
        }
        else if (args is not [var only] || only.StartsWith('-'))
        {
            await output.WriteLineAsync(UsageText).ConfigureAwait(false);
            return Usage;
        }
        else
        {
            file = only;
        }

        DeltaValidator validator;
        try
        {
            // The options: message language here; also warnings as errors, suppressed codes, custom rules.
            validator = new DeltaValidator(new DeltaValidationOptions { Language = language });
        }
        catch (ArgumentException exception)
        {
            await output.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return Usage;
        }

        ValidationReport report;
        try
        {
            var stream = File.OpenRead(file);
            await using (stream.ConfigureAwait(false))
            {
                // References (tasks, regions, agencies, indicators) are checked against the embedded dataset.
                report = await validator.ValidateJsonAsync(stream, YangtzeRiverDelta.ActionPlan2024To2026, YangtzeRiverDelta.Regions, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot read '{file}': {exception.Message}").ConfigureAwait(false);
            return Usage;
        }

        Print(report, Path.GetFileName(file), output);
        return report.IsValid ? Valid : Invalid;
    }

    /// <summary>Prints a report: a header, then errors, warnings and information, each group with its count.</summary>
    /// <param name="report">The report.</param>
    /// <param name="name">The name of what was validated, for the header.</param>
    /// <param name="output">Where to write.</param>
    public static void Print(ValidationReport report, string name, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"{name}: {Describe(report.DocumentKind)}"));
        foreach (var (severity, heading) in new[] { (DiagnosticSeverity.Error, "Errors"), (DiagnosticSeverity.Warning, "Warnings"), (DiagnosticSeverity.Info, "Information") })
        {
            var group = report.Diagnostics.Where(d => d.Severity == severity).ToList();
            var total = severity switch
            {
                DiagnosticSeverity.Error => report.ErrorCount,
                DiagnosticSeverity.Warning => report.WarningCount,
                _ => report.InfoCount,
            };
            if (total == 0)
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine(string.Create(inv, $"{heading} ({total})"));
            foreach (var diagnostic in group)
            {
                var where = diagnostic.LineNumber is { } line
                    ? string.Create(inv, $"{diagnostic.Path} (line {line + 1})")
                    : diagnostic.Path;
                output.WriteLine(string.Create(inv, $"  {diagnostic.Code}  {where}"));
                output.WriteLine(string.Create(inv, $"      {diagnostic.Message}"));
            }
        }

        output.WriteLine();
        if (report.IsTruncated)
        {
            output.WriteLine(string.Create(inv, $"Only the first {report.Diagnostics.Length} diagnostics are shown."));
        }

        output.WriteLine(report.IsValid
            ? string.Create(inv, $"Valid ({report.WarningCount} warnings, {report.InfoCount} information).")
            : string.Create(inv, $"Not valid: {report.ErrorCount} errors, {report.WarningCount} warnings, {report.InfoCount} information."));
        output.WriteLine("Each code is explained at " + DeltaRules.HelpLinkBase + "<code>.md");
    }

    // Null: the text could not be read far enough to tell which kind of document it is.
    private static string Describe(DeltaDocumentKind? kind) => kind switch
    {
        DeltaDocumentKind.Plan => "plan",
        DeltaDocumentKind.RegionTable => "region table",
        DeltaDocumentKind.ObservationBatch => "observation batch",
        DeltaDocumentKind.ProgressReport => "progress report",
        _ => "not recognised as a DeltaSdk document",
    };
}
