using System.Collections.Immutable;
using System.CommandLine;
using DeltaSdk.Analytics;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Validation;
using NodaTime;

namespace DeltaSdk.Tool.Status;

/// <summary>
/// <c>delta status</c>: task roll-ups (<see cref="ProgressRollup"/> over a <see cref="ProgressLedger"/>) and indicator
/// statuses (<see cref="OpenSdgProgressMeasure"/>) for the whole delta or a region as of a date, as tables for people
/// or as an analysis document (<see cref="AnalysisJson"/>) whose every figure carries its parts.
/// </summary>
internal static class StatusCommand
{
    /// <summary>
    /// The zone "today" is taken in when no <c>--as-of</c> is given: reports and observations are dated in China
    /// Standard Time (as the reference server does).
    /// </summary>
    private static readonly DateTimeZone PlanZone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(ToolContext context)
    {
        var plan = new Option<string>("--plan") { Description = "The plan file the tasks and indicators come from, instead of the embedded 2024-2026 plan (regions stay the embedded table)." };
        var observations = new Option<string>("--observations") { Description = "An observation batch (canonical JSON, for example observations.json from 'delta pull'): indicator statuses are computed from it." };
        var progress = new Option<string>("--progress") { Description = "Progress reports: a JSON array of progress report documents (progress.json from 'delta pull') or one report. The task roll-up is computed from them." };
        var region = new Option<string>("--region", "-r") { Description = "Limit to one region, by GB/T 2260 code (320000) or name (江苏, Jiangsu): its tasks and the reports and observations of it and of the regions within it. Without it: the whole delta." };
        var aspect = new Option<string>("--aspect") { Description = "Limit the task roll-up to one aspect, by id (for example a3)." };
        var asOf = new Option<string>("--as-of") { Description = "The date of the figures (yyyy-MM-dd): later reports and observations are not used. Default: today in China Standard Time." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output: 'table' for people, or 'json' for programs (an analysis document, analysis.schema.json, with every figure's parts so another program can redo the sums).",
            DefaultValueFactory = static _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");
        var language = new Option<string>("--lang") { Description = "Language of names in tables: 'en' or 'zh-Hans'.", DefaultValueFactory = static _ => LocalizedText.English };
        language.AcceptOnlyFromAmong(LocalizedText.English, LocalizedText.SimplifiedChinese);

        var command = new Command(
            "status",
            "Task progress roll-ups (task → aspect → plan, from progress reports) and indicator statuses (the Open SDG progress measure, from observations) " +
            "for the whole delta or a region, as of a date. Give --progress, --observations or both.")
        {
            plan, observations, progress, region, aspect, asOf, format, language,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var observationsFile = parseResult.GetValue(observations);
            var progressFile = parseResult.GetValue(progress);
            if (observationsFile is null && progressFile is null)
            {
                throw new ToolException("delta status needs --progress FILE (for the task roll-up), --observations FILE (for indicator statuses), or both; 'delta pull' writes progress.json and observations.json.");
            }

            var date = ParseDate(parseResult.GetValue(asOf));
            var planFile = parseResult.GetValue(plan);
            var index = planFile is null
                ? YangtzeRiverDelta.Index
                : PlanIndex.Create((await ReferenceDocuments.ReadPlanAsync(context, planFile, embedded: false, cancellationToken).ConfigureAwait(false))!, YangtzeRiverDelta.Regions);
            var lang = parseResult.GetValue(language)!;
            var scope = parseResult.GetValue(region) is { } regionText ? ResolveRegion(index, regionText, lang) : null;
            var aspectId = parseResult.GetValue(aspect) is { } aspectText ? ResolveAspect(index.Plan, aspectText) : (AspectId?)null;

            var result = new StatusResult { Index = index, AsOf = date, Region = scope };
            if (progressFile is not null)
            {
                var reports = await ProgressReportFile.ReadAsync(context, progressFile, cancellationToken).ConfigureAwait(false);
                result = result with { Progress = Rollup(context, index, reports, progressFile, date, scope?.Code, aspectId), ProgressFile = progressFile, ReportCount = reports.Length };
            }

            if (observationsFile is not null)
            {
                if (observationsFile.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ToolException($"'{observationsFile}' is CSV; --observations reads an observation batch in the canonical JSON format. Convert it first: delta convert {observationsFile} {Path.ChangeExtension(observationsFile, ".json")}");
                }

                var batch = await ReferenceDocuments.ReadObservationsAsync(context, observationsFile, "--observations", cancellationToken).ConfigureAwait(false);
                result = result with { IndicatorStatuses = Statuses(context, index.Plan, batch, observationsFile, date, scope?.Code), ObservationsFile = observationsFile, ObservationCount = batch.Observations.Length };
            }

            if (parseResult.GetValue(format) == "json")
            {
                var document = new AnalysisDocument { Plan = index.Plan.Id, AsOf = date, Progress = result.Progress, IndicatorStatuses = result.IndicatorStatuses };
                await context.Out.WriteLineAsync(AnalysisJson.Write(document)).ConfigureAwait(false);
            }
            else
            {
                StatusTables.Write(context.Console, result, lang);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static ProgressSummary Rollup(ToolContext context, PlanIndex index, ImmutableArray<ProgressReport> reports, string file, LocalDate date, RegionCode? region, AspectId? aspect)
    {
        // Reports the roll-up cannot place are said, not silently dropped: another plan's, or a task the plan does not catalogue.
        var ofOtherPlans = reports.Count(r => r.Plan != index.Plan.Id);
        var unknownTasks = reports.Count(r => r.Plan == index.Plan.Id && !index.TryGetTask(r.Task, out _));
        if (ofOtherPlans > 0)
        {
            context.Error.WriteLine($"warning: {file}: {ofOtherPlans} report(s) are for another plan than {index.Plan.Id} and are not counted (give that plan with --plan).");
        }

        if (unknownTasks > 0)
        {
            context.Error.WriteLine($"warning: {file}: {unknownTasks} report(s) name tasks the plan does not catalogue and are not counted (run 'delta validate' with --plan on them).");
        }

        var ledger = ProgressLedger.Create(reports.Where(r => r.Plan == index.Plan.Id));
        return new ProgressRollup(index, ledger).Summarize(date, region, aspect);
    }

    private static ImmutableArray<IndicatorStatus> Statuses(ToolContext context, Plan plan, ObservationBatch batch, string file, LocalDate date, RegionCode? region)
    {
        var unknown = batch.Observations.Count(o => !plan.Indicators.Any(i => i.Id == o.Indicator));
        if (unknown > 0)
        {
            context.Error.WriteLine($"warning: {file}: {unknown} observation(s) are of indicators the plan does not define and are not used.");
        }

        // With a region: the series of the region and of each region within it (a province's cities have their own
        // status); groups and the headline figure are not in a region's scope.
        var inScope = region is { } code
            ? batch.Observations.Where(o => o.Region is { } r && (r == code || r.IsWithin(code)))
            : batch.Observations;
        var measure = OpenSdgProgressMeasure.Default;
        var evaluated = measure.EvaluateAll(plan.Indicators, inScope, date);

        // Every indicator of the plan is listed: one without observations in scope says so (noObservations) rather than vanish.
        var result = ImmutableArray.CreateBuilder<IndicatorStatus>();
        foreach (var indicator in plan.Indicators)
        {
            var mine = evaluated.Where(s => s.Indicator == indicator.Id).ToList();
            if (mine.Count == 0)
            {
                result.Add(measure.Evaluate(indicator, ReadOnlySpan<IndicatorPoint>.Empty, date, region));
            }
            else
            {
                result.AddRange(mine);
            }
        }

        return result.ToImmutable();
    }

    private static LocalDate ParseDate(string? text)
    {
        if (text is null)
        {
            return SystemClock.Instance.GetCurrentInstant().InZone(PlanZone).Date;
        }

        return DeltaText.TryParseDate(text, out var parsed) ? parsed : throw new ToolException($"--as-of: '{text}' is not a date; give one as yyyy-MM-dd, for example 2025-06-30.");
    }

    private static Region ResolveRegion(PlanIndex index, string text, string lang)
    {
        var matches = index.FindRegions(text);
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count > 1)
        {
            throw new ToolException($"--region: '{text}' names {matches.Count} regions ({string.Join(", ", matches.Select(r => $"{r.Code} {r.Name.Get(lang)}"))}); give the code.");
        }

        var suggestions = index.SuggestRegions(text);
        var hint = suggestions.Count == 0 ? "Give a GB/T 2260 code (for example 320000) or a name; 'delta show --region NAME' looks one up." : "Did you mean " + string.Join(", ", suggestions.Select(r => $"{r.Code} {r.Name.Get(lang)}")) + "?";
        throw new ToolException($"--region: no region matches '{text}'. {hint}");
    }

    private static AspectId ResolveAspect(Plan plan, string text)
    {
        if (AspectId.TryParse(text, out var id) && plan.Aspects.Any(a => a.Id == id))
        {
            return id;
        }

        throw new ToolException($"--aspect: the plan {plan.Id} has no aspect '{text}'; its aspects are {string.Join(", ", plan.Aspects.Select(static a => a.Id))} ('delta show' lists them).");
    }
}
