using System.Collections.Immutable;
using DeltaSdk.Validation;
using NodaTime;

namespace DeltaSdk.Tests.Validation;

/// <summary>
/// Synthetic documents, invented for tests and named as such: a small plan, region table, observation batch and
/// progress reports that pass every rule, so that each rule test changes exactly one thing.
/// </summary>
internal static class SyntheticDocuments
{
    /// <summary>"Today" for every test validator: inside the synthetic plan period.</summary>
    public static readonly LocalDate Today = new(2025, 6, 30);

    public static readonly PlanId PlanId = DeltaSdk.PlanId.Parse("synthetic-plan");

    public static SourceReference Source(string title = "Synthetic source") => new()
    {
        Title = title,
        Publisher = "Synthetic publisher",
        Url = new Uri("https://example.org/synthetic"),
        PublishedOn = new LocalDate(2024, 7, 25),
        Confidence = SourceConfidence.Confirmed,
    };

    public static LocalizedText Name(string english) => LocalizedText.Create("合成" + english, "Synthetic " + english);

    public static DeltaValidator Validator(Action<DeltaValidationOptions>? configure = null)
    {
        var options = new DeltaValidationOptions { Clock = new FixedClock(Today) };
        configure?.Invoke(options);
        return new DeltaValidator(options);
    }

    public static KeyTask Task(string code, string aspect) => new()
    {
        Code = TaskCode.Parse(code),
        Aspect = AspectId.Parse(aspect),
        Title = Name("task " + code),
        LeadAgencies = [AgencyId.Parse("synthetic-office")],
        ParticipatingAgencies = [AgencyId.Parse("synthetic-bureau")],
        Regions = [RegionCode.Parse("310000"), RegionCode.Parse("320500")],
        RegionGroups = [RegionGroupId.Parse("synthetic-zone")],
        TimeFrame = new TaskTimeFrame { Start = new LocalDate(2024, 3, 1), End = new LocalDate(2025, 12, 31) },
        Milestones =
        [
            new Milestone { DueOn = new LocalDate(2024, 6, 30), Title = Name("milestone 1"), ReachedOn = new LocalDate(2024, 6, 28) },
            new Milestone { DueOn = new LocalDate(2025, 6, 30), Title = Name("milestone 2") },
        ],
        Indicators = [IndicatorId.Parse("synthetic-length")],
        Sources = [Source()],
    };

    public static Plan Plan() => new()
    {
        Id = PlanId,
        Title = Name("plan"),
        StartDate = new LocalDate(2024, 1, 1),
        EndDate = new LocalDate(2026, 12, 31),
        IssuedBy = AgencyId.Parse("synthetic-office"),
        AnnouncedOn = new LocalDate(2024, 7, 25),
        DeclaredAspectCount = 2,
        DeclaredTaskCount = 3,
        CatalogueCompleteness = CatalogueCompleteness.Complete,
        Aspects =
        [
            new Aspect
            {
                Id = AspectId.Parse("a1"),
                Ordinal = 1,
                Name = Name("aspect 1"),
                DeclaredTaskCount = 2,
                Tasks = [Task("SYN-1-01", "a1"), Task("SYN-1-02", "a1")],
                Sources = [Source()],
            },
            new Aspect
            {
                Id = AspectId.Parse("a2"),
                Ordinal = 2,
                Name = Name("aspect 2"),
                DeclaredTaskCount = 1,
                Tasks = [Task("SYN-2-01", "a2")],
                Sources = [Source()],
            },
        ],
        Agencies =
        [
            new Agency { Id = AgencyId.Parse("synthetic-office"), Name = Name("office"), Region = RegionCode.Parse("310000"), Sources = [Source()] },
            new Agency { Id = AgencyId.Parse("synthetic-bureau"), Name = Name("bureau"), Sources = [Source()] },
        ],
        Indicators =
        [
            new Indicator
            {
                Id = IndicatorId.Parse("synthetic-length"),
                Name = Name("length"),
                Unit = IndicatorUnits.Kilometre,
                Direction = IndicatorDirection.HigherIsBetter,
                Aggregation = AggregationRule.Sum,
                Baseline = new IndicatorValue { Period = ReportingPeriod.ForYear(2023), Value = 100 },
                Targets =
                [
                    new IndicatorTarget { Period = ReportingPeriod.ForYear(2025), Value = 150 },
                    new IndicatorTarget { Period = ReportingPeriod.ForYear(2026), Value = 200 },
                ],
                Sources = [Source()],
            },
            new Indicator
            {
                Id = IndicatorId.Parse("synthetic-share"),
                Name = Name("share"),
                Unit = IndicatorUnits.Percent,
                Direction = IndicatorDirection.LowerIsBetter,
                Aggregation = AggregationRule.Mean,
                Baseline = new IndicatorValue { Period = ReportingPeriod.ForYear(2023), Value = 40 },
                Targets = [new IndicatorTarget { Period = ReportingPeriod.ForYear(2026), Value = 30 }],
                Sources = [Source()],
            },
        ],
        Sources = [Source()],
    };

