using System.CommandLine;
using System.Globalization;
using DeltaSdk.Data;
using DeltaSdk.Tool.Validation;
using Spectre.Console;

namespace DeltaSdk.Tool.Show;

/// <summary>
/// <c>delta show</c>: the embedded plan (or a plan file) as a tree of aspects and tasks with declared and catalogued
/// counts; <c>--region</c> one region and its tasks; <c>--task</c> one task. Reads <see cref="PlanIndex"/> only.
/// </summary>
internal static class ShowCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(ToolContext context)
    {
        var region = new Option<string>("--region", "-r") { Description = "Show one region, by GB/T 2260 code (320500) or name (苏州, Suzhou), with the groups it belongs to and its tasks." };
        var task = new Option<string>("--task", "-t") { Description = "Show one key task by code (for example YRD-1-01)." };
        var plan = new Option<string>("--plan") { Description = "Show this plan file instead of the embedded 2024-2026 plan (regions stay the embedded table)." };
        var language = new Option<string>("--lang") { Description = "Language of names: 'en' or 'zh-Hans' (falls back to the other when a name has only one).", DefaultValueFactory = static _ => LocalizedText.English };
        language.AcceptOnlyFromAmong(LocalizedText.English, LocalizedText.SimplifiedChinese);
        var command = new Command("show", "Show the plan as a tree (aspects, then tasks, with declared and catalogued counts), a region, or a task.")
        {
            region, task, plan, language,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var planFile = parseResult.GetValue(plan);
            var index = planFile is null
                ? YangtzeRiverDelta.Index
                : PlanIndex.Create((await ReferenceDocuments.ReadPlanAsync(context, planFile, embedded: false, cancellationToken).ConfigureAwait(false))!, YangtzeRiverDelta.Regions);
            var lang = parseResult.GetValue(language)!;
            if (parseResult.GetValue(task) is { } taskText)
            {
                ShowTask(context.Console, index, taskText, lang);
            }
            else if (parseResult.GetValue(region) is { } regionText)
            {
                ShowRegion(context.Console, index, regionText, lang);
            }
            else
            {
                ShowPlan(context.Console, index.Plan, lang);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void ShowPlan(IAnsiConsole console, Plan plan, string lang)
    {
        var inv = CultureInfo.InvariantCulture;
        var tree = new Tree(new Text(string.Create(inv, $"{plan.Title.Get(lang)} ({plan.Id}, {plan.StartDate:yyyy-MM-dd} to {plan.EndDate:yyyy-MM-dd}): {Count(plan.DeclaredTaskCount)} tasks declared, {plan.CataloguedTaskCount} catalogued")));
        foreach (var aspect in plan.Aspects.OrderBy(static a => a.Ordinal))
        {
            var node = tree.AddNode(new Text(string.Create(inv, $"{aspect.Ordinal}. {aspect.Name.Get(lang)} [{aspect.Id}]: {Count(aspect.DeclaredTaskCount)} declared, {aspect.Tasks.Length} catalogued")));
            foreach (var task in aspect.Tasks)
            {
                node.AddNode(new Text($"{task.Code}  {task.Title.Get(lang)}"));
            }
        }

        if (!plan.UnassignedTasks.IsEmpty)
        {
            var node = tree.AddNode(new Text(string.Create(inv, $"Tasks of no known aspect: {plan.UnassignedTasks.Length}")));
            foreach (var task in plan.UnassignedTasks)
            {
                node.AddNode(new Text($"{task.Code}  {task.Title.Get(lang)}"));
            }
        }

        console.Write(tree);
        console.WriteLine(string.Create(inv, $"Catalogue: {WireNames.Of(plan.CatalogueCompleteness)}. Declared counts are the plan's own; catalogued counts are the tasks public sources describe."));
    }

    private static void ShowRegion(IAnsiConsole console, PlanIndex index, string text, string lang)
    {
        var matches = index.FindRegions(text);
        if (matches.Count == 0)
        {
            var suggestions = index.SuggestRegions(text);
            var hint = suggestions.Count == 0 ? "Give a GB/T 2260 code (for example 320500) or a name." : "Did you mean " + string.Join(", ", suggestions.Select(r => $"{r.Code} {r.Name.Get(lang)}")) + "?";
            throw new ToolException($"No region matches '{text}'. {hint}");
        }

        foreach (var region in matches)
        {
            var inv = CultureInfo.InvariantCulture;
            var tree = new Tree(new Text($"{region.Code}  {region.Name.Get(lang)} ({WireNames.Of(region.Level)})"));
            if (region.Parent is { } parent && index.TryGetRegion(parent, out var parentRegion))
            {
                tree.AddNode(new Text($"Parent: {parentRegion.Code}  {parentRegion.Name.Get(lang)}"));
            }

            var groups = index.GroupsContaining(region.Code);
            if (groups.Count > 0)
            {
                var node = tree.AddNode(new Text(string.Create(inv, $"Groups ({groups.Count})")));
                foreach (var group in groups)
                {
                    node.AddNode(new Text($"{group.Id}  {group.Name.Get(lang)}"));
                }
            }

            var tasks = index.TasksForRegion(region.Code);
            var taskNode = tree.AddNode(new Text(string.Create(inv, $"Catalogued tasks naming it or its groups ({tasks.Count})")));
            foreach (var task in tasks)
            {
                taskNode.AddNode(new Text($"{task.Code}  {task.Title.Get(lang)}"));
            }

            console.Write(tree);
        }
    }

    private static void ShowTask(IAnsiConsole console, PlanIndex index, string text, string lang)
    {
        if (!TaskCode.TryParse(text, out var code))
        {
            throw new ToolException($"'{text}' is not a task code: codes are upper-case letters and digits joined by '.' or '-', for example YRD-1-01. Run 'delta show' to list them.");
        }

        if (!index.TryGetTask(code, out var task))
        {
            throw new ToolException($"The plan has no catalogued task {code}. Run 'delta show' to list the catalogued tasks.");
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                grid.AddRow(new Text(name), new Text(value));
            }
        }

        Row("Code", task.Code.ToString());
        Row("Title", task.Title.Get(lang));
        Row("Aspect", task.Aspect?.ToString());
        Row("Summary", task.Summary?.Get(lang));
        Row("Lead agencies", Names(index, task.LeadAgencies, lang));
        Row("Participating", Names(index, task.ParticipatingAgencies, lang));
        Row("Regions", string.Join(", ", task.Regions.Select(r => index.TryGetRegion(r, out var region) ? $"{r} {region.Name.Get(lang)}" : r.ToString())));
        Row("Region groups", string.Join(", ", task.RegionGroups.Select(g => index.TryGetGroup(g, out var group) ? $"{g} {group.Name.Get(lang)}" : g.ToString())));
        Row("Time frame", task.TimeFrame is { } frame ? $"{frame.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} to {frame.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}" : null);
        Row("Milestones", string.Join(Environment.NewLine, task.Milestones.Select(m => $"{m.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {m.Title.Get(lang)}")));
        Row("Indicators", string.Join(", ", task.Indicators));
        Row("Tags", string.Join(", ", task.Tags));
        Row("Sources", string.Join(Environment.NewLine, task.Sources.Select(s => s.Url is { } url ? $"{s.Title} <{url}>" : s.Title)));
        Row("Notes", task.Notes);
        console.Write(grid);
    }

    private static string Names(PlanIndex index, IEnumerable<AgencyId> agencies, string lang)
        => string.Join(", ", agencies.Select(a => index.TryGetAgency(a, out var agency) ? agency.Name.Get(lang) : a.ToString()));

    private static string Count(int? declared) => declared?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
