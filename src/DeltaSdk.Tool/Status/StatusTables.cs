using System.Globalization;
using DeltaSdk.Analytics;
using DeltaSdk.Serialization;
using Spectre.Console;

namespace DeltaSdk.Tool.Status;

/// <summary>Writes what <c>delta status</c> computed as tables for people; <c>--format json</c> has every part.</summary>
internal static class StatusTables
{
    private const int NameWidth = 48;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Writes the roll-up and the statuses that were computed.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The result.</param>
    /// <param name="lang">The language of names.</param>
    public static void Write(IAnsiConsole console, StatusResult result, string lang)
    {
        if (result.Progress is { } summary)
        {
            WriteRollup(console, result, summary, lang);
        }

        if (result.ObservationsFile is not null)
        {
            if (result.Progress is not null)
            {
                console.WriteLine();
            }

            WriteStatuses(console, result, lang);
        }

        console.WriteLine();
        console.WriteLine("Every figure's parts (counts, weights, base and current values, growth rates, thresholds): --format json. Methods: docs/articles/progress.md.");
    }

    private static void WriteRollup(IAnsiConsole console, StatusResult result, ProgressSummary summary, string lang)
    {
        var plan = result.Index.Plan;
        var aspectText = summary.Aspect is { } a ? $", aspect {a}" : string.Empty;
        console.MarkupLine(string.Create(Inv, $"[bold]Task progress[/] of {plan.Id} for {Markup.Escape(Scope(result, lang))}{aspectText} as of {Iso(summary)} ({result.ReportCount} reports read from {Markup.Escape(result.ProgressFile!)})"));
        var treatment = summary.UnreportedTasks == UnreportedTaskTreatment.CountedAsZero ? "tasks without a figure count as 0%" : "tasks without a figure are left out";
        console.WriteLine($"Method {summary.Methodology.Id} {summary.Methodology.Version}: {treatment}; weighting: {summary.Weighting}.");
        if (summary.CatalogueCompleteness != CatalogueCompleteness.Complete)
        {
            var declared = summary.DeclaredTaskCount?.ToString(Inv) ?? "an unknown number of";
            console.WriteLine(string.Create(Inv, $"The catalogue is {WireNames.Of(summary.CatalogueCompleteness)}: {declared} tasks declared, {plan.CataloguedTaskCount} catalogued; only catalogued tasks are in scope."));
        }

        var table = new Table().Border(TableBorder.Markdown)
            .AddColumn("Aspect")
            .AddColumn(new TableColumn("Tasks").RightAligned())
            .AddColumn(new TableColumn("Reported").RightAligned())
            .AddColumn(new TableColumn("With figure").RightAligned())
            .AddColumn(new TableColumn("Completed").RightAligned())
            .AddColumn(new TableColumn("Coverage").RightAligned())
            .AddColumn(new TableColumn("% complete").RightAligned())
            .AddColumn(new TableColumn("% of reported").RightAligned());
        foreach (var aspect in summary.Aspects)
        {
            var name = aspect.Aspect is { } id && plan.Aspects.FirstOrDefault(x => x.Id == id) is { } found
                ? $"{id} {found.Name.Get(lang)}"
                : "Tasks of no known aspect";
            AddFigure(table, Fit(name), aspect.Progress, bold: false);
        }

        AddFigure(table, "All aspects", summary.Overall, bold: true);
        console.Write(table);

        var reported = summary.Tasks.Where(static t => t.ReportingRegions > 0).ToList();
        console.WriteLine();
        console.WriteLine(string.Create(Inv, $"Tasks with reports in scope: {reported.Count} of {summary.Tasks.Length}."));
        if (reported.Count == 0)
        {
            return;
        }

        var tasks = new Table().Border(TableBorder.Markdown)
            .AddColumn("Task")
            .AddColumn(new TableColumn("Regions reporting").RightAligned())
            .AddColumn(new TableColumn("% complete").RightAligned())
            .AddColumn("Completed")
            .AddColumn("Latest report")
            .AddColumn(new TableColumn("Weight").RightAligned());
        foreach (var task in reported)
        {
            var title = result.Index.TryGetTask(task.Task, out var keyTask) ? $"{task.Task} {keyTask.Title.Get(lang)}" : task.Task.ToString();
            tasks.AddRow(
                new Text(Fit(title)),
                new Text(task.ReportingRegions.ToString(Inv)),
                new Text(Percent(task.PercentComplete)),
                new Text(task.Completed ? "yes" : "no"),
                new Text(task.LatestReportOn is { } on ? DeltaText.FormatDate(on) : string.Empty),
                new Text(task.Weight.ToString("0.0000", Inv)));
        }

        console.Write(tasks);
    }

