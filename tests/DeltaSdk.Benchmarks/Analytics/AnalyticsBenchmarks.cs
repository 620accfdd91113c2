using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using DeltaSdk.Analytics;
using NodaTime;

namespace DeltaSdk.Benchmarks.Analytics;

/// <summary>
/// Indicator statuses for 1,000 indicators × up to 500 regions × 20 annual periods, and task roll-ups for plans of
/// up to 100,000 tasks, on synthetic data generated here. Two sizes each, to show the cost is linear in size.
/// </summary>
/// <remarks>
/// Status series are 500 distinct generated 20-point series shared between indicators (the per-call work is the same
/// as with distinct data; holding 10 million distinct points would take a gigabyte on a shared machine).
/// </remarks>
[MemoryDiagnoser]
public class IndicatorStatusBenchmarks
{
    private const int IndicatorCount = 1000;
    private const int Periods = 20;
    private static readonly LocalDate AsOf = new(2026, 12, 31);

    private Indicator[] _indicators = null!;
    private IndicatorPoint[][] _series = null!;
    private RegionCode[] _regions = null!;

    /// <summary>Gets or sets the number of regions per indicator.</summary>
    [Params(50, 500)]
    public int Regions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        _series = [.. Enumerable.Range(0, 500).Select(_ =>
        {
            var value = 50 + random.NextDouble() * 100;
            var growth = random.NextDouble() * 0.06 - 0.02;
            return Enumerable.Range(0, Periods).Select(p => new IndicatorPoint(ReportingPeriod.ForYear(2007 + p), value * Math.Pow(1 + growth, p))).ToArray();
        })];
        _indicators = [.. Enumerable.Range(0, IndicatorCount).Select(i => new Indicator
        {
            Id = IndicatorId.Parse($"synthetic-indicator-{i}"),
            Name = LocalizedText.Create(null, $"Synthetic indicator {i}"),
            Unit = IndicatorUnits.Kilometre,
            Direction = i % 3 == 0 ? IndicatorDirection.LowerIsBetter : IndicatorDirection.HigherIsBetter,
            ExpectedFrequency = ReportingPeriodKind.Year,
            Targets = i % 2 == 0 ? [] : [.. Enumerable.Range(0, 3).Select(t => new IndicatorTarget { Period = ReportingPeriod.ForYear(2026 + t), Value = 200 + t * 10, Region = null })],
        })];
        _regions = [.. Enumerable.Range(0, Regions).Select(r => RegionCode.Parse($"{32 + (r % 3)}{((r / 3) % 99) + 1:D2}{((r / 3) / 99) + 1:D2}"))];
    }

    /// <summary>Every indicator for every region: <c>Regions × 1,000</c> statuses of 20 periods each.</summary>
    [Benchmark]
    public int StatusForEveryIndicatorAndRegion()
    {
        var achieved = 0;
        var measure = OpenSdgProgressMeasure.Default;
        for (var i = 0; i < _indicators.Length; i++)
        {
            for (var r = 0; r < _regions.Length; r++)
            {
                var status = measure.Evaluate(_indicators[i], _series[((i * 7) + r) % _series.Length], AsOf, r == 0 ? null : _regions[r]);
                achieved += status.Status == IndicatorProgressStatus.TargetAchieved ? 1 : 0;
            }
        }

        return achieved;
    }
}

/// <summary>Task roll-ups over synthetic plans of 10,000 and 100,000 tasks with about 1.5 reports per task.</summary>
[MemoryDiagnoser]
public class ProgressRollupBenchmarks
{
    private static readonly LocalDate AsOf = new(2026, 6, 30);
    private ProgressRollup _rollup = null!;
    private ImmutableArray<ProgressReport> _reports;
    private PlanIndex _index = null!;

    /// <summary>Gets or sets the number of tasks.</summary>
    [Params(10_000, 100_000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        RegionCode[] provinces = [RegionCode.Parse("320000"), RegionCode.Parse("330000"), RegionCode.Parse("340000")];
        var regions = provinces.Select(p => new Region { Code = p, Name = LocalizedText.Create(null, "Synthetic province " + p), Level = RegionLevel.Province })
            .Concat(provinces.SelectMany(p => Enumerable.Range(1, 10).Select(c => new Region
            {
                Code = RegionCode.Parse($"{p.ToString()[..2]}{c:D2}00"),
                Name = LocalizedText.Create(null, $"Synthetic city {p}-{c}"),
                Level = RegionLevel.City,
                Parent = p,
            })))
            .ToArray();
        var perAspect = Tasks / 20;
        var aspects = Enumerable.Range(1, 20).Select(a => new Aspect
        {
            Id = AspectId.Parse($"aspect-{a}"),
            Ordinal = a,
            Name = LocalizedText.Create(null, $"Synthetic aspect {a}"),
            Tasks = [.. Enumerable.Range(1, perAspect).Select(t => new KeyTask
            {
                Code = TaskCode.Parse($"SYN-{a}-{t}"),
                Title = LocalizedText.Create(null, $"Synthetic task {a}-{t}"),
                Regions = [regions[random.Next(regions.Length)].Code],
            })],
        }).ToImmutableArray();
        var plan = new Plan
        {
            Id = PlanId.Parse("synthetic-plan"),
            Title = LocalizedText.Create(null, "Synthetic plan"),
            StartDate = new LocalDate(2024, 1, 1),
            EndDate = new LocalDate(2026, 12, 31),
            Aspects = aspects,
        };
        var reports = ImmutableArray.CreateBuilder<ProgressReport>();
        foreach (var task in plan.AllTasks)
        {
            for (var i = random.Next(4); i > 0; i--)
            {
                reports.Add(new ProgressReport
                {
                    Plan = plan.Id,
                    Task = task.Code,
                    Region = task.Regions[0],
                    ReportedOn = new LocalDate(2024, 1, 1).PlusDays(random.Next(1000)),
                    Status = ImplementationStatus.InProgress,
                    PercentComplete = random.Next(101),
                });
            }
        }

        _reports = reports.ToImmutable();
        _index = PlanIndex.Create(plan, new RegionTable { Regions = [.. regions] });
        _rollup = new ProgressRollup(_index, ProgressLedger.Create(_reports));
    }

    /// <summary>Indexing the reports by task and region (done once per data change).</summary>
    [Benchmark]
    public int BuildLedger() => ProgressLedger.Create(_reports).Count;

    /// <summary>The whole delta: every task, every aspect.</summary>
    [Benchmark]
    public double SummarizeWholeDelta() => _rollup.Summarize(AsOf).Overall.PercentComplete ?? 0;

    /// <summary>One province: its tasks and its cities' tasks and reports.</summary>
    [Benchmark]
    public double SummarizeProvince() => _rollup.Summarize(AsOf, RegionCode.Parse("320000")).Overall.PercentComplete ?? 0;
}