    public static RegionTable Regions() => new()
    {
        Regions =
        [
            Region("310000", RegionLevel.Municipality, null),
            Region("320000", RegionLevel.Province, null),
            Region("320500", RegionLevel.City, "320000"),
            Region("320509", RegionLevel.District, "320500"),
            Region("310118", RegionLevel.District, "310000"),
        ],
        Groups =
        [
            new RegionGroup
            {
                Id = RegionGroupId.Parse("synthetic-zone"),
                Kind = RegionGroupKind.DemonstrationZone,
                Name = Name("zone"),
                Members = [RegionCode.Parse("310118"), RegionCode.Parse("320509")],
                Sources = [Source()],
            },
        ],
    };

    public static Region Region(string code, RegionLevel level, string? parent) => new()
    {
        Code = RegionCode.Parse(code),
        Name = Name("region " + code),
        Level = level,
        Parent = parent is null ? null : RegionCode.Parse(parent),
        Sources = [Source()],
    };

    public static Observation Observation(string indicator, string? region, string period, double value, string? group = null) => new()
    {
        Indicator = IndicatorId.Parse(indicator),
        Region = region is null ? null : RegionCode.Parse(region),
        RegionGroup = group is null ? null : RegionGroupId.Parse(group),
        Period = ReportingPeriod.Parse(period),
        Value = value,
        Source = Source(),
    };

    public static ObservationBatch Batch() => new()
    {
        Plan = PlanId,
        Observations =
        [
            Observation("synthetic-length", "310000", "2024", 120),
            Observation("synthetic-length", "320500", "2024", 80),
            Observation("synthetic-length", null, "2024", 30, group: "synthetic-zone"),
            Observation("synthetic-share", "310000", "2024", 38.5),
        ],
    };

    public static ProgressReport Report() => new()
    {
        Plan = PlanId,
        Task = TaskCode.Parse("SYN-1-01"),
        ReportedOn = new LocalDate(2025, 3, 31),
        Period = ReportingPeriod.ForQuarter(2025, 1),
        Status = ImplementationStatus.InProgress,
        PercentComplete = 40,
        ReportedBy = AgencyId.Parse("synthetic-office"),
        Sources = [Source()],
    };

    public static ProgressReport CompletedReport() => Report() with
    {
        ReportedOn = new LocalDate(2025, 6, 1),
        Period = ReportingPeriod.ForQuarter(2025, 2),
        Status = ImplementationStatus.Completed,
        PercentComplete = 100,
        CompletedOn = new LocalDate(2025, 5, 30),
    };

    public static Plan WithTask(this Plan plan, int aspect, int task, Func<KeyTask, KeyTask> change)
        => plan.WithAspect(aspect, a => a with { Tasks = a.Tasks.SetItem(task, change(a.Tasks[task])) });

    public static Plan WithAspect(this Plan plan, int aspect, Func<Aspect, Aspect> change)
        => plan with { Aspects = plan.Aspects.SetItem(aspect, change(plan.Aspects[aspect])) };

    public static Plan WithIndicator(this Plan plan, int indicator, Func<Indicator, Indicator> change)
        => plan with { Indicators = plan.Indicators.SetItem(indicator, change(plan.Indicators[indicator])) };

    public static RegionTable WithRegion(this RegionTable table, int region, Func<Region, Region> change)
        => table with { Regions = table.Regions.SetItem(region, change(table.Regions[region])) };

    public static ObservationBatch WithObservation(this ObservationBatch batch, int index, Func<Observation, Observation> change)
        => batch with { Observations = batch.Observations.SetItem(index, change(batch.Observations[index])) };

    public static ObservationBatch Adding(this ObservationBatch batch, Observation observation)
        => batch with { Observations = batch.Observations.Add(observation) };

    public static ImmutableArray<Milestone> Milestones(params (int Year, int Month, int Day)[] dues)
        => [.. dues.Select((d, i) => new Milestone { DueOn = new LocalDate(d.Year, d.Month, d.Day), Title = Name("milestone " + (i + 1)) })];

    private sealed class FixedClock(LocalDate today) : IClock
    {
        // Noon UTC is 20:00 in China: still the same calendar day in the validator's default zone.
        public Instant GetCurrentInstant() => today.At(new LocalTime(12, 0)).InUtc().ToInstant();
    }
}