    private static void AddFigure(Table table, string name, ProgressFigure figure, bool bold)
    {
        var style = bold ? new Style(decoration: Decoration.Bold) : Style.Plain;
        table.AddRow(
            new Text(name, style),
            new Text(figure.TasksInScope.ToString(Inv), style),
            new Text(figure.TasksReported.ToString(Inv), style),
            new Text(figure.TasksWithFigure.ToString(Inv), style),
            new Text(figure.TasksCompleted.ToString(Inv), style),
            new Text(figure.Coverage.ToString("0.0%", Inv), style),
            new Text(Percent(figure.PercentComplete), style),
            new Text(Percent(figure.PercentCompleteOfReported), style));
    }

    private static void WriteStatuses(IAnsiConsole console, StatusResult result, string lang)
    {
        var measure = OpenSdgProgressMeasure.Default;
        console.MarkupLine(string.Create(Inv, $"[bold]Indicator status[/] for {Markup.Escape(Scope(result, lang))} as of {DeltaText.FormatDate(result.AsOf)} ({result.ObservationCount} observations read from {Markup.Escape(result.ObservationsFile!)})"));
        console.WriteLine(string.Create(
            Inv,
            $"Method {measure.Methodology.Id} {measure.Methodology.Version}: ratio = observed / required annual growth with a target (thresholds {Thresholds(measure.TargetThresholds)}), the annual growth itself without one ({Thresholds(measure.GrowthThresholds)})."));
        var table = new Table().Border(TableBorder.Markdown)
            .AddColumn("Indicator")
            .AddColumn("Scope")
            .AddColumn("Status")
            .AddColumn("Base")
            .AddColumn("Current")
            .AddColumn("Target")
            .AddColumn(new TableColumn("Observed growth").RightAligned())
            .AddColumn(new TableColumn("Required growth").RightAligned())
            .AddColumn(new TableColumn("Ratio").RightAligned())
            .AddColumn("Stale");
        var plan = result.Index.Plan;
        foreach (var status in result.IndicatorStatuses)
        {
            var name = plan.Indicators.FirstOrDefault(i => i.Id == status.Indicator) is { } indicator ? $"{status.Indicator} {indicator.Name.Get(lang)}" : status.Indicator.ToString();
            var statusText = WireNames.Of(status.Status) + (status.NotAvailableReason is { } why ? $" ({WireNames.Of(why)})" : string.Empty);
            table.AddRow(
                new Text(Fit(name)),
                new Text(status.Region?.ToString() ?? status.RegionGroup?.ToString() ?? "headline"),
                new Markup($"[{Colour(status.Status)}]{Markup.Escape(statusText)}[/]"),
                new Text(Point(status.Base, status.Unit)),
                new Text(Point(status.Current, status.Unit)),
                new Text(status.Target is { } t ? $"{Number(t.Value)} {status.Unit} by {t.Period}{(t.IsPast ? " (past)" : string.Empty)}" : "none"),
                new Text(Growth(status.ObservedGrowth)),
                new Text(Growth(status.RequiredGrowth)),
                new Text(status.Ratio is { } r ? r.ToString("0.000", Inv) : "-"),
                new Text(status.IsStale switch { true => "yes", false => "no", null => "-" }));
        }

        console.Write(table);
    }

    private static string Colour(IndicatorProgressStatus status) => status switch
    {
        IndicatorProgressStatus.TargetAchieved or IndicatorProgressStatus.SubstantialProgress => "green",
        IndicatorProgressStatus.ModerateProgress or IndicatorProgressStatus.LimitedProgress => "yellow",
        IndicatorProgressStatus.Deterioration => "red",
        _ => "grey",
    };

    private static string Scope(StatusResult result, string lang)
        => result.Region is { } region ? $"{region.Code} {region.Name.Get(lang)} (and the regions within it)" : "the whole delta";

    private static string Iso(ProgressSummary summary) => DeltaText.FormatDate(summary.AsOf);

    private static string Percent(double? value) => value is { } v ? v.ToString("0.0", Inv) + "%" : "-";

    private static string Growth(double? value) => value is { } v ? v.ToString("+0.00%;-0.00%;0.00%", Inv) + "/yr" : "-";

    private static string Point(IndicatorPoint? point, string unit) => point is { } p ? $"{Number(p.Value)} {unit} ({p.Period})" : "-";

    // Grouped digits and up to four decimals: a GDP in yuan stays readable, a share keeps its decimals.
    private static string Number(double value) => value.ToString("#,0.####", Inv);

    private static string Thresholds(ProgressThresholds thresholds) => string.Create(Inv, $"{thresholds.High:G3} / {thresholds.Moderate:G3} / {thresholds.Low:G3}");

    private static string Fit(string text) => text.Length <= NameWidth ? text : text[..(NameWidth - 1)] + "…";
}
