using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Benchmarks.Validation;

/// <summary>
/// Synthetic, generated documents for the validation benchmarks: a region table of 4 provinces, 40 cities and
/// 400 counties, plans of any size whose tasks reference regions, groups, agencies and indicators, and observation
/// batches of any size. Every document is clean, so the benchmarks measure the checks, not diagnostic formatting.
/// </summary>
public static class SyntheticValidationData
{
    public const int IndicatorCount = 20;

    private static readonly SourceReference Source = new()
    {
        Title = "Synthetic benchmark source",
        Publisher = "DeltaSdk benchmarks",
        Url = new Uri("https://example.org/synthetic"),
        Confidence = SourceConfidence.Confirmed,
    };

    private static readonly string[] Units = [IndicatorUnits.Kilometre, IndicatorUnits.Percent, IndicatorUnits.Count, IndicatorUnits.Yuan];

    public static RegionTable Regions()
    {
        var regions = ImmutableArray.CreateBuilder<Region>(444);
        foreach (var province in Provinces())
        {
            regions.Add(Region(province, RegionLevel.Province, null));
            for (var city = 1; city <= 10; city++)
            {
                var cityCode = Code(province, city, 0);
                regions.Add(Region(cityCode, RegionLevel.City, province));
                for (var county = 1; county <= 10; county++)
                {
                    regions.Add(Region(Code(province, city, county), RegionLevel.County, cityCode));
                }
            }
        }

        return new RegionTable
        {
            Regions = regions.MoveToImmutable(),
            Groups =
            [
                new RegionGroup
                {
                    Id = RegionGroupId.Parse("synthetic-whole"),
                    Kind = RegionGroupKind.WholeRegion,
                    Name = LocalizedText.Create("合成全域", "Synthetic whole region"),
                    Members = [.. Provinces()],
                    Sources = [Source],
                },
            ],
        };
    }

    public static ImmutableArray<RegionCode> Counties()
        => [.. Provinces().SelectMany(p => Enumerable.Range(1, 10).SelectMany(c => Enumerable.Range(1, 10).Select(k => Code(p, c, k))))];

    public static Plan Plan(int taskCount)
    {
        const int AspectCount = 9;
        var counties = Counties();
        var agencies = Enumerable.Range(0, 50).Select(i => AgencyId.Parse($"synthetic-agency-{i}")).ToArray();
        var indicators = Enumerable.Range(0, IndicatorCount).Select(IndicatorIdOf).ToArray();
        var group = RegionGroupId.Parse("synthetic-whole");
        var aspects = new Aspect[AspectCount];
        var perAspect = (taskCount + AspectCount - 1) / AspectCount;
        var made = 0;
        for (var a = 0; a < AspectCount; a++)
        {
            var count = Math.Min(perAspect, taskCount - made);
            var tasks = ImmutableArray.CreateBuilder<KeyTask>(count);
            for (var t = 0; t < count; t++, made++)
            {
                tasks.Add(new KeyTask
                {
                    Code = TaskCode.Parse($"SYN-{a + 1}-{t + 1:D6}"),
                    Aspect = AspectId.Parse($"a{a + 1}"),
                    Title = LocalizedText.Create($"合成任务 {made}", $"Synthetic task {made}"),
                    LeadAgencies = [agencies[made % agencies.Length]],
                    ParticipatingAgencies = [agencies[(made + 7) % agencies.Length]],
                    Regions = [counties[made % counties.Length], counties[(made + 131) % counties.Length]],
                    RegionGroups = [group],
                    TimeFrame = new TaskTimeFrame { Start = new LocalDate(2024, 3, 1), End = new LocalDate(2026, 6, 30) },
                    Milestones =
                    [
                        new Milestone { DueOn = new LocalDate(2024, 12, 31), Title = LocalizedText.Create("合成里程碑一", "Synthetic milestone 1") },
                        new Milestone { DueOn = new LocalDate(2025, 12, 31), Title = LocalizedText.Create("合成里程碑二", "Synthetic milestone 2") },
                    ],
                    Indicators = [indicators[made % indicators.Length]],
                    Sources = [Source],
                });
            }

            aspects[a] = new Aspect
            {
                Id = AspectId.Parse($"a{a + 1}"),
                Ordinal = a + 1,
                Name = LocalizedText.Create($"合成方面 {a + 1}", $"Synthetic aspect {a + 1}"),
                DeclaredTaskCount = count,
                Tasks = tasks.MoveToImmutable(),
                Sources = [Source],
            };
        }

        return new Plan
        {
            Id = PlanId.Parse("synthetic-benchmark-plan"),
            Title = LocalizedText.Create("合成基准计划", "Synthetic benchmark plan"),
            StartDate = new LocalDate(2024, 1, 1),
            EndDate = new LocalDate(2026, 12, 31),
            IssuedBy = agencies[0],
            DeclaredAspectCount = AspectCount,
            DeclaredTaskCount = taskCount,
            CatalogueCompleteness = CatalogueCompleteness.Complete,
            Aspects = [.. aspects],
            Agencies = [.. agencies.Select(id => new Agency { Id = id, Name = LocalizedText.Create("合成机构", "Synthetic agency"), Sources = [Source] })],
            Indicators = [.. Enumerable.Range(0, IndicatorCount).Select(Indicator)],
            Sources = [Source],
        };
    }

