using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DeltaSdk;
using NodaTime;

namespace DeltaSdk.Benchmarks;

/// <summary>
/// <see cref="PlanIndex"/> queries against the best linear scan that answers the same question (fields lower-cased
/// in advance, the region's scope and groups computed in advance), on synthetic plans of the real size (165 tasks)
/// and much larger, plus the one-off cost of building the index.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PlanIndexBenchmarks
{
    private static readonly string[] ChineseWords = ["铁路", "港口", "生态", "绿色", "科创", "走廊", "数据", "医疗", "教育", "能源", "水运", "机场", "文旅", "金融", "产业", "协同"];
    private static readonly string[] EnglishWords = ["railway", "port", "ecology", "green", "innovation", "corridor", "data", "health", "education", "energy", "waterway", "airport", "culture", "finance", "industry", "coordination"];

    private PlanIndex _index = null!;
    private Plan _plan = null!;
    private RegionTable _regions = null!;
    private (KeyTask Task, string[] Fields)[] _scan = null!;
    private HashSet<RegionCode> _scope = null!;
    private HashSet<RegionGroupId> _groups = null!;
    private RegionCode _district;

    /// <summary>Gets or sets the number of synthetic tasks.</summary>
    [Params(165, 5000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_plan, _regions) = SyntheticData(Tasks);
        _index = PlanIndex.Create(_plan, _regions);
        _scan = [.. _plan.AllTasks.Select(static t => (t, t.Title.Values.Concat(t.Tags).Select(static f => f.ToLowerInvariant()).ToArray()))];
        _district = _regions.Regions[^1].Code;
        _scope = [_district, .. _regions.Regions.Where(r => r.Code == _district).Select(static r => r.Parent!.Value), _district.Province];
        _groups = [.. _regions.Groups.Where(g => g.Kind == RegionGroupKind.WholeRegion || g.Members.Any(_scope.Contains)).Select(static g => g.Id)];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Search")]
    public int SearchByScan()
    {
        var count = 0;
        foreach (var (_, fields) in _scan)
        {
            foreach (var field in fields)
            {
                if (field.Contains("铁路港", StringComparison.Ordinal))
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory("Search")]
    public int SearchByIndex() => _index.Search("铁路港").Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Region")]
    public int TasksForRegionByScan() => _scan.Count(p => p.Task.Regions.Any(_scope.Contains) || p.Task.RegionGroups.Any(_groups.Contains));

    [Benchmark]
    [BenchmarkCategory("Region")]
    public int TasksForRegionByIndex() => _index.TasksForRegion(_district).Count;

    [Benchmark]
    [BenchmarkCategory("Create")]
    public PlanIndex Create() => PlanIndex.Create(_plan, _regions);

    private static (Plan Plan, RegionTable Regions) SyntheticData(int taskCount)
    {
        var random = new Random(20240725);
        var provinces = new[] { "310000", "320000", "330000", "340000" }.Select(RegionCode.Parse).ToArray();
        var regions = new List<Region>();
        foreach (var province in provinces)
        {
            regions.Add(new Region { Code = province, Name = LocalizedText.Create($"合成省{regions.Count}", $"Synthetic province {regions.Count}"), Level = RegionLevel.Province });
        }

        for (var city = 1; city <= 40; city++)
        {
            var province = provinces[city % provinces.Length];
            var code = RegionCode.Parse($"{province.ToString()[..2]}{city:D2}00");
            regions.Add(new Region { Code = code, Name = LocalizedText.Create($"合成市{city}", $"Synthetic city {city}"), Level = RegionLevel.City, Parent = province });
        }

        var cityCode = regions[^1].Code;
        regions.Add(new Region { Code = RegionCode.Parse($"{cityCode.ToString()[..4]}01"), Name = LocalizedText.Create("合成区", "Synthetic district"), Level = RegionLevel.District, Parent = cityCode });
        var groups = new List<RegionGroup>
        {
            new() { Id = RegionGroupId.Parse("synthetic-whole"), Kind = RegionGroupKind.WholeRegion, Name = LocalizedText.Create("合成全域", "Synthetic whole"), Members = [.. provinces] },
        };
        for (var g = 0; g < 6; g++)
        {
            groups.Add(new RegionGroup
            {
                Id = RegionGroupId.Parse($"synthetic-group-{g}"),
                Kind = RegionGroupKind.Corridor,
                Name = LocalizedText.Create($"合成走廊{g}", $"Synthetic corridor {g}"),
                Members = [.. Enumerable.Range(0, 5).Select(_ => regions[random.Next(provinces.Length, regions.Count)].Code)],
            });
        }

        KeyTask Task(int i)
        {
            var words = Enumerable.Range(0, 4).Select(_ => random.Next(ChineseWords.Length)).ToArray();
            return new KeyTask
            {
                Code = TaskCode.Parse($"SYN-{i:D5}"),
                Title = LocalizedText.Create(
                    "合成" + string.Concat(words.Select(w => ChineseWords[w])),
                    "Synthetic " + string.Join(' ', words.Select(w => EnglishWords[w]))),
                Regions = random.Next(3) == 0 ? [] : [regions[random.Next(regions.Count)].Code],
                RegionGroups = random.Next(5) == 0 ? [groups[random.Next(groups.Count)].Id] : [],
                Tags = [EnglishWords[words[0]]],
            };
        }

        var aspects = Enumerable.Range(1, 9)
            .Select(a => new Aspect
            {
                Id = AspectId.Parse($"a{a}"),
                Ordinal = a,
                Name = LocalizedText.Create($"合成方面{a}", $"Synthetic aspect {a}"),
                Tasks = [.. Enumerable.Range(0, taskCount / 9 + (a <= taskCount % 9 ? 1 : 0)).Select(i => Task((a * 100000) + i))],
            })
            .ToImmutableArray();
        var plan = new Plan
        {
            Id = PlanId.Parse("synthetic-plan"),
            Title = LocalizedText.Create("合成计划", "Synthetic plan"),
            StartDate = new LocalDate(2024, 1, 1),
            EndDate = new LocalDate(2026, 12, 31),
            Aspects = aspects,
        };
        return (plan, new RegionTable { Regions = [.. regions], Groups = [.. groups] });
    }
}
