using System.Globalization;
using DeltaSdk.Data;

namespace DeltaSdk.Samples.Quickstart;

/// <summary>
/// The quickstart's report on the embedded 2024-2026 plan: an overview, the aspects with declared and catalogued
/// task counts, the tasks concerning one city, and the region tree. Kept apart from <c>Program</c> so tests can
/// run it against a <see cref="StringWriter"/>.
/// </summary>
public static class QuickstartReport
{
    /// <summary>The exit code of a complete report.</summary>
    public const int Success = 0;

    /// <summary>The exit code when the city argument names no region, or several.</summary>
    public const int UsageError = 2;

    /// <summary>The city reported on when none is given.</summary>
    public const string DefaultCity = "310000";

    private const string Indent = "    ";

    /// <summary>Writes the report on the embedded dataset.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="city">A six-digit code or a Chinese or English name (<c>Shanghai</c>, <c>南京</c>, <c>320500</c>); <see langword="null"/> or blank for Shanghai.</param>
    /// <returns><see cref="Success"/>, or <see cref="UsageError"/> when the city is unknown or ambiguous (the output then says why).</returns>
    public static int Write(TextWriter output, string? city) => Write(output, YangtzeRiverDelta.Index, city);

    /// <summary>Writes the report on any plan and region table.</summary>
    /// <param name="output">Where to write.</param>
    /// <param name="index">The index over the plan and its region table.</param>
    /// <param name="city">A six-digit code or a Chinese or English name; <see langword="null"/> or blank for <see cref="DefaultCity"/>.</param>
    /// <returns><see cref="Success"/>, or <see cref="UsageError"/> when the city is unknown or ambiguous (the output then says why).</returns>
    public static int Write(TextWriter output, PlanIndex index, string? city)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(index);

        // Resolve first: a bad argument should get a short answer, not a report with an error at the bottom.
        var region = ResolveCity(output, index, string.IsNullOrWhiteSpace(city) ? DefaultCity : city.Trim());
        if (region is null)
        {
            return UsageError;
        }