    /// <summary>Observations of every indicator for every county on consecutive days from 1 January 2024: all distinct, all in range.</summary>
    public static ObservationBatch Observations(int count)
    {
        var counties = Counties();
        var indicators = Enumerable.Range(0, IndicatorCount).Select(IndicatorIdOf).ToArray();
        var observations = ImmutableArray.CreateBuilder<Observation>(count);
        var start = new LocalDate(2024, 1, 1);
        for (var i = 0; i < count; i++)
        {
            var indicator = i % IndicatorCount;
            var rest = i / IndicatorCount;
            observations.Add(new Observation
            {
                Indicator = indicators[indicator],
                Region = counties[rest % counties.Length],
                Period = ReportingPeriod.ForDay(start.PlusDays(rest / counties.Length)),
                Value = i % 97,
                Source = Source,
            });
        }

        return new ObservationBatch { Plan = PlanId.Parse("synthetic-benchmark-plan"), Observations = observations.MoveToImmutable() };
    }

    private static IndicatorId IndicatorIdOf(int i) => IndicatorId.Parse($"synthetic-indicator-{i}");

    private static Indicator Indicator(int i)
    {
        var unit = Units[i % Units.Length];
        return new Indicator
        {
            Id = IndicatorIdOf(i),
            Name = LocalizedText.Create($"合成指标 {i}", $"Synthetic indicator {i}"),
            Unit = unit,
            Direction = IndicatorDirection.HigherIsBetter,
            Aggregation = unit == IndicatorUnits.Percent ? AggregationRule.Mean : AggregationRule.Sum,
            Baseline = new IndicatorValue { Period = ReportingPeriod.ForYear(2023), Value = 10 },
            Targets = [new IndicatorTarget { Period = ReportingPeriod.ForYear(2025), Value = 20 }, new IndicatorTarget { Period = ReportingPeriod.ForYear(2026), Value = 30 }],
            Sources = [Source],
        };
    }

    private static IEnumerable<RegionCode> Provinces() => [RegionCode.Parse("310000"), RegionCode.Parse("320000"), RegionCode.Parse("330000"), RegionCode.Parse("340000")];

    private static RegionCode Code(RegionCode province, int city, int county)
        => RegionCode.Parse($"{province.ToString()[..2]}{city:D2}{county:D2}");

    private static Region Region(RegionCode code, RegionLevel level, RegionCode? parent) => new()
    {
        Code = code,
        Name = LocalizedText.Create("合成地区 " + code, "Synthetic region " + code),
        Level = level,
        Parent = parent,
        Sources = [Source],
    };
}
