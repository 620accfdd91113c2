using NodaTime;

namespace DeltaSdk.Tests.Serialization;

/// <summary>
/// Synthetic model instances for format tests: invented values (marked "synthetic") that set every member of every
/// model type, nullable ones included, so that a round trip exercises the whole contract.
/// </summary>
internal static class SyntheticModels
{
    public static SourceReference Source(int n) => new()
    {
        Title = $"Synthetic source {n}",
        Publisher = "Synthetic publisher",
        Url = new Uri($"https://example.org/synthetic/{n}?q=a&b=\"c\""),
        PublishedOn = new LocalDate(2024, 7, 25).PlusDays(n),
        Confidence = (SourceConfidence)(n % 3),
        Note = "Synthetic note — with non-ASCII 文本 and \"quotes\" and a\ttab",
    };

    public static KeyTask Task(int aspect, int n) => new()
    {
        Code = TaskCode.Parse($"SYN-{aspect}-{n:D2}"),
        Aspect = AspectId.Parse($"a{aspect}"),
        Title = LocalizedText.Create($"合成任务 {n}", $"Synthetic task {n}"),
        Summary = LocalizedText.Create(null, "Synthetic summary"),
        LeadAgencies = [AgencyId.Parse("synthetic-agency")],
        ParticipatingAgencies = [AgencyId.Parse("synthetic-agency"), AgencyId.Parse("synthetic-partner")],
        Regions = [RegionCode.Parse("310000"), RegionCode.Parse("320500")],
        RegionGroups = [RegionGroupId.Parse("synthetic-group")],
        TimeFrame = new TaskTimeFrame { Start = new LocalDate(2024, 1, 1), End = new LocalDate(2026, 12, 31) },
        Milestones = [new Milestone { DueOn = new LocalDate(2025, 6, 30), Title = LocalizedText.Create("里程碑", "Milestone"), ReachedOn = new LocalDate(2025, 6, 1) }],
        Tags = ["synthetic", "rail"],
        Indicators = [IndicatorId.Parse("synthetic-length")],
        Sources = [Source(n)],
        Notes = "Synthetic task notes",
    };

    public static Plan Plan() => new()
    {
        Id = PlanId.Parse("synthetic-plan"),
        Title = LocalizedText.Create("合成三年行动计划", "Synthetic three-year plan"),
        StartDate = new LocalDate(2024, 1, 1),
        EndDate = new LocalDate(2026, 12, 31),
        IssuedBy = AgencyId.Parse("synthetic-agency"),
        AnnouncedOn = new LocalDate(2024, 7, 25),
        DeclaredAspectCount = 2,
        DeclaredTaskCount = 5,
        CatalogueCompleteness = CatalogueCompleteness.Complete,
        Aspects =
        [
            new Aspect { Id = AspectId.Parse("a1"), Ordinal = 1, Name = LocalizedText.Create("方面一", "Aspect one"), DeclaredTaskCount = 2, Tasks = [Task(1, 1), Task(1, 2)], Sources = [Source(1)], Notes = "Synthetic aspect" },
            new Aspect { Id = AspectId.Parse("a2"), Ordinal = 2, Name = LocalizedText.Create("方面二", "Aspect two"), DeclaredTaskCount = 2, Tasks = [Task(2, 1)] },
        ],
        UnassignedTasks = [Task(9, 1) with { Aspect = null }],
        Agencies =
        [
            new Agency { Id = AgencyId.Parse("synthetic-agency"), Name = LocalizedText.Create("合成机构", "Synthetic agency"), Region = RegionCode.Parse("310000"), Sources = [Source(2)], Notes = "Synthetic" },
            new Agency { Id = AgencyId.Parse("synthetic-partner"), Name = LocalizedText.Create(null, "Synthetic partner") },
        ],
        Indicators =
        [
            new Indicator
            {
                Id = IndicatorId.Parse("synthetic-length"),
                Name = LocalizedText.Create("合成长度", "Synthetic length"),
                Unit = IndicatorUnits.Kilometre,
                Direction = IndicatorDirection.TargetBand,
                Aggregation = AggregationRule.NotAggregable,
                ExpectedFrequency = ReportingPeriodKind.Quarter,
                Baseline = new IndicatorValue { Period = ReportingPeriod.ForYear(2023), Value = 6500.5, Qualifier = ValueQualifier.MoreThan, Source = Source(3) },
                Targets =
                [
                    new IndicatorTarget { Period = ReportingPeriod.ForHalf(2026, 2), Value = 7000, UpperValue = 7500.25, Source = Source(4) },
                    new IndicatorTarget { Period = ReportingPeriod.ForQuarter(2025, 3), Value = 1e-7, Unit = "m", Region = RegionCode.Parse("310000") },
                ],
                Sources = [Source(5)],
                Notes = "Synthetic indicator",
            },
        ],
        Sources = [Source(0)],
        Notes = "Synthetic plan for format tests",
    };

