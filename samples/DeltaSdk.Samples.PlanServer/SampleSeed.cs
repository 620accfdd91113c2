using DeltaSdk.Serialization;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Samples.PlanServer;

/// <summary>What an empty database is filled with: canonical plan and region documents named in configuration.</summary>
internal static class SampleSeed
{
    public static PlanStoreSeed Load(IConfiguration section)
    {
        var plans = section.GetSection("SeedPlans").Get<string[]>() ?? [];
        var regions = section["SeedRegions"];
        return new PlanStoreSeed
        {
            Plans = [.. plans.Select(path => DeltaJson.ReadPlan(File.ReadAllText(path)))],
            Regions = string.IsNullOrEmpty(regions) ? new RegionTable() : DeltaJson.ReadRegions(File.ReadAllText(regions)),
        };
    }
}
