using DeltaSdk.Server.Storage;

namespace DeltaSdk.Server.Http;

/// <summary>
/// What the <c>region</c> filter of the task list means: tasks that name the region, one of its ancestors, or a
/// group that has the region or one of its ancestors as a member (a task for the Yangtze River Delta central area
/// concerns each district of its member cities).
/// </summary>
internal static class RegionScopes
{
    public static TaskFilter Apply(TaskFilter filter, RegionCode region, RegionTable table)
    {
        var byCode = table.Regions.ToDictionary(static r => r.Code);
        var chain = new List<RegionCode>();
        RegionCode? current = region;
        while (current is { } code && !chain.Contains(code))
        {
            chain.Add(code);
            current = byCode.TryGetValue(code, out var known) ? known.Parent : CodeParent(code);
        }

        var groups = table.Groups.Where(g => g.Members.Any(chain.Contains)).Select(static g => g.Id);
        return filter with { Regions = [.. chain], RegionGroups = [.. groups] };
    }

    // Outside the table the code's digits still tell the prefecture and province.
    private static RegionCode? CodeParent(RegionCode code) => code.CodeLevel switch
    {
        RegionCodeLevel.County => code.Prefecture,
        RegionCodeLevel.Prefectural => code.Province,
        _ => null,
    };
}
