using System.Runtime.CompilerServices;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Server.Http;

/// <summary>
/// What the <c>region</c> filter of the task list means: exactly <see cref="PlanIndex.TasksForRegion"/> (the tasks
/// naming the region, a region above or below it, a group holding one of those, or the whole area), so that the API and the library agree.
/// </summary>
internal static class RegionScopes
{
    // Stores hand out the same plan and table instances while their data is unchanged; an index is built once per pair.
    private static readonly ConditionalWeakTable<Plan, IndexEntry> Indexes = [];

    public static TaskFilter Apply(TaskFilter filter, Plan plan, RegionCode region, RegionTable table)
    {
        var entry = Indexes.GetValue(plan, p => new IndexEntry(PlanIndex.Create(p, table)));
        if (!ReferenceEquals(entry.Index.Regions, table))
        {
            entry = new IndexEntry(PlanIndex.Create(plan, table));
            Indexes.AddOrUpdate(plan, entry);
        }

        return filter with { Codes = [.. entry.Index.TasksForRegion(region).Select(static t => t.Code)] };
    }

    private sealed record IndexEntry(PlanIndex Index);
}
