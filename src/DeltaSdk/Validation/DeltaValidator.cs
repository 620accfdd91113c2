using System.Collections.Immutable;
using System.Text;
using DeltaSdk.Serialization;

namespace DeltaSdk.Validation;

/// <summary>
/// Checks plans, region tables, observation batches and progress reports against the rules in
/// <see cref="DeltaRules"/> plus any custom rules, and says exactly what is wrong and where.
/// </summary>
/// <remarks>
/// <para>
/// A validator is immutable and thread-safe: build one (or take <see cref="Default"/>) and share it. Each call
/// indexes the document's identifiers once and then visits every entity once, so time grows linearly with the input.
/// </para>
/// <para>
/// For dependency injection, register rules as <see cref="IValidationRule"/> and the validator through
/// <see cref="DeltaValidator(DeltaValidationOptions, IEnumerable{IValidationRule})"/>, or use
/// <c>services.AddDeltaValidation()</c> (in this package).
/// </para>
/// </remarks>
public sealed class DeltaValidator
{
    private readonly ValidatorSettings _settings;

    /// <summary>Initializes a new instance with default options and no custom rules.</summary>
    public DeltaValidator()
        : this(new DeltaValidationOptions())
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="options">The options; they are copied, so later changes do not affect this validator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="DeltaValidationOptions"/>).</exception>
    public DeltaValidator(DeltaValidationOptions options)
        : this(options, [])
    {
    }

    /// <summary>Initializes a new instance with custom rules in addition to those in <see cref="DeltaValidationOptions.Rules"/>.</summary>
    /// <param name="options">The options; they are copied, so later changes do not affect this validator.</param>
    /// <param name="rules">More custom rules, for example every <see cref="IValidationRule"/> registered in a DI container.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="rules"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or a rule is <see langword="null"/>.</exception>
    public DeltaValidator(DeltaValidationOptions options, IEnumerable<IValidationRule> rules)
    {
        _settings = new ValidatorSettings(options, rules);
        Descriptors = [.. DeltaRules.All, .. _settings.Rules.SelectMany(static r => r.Descriptors ?? [])];
    }

    /// <summary>Gets a validator with default options: English messages, the system clock, no custom rules.</summary>
    public static DeltaValidator Default { get; } = new();

    /// <summary>Gets every rule this validator can report: the built-in ones, then those of the custom rules.</summary>
    public ImmutableArray<RuleDescriptor> Descriptors { get; }

    /// <summary>Validates a plan, resolving its region and region-group references against its region table when given.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="regions">
    /// The region table; without it, region references are not checked. The table is a reference here, not checked
    /// itself: validate it with <see cref="Validate(RegionTable)"/>.
    /// </param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    public ValidationReport Validate(Plan plan, RegionTable? regions = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var context = new ValidationContext(_settings, DeltaDocumentKind.Plan, plan, regions);
        ValidatePlan(plan, regions, context);
        return context.ToReport();
    }

    /// <summary>Validates a region table: codes, names, levels, parent chain, groups and sources.</summary>
    /// <param name="regions">The region table.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="regions"/> is <see langword="null"/>.</exception>
    public ValidationReport Validate(RegionTable regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var context = new ValidationContext(_settings, DeltaDocumentKind.RegionTable, null, regions);
        ValidateRegions(RegionLookup.Build(regions), context);
        return context.ToReport();
    }

    /// <summary>Validates an observation batch, resolving indicators against a plan and regions against a region table when given.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="plan">The plan whose indicators are observed; without it, indicator references, units and aggregation are not checked.</param>
    /// <param name="regions">The region table; without it, region references are not checked.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is <see langword="null"/>.</exception>
    public ValidationReport Validate(ObservationBatch batch, Plan? plan = null, RegionTable? regions = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var context = new ValidationContext(_settings, DeltaDocumentKind.ObservationBatch, plan, regions);
        ValidateObservations(batch, plan, regions, context);
        return context.ToReport();
    }

    /// <summary>Validates one progress report, against its plan when given. Paths are relative to the report (<c>$.percentComplete</c>).</summary>
    /// <param name="report">The report.</param>
    /// <param name="plan">The plan; without it, the task, agency and plan-period checks are skipped.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public ValidationReport Validate(ProgressReport report, Plan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var context = new ValidationContext(_settings, DeltaDocumentKind.ProgressReport, plan, null);
        ValidateReport(report, plan is null ? null : PlanLookup.For(plan), context);
        return context.ToReport();
    }

    /// <summary>
    /// Validates a sequence of progress reports, each on its own and together: a task's progress must not go backwards
    /// from one report to the next (by report date). Paths treat the sequence as a JSON array (<c>$[3].percentComplete</c>).
    /// </summary>
    /// <param name="reports">The reports, in any order.</param>
    /// <param name="plan">The plan; without it, the task, agency and plan-period checks are skipped.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> is <see langword="null"/>.</exception>
    public ValidationReport ValidateProgressReports(IEnumerable<ProgressReport> reports, Plan? plan = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var list = reports as IReadOnlyList<ProgressReport?> ?? [.. reports];
        var context = new ValidationContext(_settings, DeltaDocumentKind.ProgressReport, plan, null);
        var index = plan is null ? null : PlanLookup.For(plan);
        for (var i = 0; i < list.Count; i++)
        {
            var report = list[i];
            if (report is null)
            {
                context.Report(DeltaRules.NullElement, new PathRef("$[{0}]", a: i));
                continue;
            }

            ProgressReportChecker.Check(report, new EntityPath("$[{0}]", i), index, context);
        }

        ProgressReportChecker.Sequence(list, context);
        foreach (var report in list)
        {
            if (report is not null)
            {
                RunCustom(_settings.ProgressReportRules, report, context);
            }
        }

        return context.ToReport();
    }

    /// <summary>
    /// Reads and validates a JSON document of any kind, recognised from its <c>$schema</c> or its properties.
    /// Syntax and format errors become diagnostics (with line and byte position); no exception escapes for bad input.
    /// </summary>
    /// <param name="json">The document text.</param>
    /// <param name="plan">The plan to validate an observation batch or progress report against, if any.</param>
    /// <param name="regions">The region table to resolve region references against, if any.</param>
    /// <returns>
    /// The report; <see cref="ValidationReport.DocumentKind"/> says what the document was taken for, or is
    /// <see langword="null"/> when the text could not be read far enough to tell.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public ValidationReport ValidateJson(string json, Plan? plan = null, RegionTable? regions = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ValidateJson(Encoding.UTF8.GetBytes(json), plan, regions);
    }

    /// <summary>Reads and validates a UTF-8 JSON document of any kind (see <see cref="ValidateJson(string, Plan?, RegionTable?)"/>).</summary>
    /// <param name="utf8Json">The document as UTF-8 bytes; a byte order mark is allowed.</param>
    /// <param name="plan">The plan to validate an observation batch or progress report against, if any.</param>
    /// <param name="regions">The region table to resolve region references against, if any.</param>
    /// <returns>The report.</returns>
    public ValidationReport ValidateJson(ReadOnlySpan<byte> utf8Json, Plan? plan = null, RegionTable? regions = null)
    {
        var context = new ValidationContext(_settings, null, plan, regions);
        switch (JsonDocumentReader.Read(utf8Json, context))
        {
            case Plan p:
                // The document is the plan its own references resolve against.
                context.Plan = p;
                ValidatePlan(p, regions, context);
                break;
            case RegionTable table:
                ValidateRegions(RegionLookup.Build(table), context);
                break;
            case ObservationBatch batch:
                ValidateObservations(batch, plan, regions, context);
                break;
            case ProgressReport report:
                ValidateReport(report, plan is null ? null : PlanLookup.For(plan), context);
                break;
        }

        return context.ToReport();
    }

    /// <summary>Reads a UTF-8 JSON document from a stream and validates it (see <see cref="ValidateJson(string, Plan?, RegionTable?)"/>).</summary>
    /// <param name="utf8Json">The stream, read to its end and not closed.</param>
    /// <param name="plan">The plan to validate an observation batch or progress report against, if any.</param>
    /// <param name="regions">The region table to resolve region references against, if any.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<ValidationReport> ValidateJsonAsync(Stream utf8Json, Plan? plan = null, RegionTable? regions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return ValidateJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), plan, regions);
    }

    private static void RunCustom<T>(ImmutableArray<IValidationRule<T>> rules, T document, ValidationContext context)
        where T : class
    {
        foreach (var rule in rules)
        {
            rule.Validate(document, context);
        }
    }

    private void ValidatePlan(Plan plan, RegionTable? regions, ValidationContext context)
    {
        var regionIndex = regions is null ? null : RegionLookup.For(regions);
        PlanChecker.Check(PlanLookup.Build(plan), regionIndex, context);
        RunCustom(_settings.PlanRules, plan, context);
    }

    private void ValidateRegions(RegionLookup index, ValidationContext context)
    {
        RegionTableChecker.Check(index, context);
        RunCustom(_settings.RegionTableRules, index.Table, context);
    }

    private void ValidateObservations(ObservationBatch batch, Plan? plan, RegionTable? regions, ValidationContext context)
    {
        ObservationBatchChecker.Check(batch, plan is null ? null : PlanLookup.For(plan), regions is null ? null : RegionLookup.For(regions), context);
        RunCustom(_settings.ObservationBatchRules, batch, context);
    }

    private void ValidateReport(ProgressReport report, PlanLookup? plan, ValidationContext context)
    {
        ProgressReportChecker.Check(report, new EntityPath("$"), plan, context);
        RunCustom(_settings.ProgressReportRules, report, context);
    }
}
