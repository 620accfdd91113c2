using System.Globalization;
using DeltaSdk.Analytics;
using DeltaSdk.Data;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Samples.Progress;

/// <summary>
/// Prints, for a province, the task roll-up by aspect and the indicator statuses as tables with bars: what a
/// dashboard would show, computed by <see cref="ProgressRollup"/> and <see cref="OpenSdgProgressMeasure"/>.
/// </summary>
public static class ProgressReportWriter
{
    /// <summary>The exit code of a printed report.</summary>
    public const int Success = 0;

    /// <summary>The exit code when the province is missing, unknown or not a province.</summary>
    public const int UsageError = 2;

    private const int BarWidth = 20;

    /// <summary>Writes the report on the embedded dataset (it holds no progress reports: none are public).</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="province">A provincial unit by code or Chinese or English name.</param>
    /// <param name="asOf">The date of the figures.</param>
    /// <returns><see cref="Success"/> or <see cref="UsageError"/>.</returns>
    public static int Write(TextWriter output, string? province, LocalDate asOf)
        => Write(output, YangtzeRiverDelta.Index, YangtzeRiverDelta.Observations, [], province, asOf);

    /// <summary>Writes the report on any plan, observations and progress reports.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="index">The plan and its region table.</param>
    /// <param name="observations">The indicator observations.</param>
    /// <param name="reports">The progress reports.</param>
    /// <param name="province">A provincial unit by code or Chinese or English name.</param>
    /// <param name="asOf">The date of the figures.</param>
    /// <returns><see cref="Success"/> or <see cref="UsageError"/>.</returns>
    public static int Write(TextWriter output, PlanIndex index, ObservationBatch observations, IEnumerable<ProgressReport> reports, string? province, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(reports);

        var region = Resolve(output, index, province);
        if (region is null)
        {
            return UsageError;
        }

        var ledger = ProgressLedger.Create(reports);
        var summary = new ProgressRollup(index, ledger).Summarize(asOf, region.Code);
        WriteRollup(output, index, region, summary, ledger.Count);
        output.WriteLine();
        WriteStatuses(output, index, region, observations, asOf);
        return Success;
    }

