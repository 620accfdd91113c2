using DeltaSdk.Data;

namespace DeltaSdk.Samples.Snippets;

/// <summary>Snippets of docs/articles/dataset.md.</summary>
internal static class DatasetSnippets
{
    public static void UseTheDataset()
    {
        #region UseTheDataset
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;
        Console.WriteLine($"{plan.DeclaredTaskCount} key tasks declared, {plan.CataloguedTaskCount} catalogued");

        var index = YangtzeRiverDelta.Index;
        foreach (var task in index.TasksForRegion(RegionCode.Parse("320509"))) // Wujiang District
        {
            Console.WriteLine($"{task.Code} {task.Title}");
        }
        #endregion
    }
}