    public static RegionTable RegionTable() => new()
    {
        Regions =
        [
            new Region { Code = RegionCode.Parse("310000"), Name = LocalizedText.Create("合成市", "Synthetic City"), Level = RegionLevel.Municipality, Sources = [Source(6)] },
            new Region { Code = RegionCode.Parse("310101"), Name = LocalizedText.Create("合成区", "Synthetic District"), Level = RegionLevel.District, Parent = RegionCode.Parse("310000") },
        ],
        Groups =
        [
            new RegionGroup
            {
                Id = RegionGroupId.Parse("synthetic-group"),
                Kind = RegionGroupKind.Corridor,
                Name = LocalizedText.Create("合成走廊", "Synthetic corridor"),
                Members = [RegionCode.Parse("310000"), RegionCode.Parse("310101")],
                MembershipComplete = false,
                Sources = [Source(7)],
                Notes = "Synthetic group",
            },
            new RegionGroup { Id = RegionGroupId.Parse("synthetic-zone"), Kind = RegionGroupKind.DemonstrationZone, Name = LocalizedText.Create("合成示范区", null), Members = [RegionCode.Parse("310101")], MembershipComplete = true },
        ],
    };

    public static Observation Observation(int n) => new()
    {
        Indicator = IndicatorId.Parse("synthetic-length"),
        Region = n % 2 == 0 ? RegionCode.Parse("310000") : null,
        RegionGroup = n % 2 == 0 ? null : RegionGroupId.Parse("synthetic-group"),
        Period = (n % 5) switch
        {
            0 => ReportingPeriod.ForYear(2024),
            1 => ReportingPeriod.ForHalf(2024, 1),
            2 => ReportingPeriod.ForQuarter(2024, 3),
            3 => ReportingPeriod.ForMonth(2024, 7),
            _ => ReportingPeriod.ForDay(new LocalDate(2024, 7, 25)),
        },
        Value = (n * 1.25) + 0.1,
        Qualifier = (ValueQualifier)(n % 6),
        Status = (ObservationStatus)(n % 3),
        Source = n % 3 == 0 ? Source(n) : null,
        Notes = n % 4 == 0 ? $"Synthetic observation {n}" : null,

        // As a server returns them: recorded at an instant (with and without a fraction), at some revision.
        RecordedAt = n % 5 == 1 ? Instant.FromUtc(2025, 1, 2, 3, 4, 5) + Duration.FromMilliseconds(n) : null,
        Revision = n % 5 == 1 ? 1 + (n % 3) : null,
    };

    public static ObservationBatch Batch(int count) => new()
    {
        Plan = PlanId.Parse("synthetic-plan"),
        Observations = [.. Enumerable.Range(0, count).Select(Observation)],
    };

    public static ProgressReport Report() => new()
    {
        Plan = PlanId.Parse("synthetic-plan"),
        Task = TaskCode.Parse("SYN-1-01"),
        Region = RegionCode.Parse("310000"),
        ReportedOn = new LocalDate(2025, 3, 31),
        Period = ReportingPeriod.ForMonth(2025, 3),
        Status = ImplementationStatus.Completed,
        PercentComplete = 100,
        CompletedOn = new LocalDate(2025, 3, 30),
        Narrative = LocalizedText.Create("已完成", "Done"),
        ReportedBy = AgencyId.Parse("synthetic-agency"),
        RecordedAt = Instant.FromUtc(2025, 4, 1, 8, 30, 15) + Duration.FromMilliseconds(123),
        Sources = [Source(8)],
    };
}
