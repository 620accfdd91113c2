using CsCheck;

namespace DeltaSdk.Tests;

/// <summary>
/// The region filter's rule checked over generated (synthetic) region tables: a task naming one region concerns
/// exactly that region, the regions above it and the regions below it, by the table's parents.
/// </summary>
public sealed class PlanIndexRegionPropertyTests
{
    // Provinces 1-3, each with 0-3 cities, each with 0-3 districts: a shape per province is a list of district counts.
    private static readonly Gen<int[][]> Shapes = Gen.Int[0, 3].Array[0, 3].Array[1, 3];

    [Fact]
    public void A_task_about_a_region_concerns_exactly_that_region_its_ancestors_and_its_descendants()
        => Gen.Select(Shapes, Gen.Int[0, int.MaxValue]).Sample(static sample =>
        {
            var (shape, seed) = sample;
            var table = Table(shape);
            var random = new Random(seed);

            // Some regions get a task each (synthetic), named by the region's code.
            var named = table.Regions.Where(_ => random.Next(2) == 0).ToList();
            var plan = new Plan
            {
                Id = PlanId.Parse("synthetic-plan"),
                Title = LocalizedText.Create("合成计划", "Synthetic plan"),
                StartDate = new NodaTime.LocalDate(2024, 1, 1),
                EndDate = new NodaTime.LocalDate(2026, 12, 31),
                UnassignedTasks = [.. named.Select(static r => new KeyTask { Code = TaskCode.Parse("T-" + r.Code), Title = LocalizedText.Create("合成", "Synthetic"), Regions = [r.Code] })],
            };
            var index = PlanIndex.Create(plan, table);
            var parents = table.Regions.ToDictionary(static r => r.Code, static r => r.Parent);
            foreach (var region in table.Regions)
            {
                var expected = named.Where(r => IsAncestorOrSelf(r.Code, region.Code, parents) || IsAncestorOrSelf(region.Code, r.Code, parents))
                    .Select(static r => "T-" + r.Code)
                    .Order(StringComparer.Ordinal);
                Assert.Equal(expected, index.TasksForRegion(region.Code).Select(static t => t.Code.ToString()).Order(StringComparer.Ordinal));
            }
        }, iter: 200);

    private static bool IsAncestorOrSelf(RegionCode ancestor, RegionCode region, Dictionary<RegionCode, RegionCode?> parents)
    {
        for (RegionCode? current = region; current is { } code; current = parents.GetValueOrDefault(code))
        {
            if (code == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static RegionTable Table(int[][] shape)
    {
        var regions = new List<Region>();
        for (var p = 0; p < shape.Length; p++)
        {
            var province = 31 + p;
            var provinceCode = RegionCode.Parse($"{province}0000");
            regions.Add(new Region { Code = provinceCode, Name = LocalizedText.Create("合成省", "Synthetic province"), Level = RegionLevel.Province });
            for (var c = 0; c < shape[p].Length; c++)
            {
                var cityCode = RegionCode.Parse($"{province}{c + 1:00}00");
                regions.Add(new Region { Code = cityCode, Name = LocalizedText.Create("合成市", "Synthetic city"), Level = RegionLevel.City, Parent = provinceCode });
                for (var d = 0; d < shape[p][c]; d++)
                {
                    regions.Add(new Region { Code = RegionCode.Parse($"{province}{c + 1:00}{d + 1:00}"), Name = LocalizedText.Create("合成区", "Synthetic district"), Level = RegionLevel.District, Parent = cityCode });
                }
            }
        }

        return new RegionTable { Regions = [.. regions] };
    }
}
