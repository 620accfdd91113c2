using System.CommandLine;
using System.Globalization;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;
using Spectre.Console;

namespace DeltaSdk.Tool.Validation;

/// <summary><c>delta validate FILE…</c>: validates documents of the canonical format with <see cref="DeltaValidator"/>.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(ToolContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Documents to validate: plans, region tables, observation batches or progress reports. Globs (data/**/*.json) are expanded; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output: 'table' for people, 'json' (a stable shape) for programs, 'sarif' (SARIF 2.1.0) for CI annotations.",
            DefaultValueFactory = static _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "sarif");
        var plan = new Option<string>("--plan") { Description = "Check task, aspect and indicator references against this plan file instead of the embedded 2024-2026 plan." };
        var regions = new Option<string>("--regions") { Description = "Check region references against this region table file instead of the embedded one." };
        var noEmbedded = new Option<bool>("--no-embedded") { Description = "Use neither the embedded plan nor the embedded region table: reference checks without --plan/--regions are skipped." };
        var language = new Option<string>("--lang") { Description = "Language of the messages: 'en' or 'zh-Hans'.", DefaultValueFactory = static _ => LocalizedText.English };
        language.AcceptOnlyFromAmong(LocalizedText.English, LocalizedText.SimplifiedChinese);
        var warningsAsErrors = new Option<bool>("--warnings-as-errors") { Description = "Count warnings as errors (exit code 1 on a warning)." };
        var suppress = new Option<string[]>("--suppress") { Description = "Drop a rule's diagnostics, for example --suppress DLT5001 (repeatable).", AllowMultipleArgumentsPerToken = false };

        var command = new Command("validate", "Validate documents of the canonical JSON format. Exit code 0 when valid, 1 when any has errors, 2 when a file cannot be read.")
        {
            files, format, plan, regions, noEmbedded, language, warningsAsErrors, suppress,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new DeltaValidationOptions
            {
                Language = parseResult.GetValue(language)!,
                WarningsAsErrors = parseResult.GetValue(warningsAsErrors),
            };
            foreach (var code in parseResult.GetValue(suppress) ?? [])
            {
                options.SuppressedCodes.Add(code);
            }

            var embedded = !parseResult.GetValue(noEmbedded);
            var inputs = InputFiles.Expand(parseResult.GetValue(files)!, context.WorkingDirectory);
            var referencePlan = await ReferenceDocuments.ReadPlanAsync(context, parseResult.GetValue(plan), embedded, cancellationToken).ConfigureAwait(false);
            var referenceRegions = await ReferenceDocuments.ReadRegionsAsync(context, parseResult.GetValue(regions), embedded, cancellationToken).ConfigureAwait(false);
            var validator = new DeltaValidator(options);

            var results = new List<FileValidation>(inputs.Count);
            foreach (var input in inputs)
            {
                results.Add(await ValidateAsync(context, validator, input, referencePlan, referenceRegions, cancellationToken).ConfigureAwait(false));
            }

            switch (parseResult.GetValue(format))
            {
                case "json":
                    await WriteMachineReadableAsync(context, stream => ValidationJsonWriter.Write(results, stream)).ConfigureAwait(false);
                    break;
                case "sarif":
                    await WriteMachineReadableAsync(context, stream => SarifWriter.Write(results, stream)).ConfigureAwait(false);
                    break;
                default:
                    WriteTable(context, results);
                    break;
            }

            return results.Any(static r => r.ReadError is not null) ? ExitCodes.UsageOrIo
                : results.All(static r => r.Report!.IsValid) ? ExitCodes.Success
                : ExitCodes.Findings;
        });
        return command;
    }

    private static async Task<FileValidation> ValidateAsync(ToolContext context, DeltaValidator validator, InputFile input, Plan? plan, RegionTable? regions, CancellationToken cancellationToken)
    {
        try
        {
            var stream = input.IsStandardInput
                ? context.OpenStandardInput()
                : new FileStream(input.FullPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                var report = await validator.ValidateJsonAsync(stream, plan, regions, cancellationToken).ConfigureAwait(false);
                return new FileValidation(input, report, null);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new FileValidation(input, null, $"Cannot read '{input.DisplayName}': {exception.Message} Check the path and its permissions.");
        }
    }

    private static async Task WriteMachineReadableAsync(ToolContext context, Action<Stream> write)
    {
        // Buffered, then written through the context's writer, so that tests and redirected output see the same text.
        using var buffer = new MemoryStream();
        write(buffer);
        await context.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
    }

    private static void WriteTable(ToolContext context, IReadOnlyList<FileValidation> results)
    {
        var console = context.Console;
        var inv = CultureInfo.InvariantCulture;
        foreach (var result in results)
        {
            if (result.ReadError is { } readError)
            {
                console.MarkupLine($"[red]{Markup.Escape(result.File.DisplayName)}: {Markup.Escape(readError)}[/]");
                continue;
            }

            var report = result.Report!;
            var verdict = report.IsValid
                ? $"[green]valid[/] ({report.WarningCount} warnings, {report.InfoCount} information)"
                : $"[red]not valid[/]: {report.ErrorCount} errors, {report.WarningCount} warnings, {report.InfoCount} information";
            console.MarkupLine(string.Create(inv, $"[bold]{Markup.Escape(result.File.DisplayName)}[/] ({Describe(report.DocumentKind)}): {verdict}"));
            if (report.Diagnostics.IsEmpty)
            {
                continue;
            }

            var table = new Table().Border(TableBorder.Markdown)
                .AddColumn("Severity").AddColumn("Code").AddColumn("Line").AddColumn("Path").AddColumn("Message");
            foreach (var diagnostic in report.Diagnostics)
            {
                var severity = diagnostic.Severity switch
                {
                    DiagnosticSeverity.Error => new Markup("[red]error[/]"),
                    DiagnosticSeverity.Warning => new Markup("[yellow]warning[/]"),
                    _ => new Markup("info"),
                };
                var line = diagnostic.LineNumber is { } l ? (l + 1).ToString(inv) : string.Empty;
                table.AddRow(severity, new Text(diagnostic.Code), new Text(line), new Text(diagnostic.Path), new Text(diagnostic.Message));
            }

            console.Write(table);
            if (report.IsTruncated)
            {
                console.MarkupLine(string.Create(inv, $"Only the first {report.Diagnostics.Length} diagnostics are shown."));
            }
        }

        var valid = results.Count(static r => r.Report is { IsValid: true });
        var errors = results.Sum(static r => r.Report?.ErrorCount ?? 0);
        console.WriteLine();
        console.WriteLine(string.Create(inv, $"{results.Count} file(s): {valid} valid, {results.Count - valid} not valid or unreadable, {errors} errors."));
        if (results.Any(static r => r.Report is { Diagnostics.IsEmpty: false }))
        {
            console.WriteLine("Each code is explained, with how to fix it, at " + DeltaRules.HelpLinkBase + "<code>.md");
        }
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
