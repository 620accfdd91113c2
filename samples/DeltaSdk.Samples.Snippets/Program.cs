// The landing page's example (docs/index.md shows the region below, usings included). The other files hold the
// snippets of the articles, one class per article; running this project runs the landing page's example.
#region LandingPage
using DeltaSdk;
using DeltaSdk.Data;

Plan plan = YangtzeRiverDelta.ActionPlan2024To2026;
Console.WriteLine($"{plan.Title.Get("en")}: {plan.DeclaredTaskCount} key tasks declared");

Region hefei = YangtzeRiverDelta.Index.FindRegions("合肥")[0];
foreach (KeyTask task in YangtzeRiverDelta.Index.TasksForRegion(hefei.Code))
{
    Console.WriteLine($"{task.Code}  {task.Title.Get("zh-Hans")}");
}
#endregion