    /// <summary>Parses an ISO date such as <c>2025-06-30</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date when the text is one.</param>
    /// <returns>Whether the text is an ISO date.</returns>
    public static bool TryParseDate(string text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>A bar of <see cref="BarWidth"/> cells for a percentage, filled to the nearest cell.</summary>
    /// <param name="percent">0 to 100; <see langword="null"/> draws an empty bar of dots.</param>
    /// <returns>The bar.</returns>
    public static string Bar(double? percent)
    {
        if (percent is not { } p)
        {
            return new string('·', BarWidth);
        }

        var filled = (int)Math.Round(Math.Clamp(p, 0, 100) / 100 * BarWidth, MidpointRounding.AwayFromZero);
        return new string('█', filled) + new string('░', BarWidth - filled);
    }

    private static Region? Resolve(TextWriter output, PlanIndex index, string? province)
    {
        if (string.IsNullOrWhiteSpace(province))
        {
            output.WriteLine("Name a province: dotnet run --project samples/DeltaSdk.Samples.Progress -- Jiangsu");
            WriteProvinces(output, index);
            return null;
        }

        var text = province.Trim();
        var matches = RegionCode.TryParse(text, out var code)
            ? (index.TryGetRegion(code, out var byCode) ? [byCode] : [])
            : index.FindRegions(text);
        var provinces = matches.Where(static r => r.Level is RegionLevel.Province or RegionLevel.Municipality).ToList();
        if (provinces.Count == 1)
        {
            return provinces[0];
        }

        output.WriteLine(matches.Count > 0
            ? $"'{text}' is not a provincial-level unit; the roll-up is by province (a province's figure includes its cities)."
            : $"No region in the table is called '{text}'.");
        WriteProvinces(output, index);
        return null;
    }

    private static void WriteProvinces(TextWriter output, PlanIndex index)
    {
        output.WriteLine("Provincial-level units:");
        foreach (var region in index.RegionsByLevel(RegionLevel.Municipality).Concat(index.RegionsByLevel(RegionLevel.Province)))
        {
            output.WriteLine($"  {region.Code}  {Describe(region)}");
        }
    }

    private static void WriteRollup(TextWriter output, PlanIndex index, Region region, ProgressSummary summary, int reportCount)
    {
        output.WriteLine($"Task progress for {Describe(region)} ({region.Code}) as of {Iso(summary.AsOf)}");
        output.WriteLine($"Method: {summary.Methodology.Id} {summary.Methodology.Version}; tasks without a figure count as 0%; weights: {summary.Weighting}.");
        output.WriteLine($"Scope: the tasks concerning {region.Code} or a region within it, and the reports of {region.Code} and its cities ({reportCount} reports held).");
        if (summary.CatalogueCompleteness == CatalogueCompleteness.Partial)
        {
            output.WriteLine($"The catalogue is partial: {summary.DeclaredTaskCount?.ToString(CultureInfo.InvariantCulture) ?? "?"} tasks declared, {index.Plan.CataloguedTaskCount} catalogued; only catalogued tasks can be in scope.");
        }

        if (reportCount == 0)
        {
            output.WriteLine("No progress reports are held (the embedded dataset has none: no public source reports task progress), so every figure is 0% with 0% coverage.");
        }

        output.WriteLine();
        output.WriteLine($"  {"Aspect",-44} {"Tasks",5} {"Rep.",5} {"Cover",6}  {"Done",-BarWidth} {"%",6}");
        foreach (var aspect in summary.Aspects)
        {
            var name = aspect.Aspect is { } id ? $"{aspect.Ordinal,2} {Name(index.Plan.Aspects.First(a => a.Id == id).Name)}" : " - (aspect not stated)";
            WriteFigureLine(output, name, aspect.Progress);
        }

        WriteFigureLine(output, "All aspects", summary.Overall);
    }

    private static void WriteFigureLine(TextWriter output, string name, ProgressFigure figure)
        => output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {Fit(name, 44),-44} {figure.TasksInScope,5} {figure.TasksReported,5} {figure.Coverage,6:P0}  {Bar(figure.PercentComplete)} {figure.PercentComplete,6:0.0}"));

    private static void WriteStatuses(TextWriter output, PlanIndex index, Region region, ObservationBatch observations, LocalDate asOf)
    {
        var measure = OpenSdgProgressMeasure.Default;
        output.WriteLine($"Indicator status as of {Iso(asOf)} ({measure.Methodology.Id} {measure.Methodology.Version})");
        var regional = observations.Observations.Where(o => o.Region is { } r && (r == region.Code || r.IsWithin(region.Code))).ToList();
        if (regional.Count == 0)
        {
            output.WriteLine($"No observation in the data is for {region.Code} or a region within it; the statuses below are for the figures published for the whole delta.");
        }

        var statuses = measure.EvaluateAll(index.Plan.Indicators, regional.Count > 0 ? regional : observations.Observations, asOf);
        output.WriteLine();
        output.WriteLine($"  {"Indicator",-44} {"Scope",-7} {"Base",-16} {"Latest",-16} {"Target",-10} {"Ratio",7}  Status");
        foreach (var status in statuses)
        {
            var name = index.Plan.Indicators.First(i => i.Id == status.Indicator).Name;
            var scope = status.Region?.ToString() ?? status.RegionGroup?.ToString() ?? "-";
            var reason = status.NotAvailableReason is { } why ? $" ({why})" : string.Empty;
            var stale = status.IsStale == true ? ", stale" : string.Empty;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {Fit(Name(name), 44),-44} {scope,-7} {Point(status.Base),-16} {Point(status.Current),-16} {(status.Target is { } t ? $"{t.Value:G6}@{t.Period}" : "none"),-10} {(status.Ratio is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-"),7}  {StatusBar(status.Status)} {status.Status}{reason}{stale}"));
        }

        output.WriteLine();
        output.WriteLine("Ratio: annual growth (no target; thresholds 1.5% / 0.5% / 0) or observed / required growth (target; 0.95 / 0.60 / 0). See docs/articles/progress.md.");
    }

    private static string StatusBar(IndicatorProgressStatus status) => status switch
    {
        IndicatorProgressStatus.TargetAchieved => "█████",
        IndicatorProgressStatus.SubstantialProgress => "████░",
        IndicatorProgressStatus.ModerateProgress => "███░░",
        IndicatorProgressStatus.LimitedProgress => "██░░░",
        IndicatorProgressStatus.Deterioration => "█░░░░",
        _ => "·····",
    };

    private static string Point(IndicatorPoint? point)
        => point is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Value:G6}@{p.Period}") : "-";

    private static string Describe(Region region) => $"{region.Name.Chinese} {region.Name.EnglishText}".Trim();

    private static string Name(LocalizedText text) => text.EnglishText ?? text.Chinese ?? string.Empty;

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
