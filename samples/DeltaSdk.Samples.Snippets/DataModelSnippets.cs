namespace DeltaSdk.Samples.Snippets;

/// <summary>Snippets of docs/articles/data-model.md.</summary>
internal static class DataModelSnippets
{
    public static void Identifiers(string userInput)
    {
        #region Identifiers
        var code = TaskCode.Parse("YRD-1-01");
        if (!RegionCode.TryParse(userInput, out var region))
        {
            Console.WriteLine($"'{userInput}' is not a six-digit GB/T 2260 code.");
        }
        #endregion
        GC.KeepAlive((code, region));
    }

    public static void Index(Plan plan, RegionTable regions)
    {
        #region PlanIndex
        PlanIndex index = PlanIndex.Create(plan, regions);

        // Tasks that concern Wujiang District, in plan order.
        foreach (KeyTask task in index.TasksForRegion(RegionCode.Parse("320509")))
        {
            Console.WriteLine($"{task.Code}  {task.Title.Get("zh-Hans")}");
        }

        IReadOnlyList<KeyTask> rail = index.Search("铁路");       // or index.Search("railway")
        IReadOnlyList<Region> suzhous = index.FindRegions("Suzhou"); // both Suzhous
        IReadOnlyList<Region> meant = index.SuggestRegions("Hangzou"); // "did you mean Hangzhou?"
        #endregion
        GC.KeepAlive((rail, suzhous, meant));
    }
}
