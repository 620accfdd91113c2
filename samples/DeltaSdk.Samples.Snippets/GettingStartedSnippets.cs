using DeltaSdk.Data;
using NodaTime;

namespace DeltaSdk.Samples.Snippets;

/// <summary>Snippets of docs/articles/getting-started.md.</summary>
internal static class GettingStartedSnippets
{
    public static void EmbeddedPlan()
    {
        #region EmbeddedPlan
        Plan plan = YangtzeRiverDelta.ActionPlan2024To2026;
        RegionTable regions = YangtzeRiverDelta.Regions;

        Console.WriteLine(plan.Title.Get(LocalizedText.English));
        Console.WriteLine($"{plan.DeclaredTaskCount} key tasks declared, {plan.CataloguedTaskCount} catalogued, {regions.Regions.Length} regions");

        foreach (Aspect aspect in plan.Aspects)
        {
            string declared = aspect.DeclaredTaskCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not published";
            Console.WriteLine($"{aspect.Ordinal}. {aspect.Name.Get("zh-Hans")}: {declared} declared, {aspect.Tasks.Length} catalogued");
        }
        #endregion
    }

    public static void Querying()
    {
        #region Querying
        PlanIndex index = YangtzeRiverDelta.Index;      // or PlanIndex.Create(plan, regions) for your own data

        IReadOnlyList<Region> matches = index.FindRegions("Suzhou");   // two cities: 320500 (Jiangsu) and 341300 (Anhui)
        RegionCode suzhou = RegionCode.Parse("320500");

        foreach (KeyTask task in index.TasksForRegion(suzhou))        // its own tasks, its province's, its groups'
        {
            Console.WriteLine($"{task.Code} {task.Title}");
        }

        IReadOnlyList<KeyTask> rail = index.Search("轨道交通");          // either language
        IReadOnlyList<Region> cities = index.Children(RegionCode.Parse("340000"));
        #endregion
        GC.KeepAlive((matches, rail, cities));
    }

    public static void IdentifiersAndPeriods(string userInput)
    {
        #region IdentifiersAndPeriods
        RegionCode code = RegionCode.Parse("320509");       // Wujiang District
        Console.WriteLine(code.CodeLevel);                  // County
        Console.WriteLine(code.Province);                   // 320000

        if (!TaskCode.TryParse(userInput, out TaskCode task))
        {
            Console.WriteLine($"'{userInput}' is not a task code.");
        }

        ReportingPeriod q3 = ReportingPeriod.Parse("2024-Q3");
        DateInterval days = q3.ToDateInterval();            // 2024-07-01 .. 2024-09-30
        #endregion
        GC.KeepAlive((task, days));
    }
}
