using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Samples.PlanServer;

/// <summary>
/// What an empty database is filled with: the embedded 2024-2026 dataset, or canonical plan and region documents
/// named in configuration (DeltaServer:SeedPlans, DeltaServer:SeedRegions) instead.
/// </summary>
internal static class SampleSeed
{
    public static PlanStoreSeed Load(IConfiguration section)
    {
        var plans = section.GetSection("SeedPlans").Get<string[]>() ?? [];
        var regions = section["SeedRegions"];
        if (plans.Length == 0 && string.IsNullOrEmpty(regions))
        {
            return new PlanStoreSeed
            {
                Plans = [YangtzeRiverDelta.ActionPlan2024To2026],
                Regions = YangtzeRiverDelta.Regions,
                Observations = YangtzeRiverDelta.Observations.Observations,
            };
        }

        return new PlanStoreSeed
        {
            Plans = [.. plans.Select(path => DeltaJson.ReadPlan(File.ReadAllText(path)))],
            Regions = string.IsNullOrEmpty(regions) ? new RegionTable() : DeltaJson.ReadRegions(File.ReadAllText(regions)),
        };
    }
}
