using System.Globalization;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;

namespace DeltaSdk.Samples.Validate;

/// <summary>
/// The sample's logic, apart from the console so that tests can run it: validate one JSON file of any DeltaSdk
/// document kind and print the diagnostics grouped by severity.
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
        Usage: DeltaSdk.Samples.Validate <file.json> [options]

        Validates a plan, region table, observation batch or progress report written in the DeltaSdk JSON format.
        Batches and reports are checked against the embedded 2024-2026 plan and region table unless told otherwise.

        Options:
          --lang <tag>            Message language: en (default) or zh-Hans.
          --warnings-as-errors    Fail on warnings too.
          --suppress <code>       Drop a rule's diagnostics, for example --suppress DLT5001 (repeatable).
          --plan <file.json>      Validate against this plan instead of the embedded one.
          --regions <file.json>   Resolve regions against this region table instead of the embedded one.
          --no-embedded           Use no embedded plan or region table (reference checks that need them are skipped).
        """;

    /// <summary>Runs the command.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="cancellationToken">Cancels reading the files.</param>
    /// <returns>The exit code: <see cref="Valid"/>, <see cref="Invalid"/> or <see cref="Usage"/>.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);

        var options = new DeltaValidationOptions();
        string? file = null, planFile = null, regionsFile = null;
        var embedded = true;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    await output.WriteLineAsync(UsageText).ConfigureAwait(false);
                    return Usage;
                case "--lang" when i + 1 < args.Count:
                    options.Language = args[++i];
                    break;
                case "--warnings-as-errors":
                    options.WarningsAsErrors = true;
                    break;
                case "--suppress" when i + 1 < args.Count:
                    options.SuppressedCodes.Add(args[++i]);
                    break;
                case "--plan" when i + 1 < args.Count:
                    planFile = args[++i];
                    break;
                case "--regions" when i + 1 < args.Count:
                    regionsFile = args[++i];
                    break;
                case "--no-embedded":
                    embedded = false;
                    break;
                case var arg when !arg.StartsWith('-') && file is null:
                    file = arg;
                    break;
                default:
                    await output.WriteLineAsync($"Unexpected argument '{args[i]}'.{Environment.NewLine}{UsageText}").ConfigureAwait(false);
                    return Usage;
            }
        }

        if (file is null)
        {
            await output.WriteLineAsync(UsageText).ConfigureAwait(false);
            return Usage;
        }

        DeltaValidator validator;
        try
        {
            validator = new DeltaValidator(options);
        }
        catch (ArgumentException exception)
        {
            await output.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return Usage;
        }

        Plan? plan;
        RegionTable? regions;
        try
        {
            plan = planFile is not null ? DeltaJson.ReadPlan(await File.ReadAllTextAsync(planFile, cancellationToken).ConfigureAwait(false))
                : embedded ? YangtzeRiverDelta.ActionPlan2024To2026 : null;
            regions = regionsFile is not null ? DeltaJson.ReadRegions(await File.ReadAllTextAsync(regionsFile, cancellationToken).ConfigureAwait(false))
                : embedded ? YangtzeRiverDelta.Regions : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DeltaFormatException)
        {
            // The reference documents are inputs too, but the user asked to validate the other file: say which one failed.
            await output.WriteLineAsync($"Cannot use a reference document: {exception.Message}").ConfigureAwait(false);
            return Usage;
        }

        ValidationReport report;
        try
        {
            var stream = File.OpenRead(file);
            await using (stream.ConfigureAwait(false))
            {
                report = await validator.ValidateJsonAsync(stream, plan, regions, cancellationToken).ConfigureAwait(false);
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