        WriteOverview(output, index);
        WriteAspects(output, index.Plan);
        WriteTasksFor(output, index, region);
        WriteRegionTree(output, index);
        return Success;
    }

    private static Region? ResolveCity(TextWriter output, PlanIndex index, string city)
    {
        if (RegionCode.TryParse(city, out var code))
        {
            if (index.TryGetRegion(code, out var byCode))
            {
                return byCode;
            }

            output.WriteLine($"No region in the table has the code {code}.");
            output.WriteLine("The table holds the provincial units, the 40 prefecture-level cities and only those county-level units the plan's sources name.");
            var nearest = NearestKnownAncestor(index, code);
            if (nearest is not null)
            {
                output.WriteLine($"The nearest region that contains it is {Describe(nearest)}; run again with {nearest.Code}.");
            }

            return null;
        }

        var matches = index.FindRegions(city);
        if (matches.Count == 1)
        {
            return matches[0];
        }

        if (matches.Count > 1)
        {
            output.WriteLine($"'{city}' names {matches.Count} regions:");
            foreach (var match in matches)
            {
                output.WriteLine($"  {match.Code}  {Describe(match)}{InProvince(index, match)}");
            }

            output.WriteLine($"Run again with a code, for example: dotnet run --project samples/DeltaSdk.Samples.Quickstart {matches[0].Code}");
            return null;
        }

        output.WriteLine($"No region in the table is called '{city}'.");
        var suggestions = index.SuggestRegions(city);
        if (suggestions.Count > 0)
        {
            output.WriteLine("Did you mean:");
            foreach (var suggestion in suggestions)
            {
                output.WriteLine($"  {suggestion.Code}  {Describe(suggestion)}{InProvince(index, suggestion)}");
            }
        }
        else
        {
            output.WriteLine("Give a six-digit code (310000) or a Chinese or English name (上海, Nanjing, Hangzhou); the region tree printed without an argument lists them all.");
        }

        return null;
    }

    private static void WriteOverview(TextWriter output, PlanIndex index)
    {
        var plan = index.Plan;
        output.WriteLine(plan.Title.EnglishText ?? plan.Title.ToString());
        if (plan.Title.Chinese is { } chineseTitle)
        {
            output.WriteLine(chineseTitle);
        }

        output.WriteLine();
        output.WriteLine($"  Period:     {Format(plan.StartDate)} to {Format(plan.EndDate)}{(plan.AnnouncedOn is { } announced ? $" (made public {Format(announced)})" : string.Empty)}");
        if (plan.IssuedBy is { } issuer)
        {
            output.WriteLine($"  Issued by:  {(index.TryGetAgency(issuer, out var agency) ? Bilingual(agency.Name) : issuer.ToString())}");
        }

        var assigned = plan.Aspects.Sum(static a => a.Tasks.Length);
        output.WriteLine($"  Declared:   {Count(plan.DeclaredAspectCount)} aspects, {Count(plan.DeclaredTaskCount)} key tasks");
        output.WriteLine($"  Catalogued: {plan.Aspects.Length} aspects, {plan.CataloguedTaskCount} key tasks ({assigned} under an aspect, {plan.UnassignedTasks.Length} with no stated aspect)");
        if (plan.CatalogueCompleteness == CatalogueCompleteness.Partial)
        {
            output.WriteLine("  The catalogue is partial: it holds only the tasks public sources describe.");
        }

        output.WriteLine();
    }

    private static void WriteAspects(TextWriter output, Plan plan)
    {
        output.WriteLine("Aspects (key tasks declared / catalogued)");
        output.WriteLine("   #  Declared  Catalogued  Name");
        foreach (var aspect in plan.Aspects)
        {
            var declared = aspect.DeclaredTaskCount?.ToString(CultureInfo.InvariantCulture) ?? "?";
            var translated = aspect.Notes?.Contains("compiler translation", StringComparison.OrdinalIgnoreCase) == true ? " (English: unofficial translation)" : string.Empty;
            output.WriteLine($"  {aspect.Ordinal,2}  {declared,8}  {aspect.Tasks.Length,10}  {aspect.Name.EnglishText ?? aspect.Name.ToString()}{translated}");
            if (aspect.Name.Chinese is { } chinese)
            {
                output.WriteLine($"  {string.Empty,2}  {string.Empty,8}  {string.Empty,10}  {chinese}");
            }
        }

        output.WriteLine($"   -  {"-",8}  {plan.UnassignedTasks.Length,10}  No aspect stated by any source");

        var known = plan.Aspects.Where(static a => a.DeclaredTaskCount is not null).ToList();
        var unknown = plan.Aspects.Where(static a => a.DeclaredTaskCount is null).ToList();
        if (unknown.Count > 0)
        {
            var knownSum = known.Sum(static a => a.DeclaredTaskCount!.Value);
            var rest = plan.DeclaredTaskCount is { } total ? (total - knownSum).ToString(CultureInfo.InvariantCulture) : "the rest";
            output.WriteLine($"  ? = not published. The aspects with published counts declare {knownSum} tasks; the other {unknown.Count} aspects hold {rest} together.");
        }

        output.WriteLine();
    }

    private static void WriteTasksFor(TextWriter output, PlanIndex index, Region region)
    {
        var tasks = index.TasksForRegion(region.Code);
        output.WriteLine($"Key tasks concerning {Describe(region)} ({region.Code}): {tasks.Count} of {index.Plan.CataloguedTaskCount} catalogued");
        if (tasks.Count == 0)
        {
            output.WriteLine("  No catalogued task names this region, a region above or below it, or a group holding one of them.");
        }

        var aspects = index.Plan.Aspects.ToDictionary(static a => a.Id);
        var scope = Scope(index, region);
        foreach (var task in tasks)
        {
            var aspect = task.Aspect is { } id && aspects.TryGetValue(id, out var found) ? $"aspect {found.Ordinal}" : "no aspect";
            output.WriteLine($"  {task.Code,-8}  {aspect,-9}  {task.Title.EnglishText ?? task.Title.ToString()}");
            var continuation = new string(' ', 23);
            if (task.Title.Chinese is { } chinese && task.Title.EnglishText is not null)
            {
                output.WriteLine($"{continuation}{chinese}");
            }

            output.WriteLine($"{continuation}({Reason(index, task, region, scope)})");
        }

        output.WriteLine();
    }

    private static void WriteRegionTree(TextWriter output, PlanIndex index)
    {
        output.WriteLine("Regions (provincial units > prefecture-level cities > county-level units)");
        foreach (var top in index.Regions.Regions.Where(static r => r.Parent is null))
        {
            WriteRegionLine(output, index, top, depth: 1);
        }
    }

    private static void WriteRegionLine(TextWriter output, PlanIndex index, Region region, int depth)
    {
        output.WriteLine($"{new string(' ', depth * 2)}{region.Code}  {Describe(region)} [{LevelName(region.Level)}]");
        foreach (var child in index.Children(region.Code))
        {
            WriteRegionLine(output, index, child, depth + 1);
        }
    }

    private static string Reason(PlanIndex index, KeyTask task, Region region, HashSet<RegionCode> scope)
    {
        var reasons = new List<string>();
        foreach (var named in task.Regions.Where(scope.Contains))
        {
            reasons.Add(named == region.Code ? "names it" : $"names {(index.TryGetRegion(named, out var r) ? Describe(r) : named.ToString())}, which contains it");
        }

        var containing = index.GroupsContaining(region.Code).Select(static g => g.Id).ToHashSet();
        foreach (var groupId in task.RegionGroups)
        {
            if (index.TryGetGroup(groupId, out var group) && (containing.Contains(groupId) || group.Kind == RegionGroupKind.WholeRegion))
            {
                reasons.Add($"names {group.Name.EnglishText ?? group.Name.ToString()}");
            }
        }

        return reasons.Count == 0 ? "related" : string.Join("; ", reasons);
    }

    private static HashSet<RegionCode> Scope(PlanIndex index, Region region)
    {
        // The same scope PlanIndex.TasksForRegion uses: the region, its parent chain, and its province by code.
        var scope = new HashSet<RegionCode> { region.Code };
        var current = region;
        while (current.Parent is { } parent && scope.Add(parent) && index.TryGetRegion(parent, out var next))
        {
            current = next;
        }

        scope.Add(region.Code.Province);
        return scope;
    }

    private static Region? NearestKnownAncestor(PlanIndex index, RegionCode code)
    {
        if (code.Prefecture is { } prefecture && index.TryGetRegion(prefecture, out var city))
        {
            return city;
        }

        return index.TryGetRegion(code.Province, out var province) ? province : null;
    }

    private static string InProvince(PlanIndex index, Region region)
        => region.Parent is not null && index.TryGetRegion(region.Code.Province, out var province) && province.Code != region.Code
            ? $", {province.Name.EnglishText ?? province.Name.ToString()}"
            : string.Empty;

    private static string Describe(Region region) => Bilingual(region.Name);

    private static string Bilingual(LocalizedText text)
        => (text.Chinese, text.EnglishText) switch
        {
            ({ } zh, { } en) => $"{zh} {en}",
            (null, { } en) => en,
            ({ } zh, null) => zh,
            _ => text.ToString(),
        };

    private static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Municipality => "municipality",
        RegionLevel.Province => "province",
        RegionLevel.City => "prefecture-level city",
        RegionLevel.District => "district",
        RegionLevel.County => "county",
        RegionLevel.CountyLevelCity => "county-level city",
        _ => level.ToString(),
    };

    private static string Count(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Format(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
