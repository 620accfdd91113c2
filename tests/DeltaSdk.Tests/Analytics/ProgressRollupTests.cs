using System.Collections.Immutable;
using DeltaSdk.Analytics;
using NodaTime;

namespace DeltaSdk.Tests.Analytics;

/// <summary>
/// Roll-ups over a synthetic plan (tasks, reports and percentages generated here; region codes are real GB/T 2260
/// entries). Expected figures are computed by hand in the comments, or by a direct reference computation in the test.
/// </summary>
public sealed class ProgressRollupTests
{
    private static readonly RegionCode Jiangsu = RegionCode.Parse("320000");
    private static readonly RegionCode Nanjing = RegionCode.Parse("320100");
    private static readonly RegionCode Suzhou = RegionCode.Parse("320500");
    private static readonly RegionCode Zhejiang = RegionCode.Parse("330000");
    private static readonly PlanId PlanId = PlanId.Parse("synthetic-plan");
    private static readonly LocalDate AsOf = new(2025, 6, 30);

    // Aspect 1: A (Jiangsu), B (Zhejiang). Aspect 2: C (Suzhou), D (no region: the whole delta).
    private static readonly KeyTask A = Task("SYN-A", Jiangsu);
    private static readonly KeyTask B = Task("SYN-B", Zhejiang);
    private static readonly KeyTask C = Task("SYN-C", Suzhou);
    private static readonly KeyTask D = Task("SYN-D");

    [Fact]
    public void A_province_includes_its_cities_reports_and_counts_unreported_tasks_as_zero()
    {
        var rollup = Rollup(
            Report(A, Jiangsu, 40), Report(A, Suzhou, 80), Report(B, Zhejiang, 100, ImplementationStatus.Completed), Report(D, null, 50));

        var jiangsu = rollup.Summarize(AsOf, Jiangsu);

        // Jiangsu's scope: A (names Jiangsu) and C (names Suzhou, within Jiangsu). A = mean(40, 80) = 60; C unreported = 0.
        Assert.Equal([A.Code, C.Code], jiangsu.Tasks.Select(static t => t.Task));
        Assert.Equal(60, jiangsu.Tasks[0].PercentComplete);
        Assert.Equal(2, jiangsu.Tasks[0].ReportingRegions);
        Assert.Equal(2, jiangsu.Overall.TasksInScope);
        Assert.Equal(1, jiangsu.Overall.TasksReported);
        Assert.Equal(0.5, jiangsu.Overall.Coverage);
        Assert.Equal(30, jiangsu.Overall.PercentComplete); // (60 + 0) / 2
        Assert.Equal(60, jiangsu.Overall.PercentCompleteOfReported);
        Assert.Equal([0.5, 0.5], jiangsu.Tasks.Select(static t => t.Weight));
        Assert.Equal(UnreportedTaskTreatment.CountedAsZero, jiangsu.UnreportedTasks);
        Assert.Equal(AnalyticsMethodology.EqualWeightTaskRollup, jiangsu.Methodology);
        Assert.Equal(Jiangsu, jiangsu.Region);
    }

    [Fact]
    public void A_city_sees_only_its_own_reports()
    {
        var rollup = Rollup(Report(A, Jiangsu, 40), Report(A, Suzhou, 80));

        var suzhou = rollup.Summarize(AsOf, Suzhou);

        // Suzhou's scope: A (Jiangsu concerns Suzhou) and C. A = 80 (Suzhou's report only); C = 0. (80 + 0) / 2 = 40.
        Assert.Equal(40, suzhou.Overall.PercentComplete);
        Assert.Equal(80, suzhou.Tasks.Single(t => t.Task == A.Code).PercentComplete);
    }

    [Fact]
    public void The_whole_delta_rolls_up_every_task_and_aspect()
    {
        var rollup = Rollup(
            Report(A, Jiangsu, 40), Report(A, Suzhou, 80), Report(B, Zhejiang, 100, ImplementationStatus.Completed), Report(D, null, 50));

        var delta = rollup.Summarize(AsOf);

        // A = 60, B = 100, C = 0, D = 50: plan = 210 / 4 = 52.5; aspect 1 = (60 + 100) / 2 = 80; aspect 2 = (0 + 50) / 2 = 25.
        Assert.Equal(52.5, delta.Overall.PercentComplete);
        Assert.Equal(0.75, delta.Overall.Coverage);
        Assert.Equal(1, delta.Overall.TasksCompleted);
        Assert.Equal([80.0, 25.0], delta.Aspects.Select(static a => a.Progress.PercentComplete!.Value));
        Assert.Equal([AspectId.Parse("aspect-1"), AspectId.Parse("aspect-2")], delta.Aspects.Select(static a => a.Aspect!.Value));
        Assert.Equal(165, delta.DeclaredTaskCount);
    }

    [Fact]
    public void One_report_of_forty_percent_does_not_read_as_forty_percent_done()
    {
        var delta = Rollup(Report(A, Jiangsu, 40)).Summarize(AsOf);

        // 40 / 4 tasks = 10; 40% is only the mean over reported tasks, with coverage 1/4.
        Assert.Equal(10, delta.Overall.PercentComplete);
        Assert.Equal(40, delta.Overall.PercentCompleteOfReported);
        Assert.Equal(0.25, delta.Overall.Coverage);
    }

    [Fact]
    public void Excluding_unreported_tasks_is_explicit_and_weights_follow()
    {
        var delta = Rollup(Report(A, Jiangsu, 40)).Summarize(AsOf, unreportedTasks: UnreportedTaskTreatment.Excluded);

        Assert.Equal(40, delta.Overall.PercentComplete);
        Assert.Equal(UnreportedTaskTreatment.Excluded, delta.UnreportedTasks);
        Assert.Equal([1.0, 0, 0, 0], delta.Tasks.Select(static t => t.Weight));
    }

    [Fact]
    public void Reports_after_the_as_of_date_are_not_used_and_the_latest_before_it_is()
    {
        var rollup = Rollup(
            Report(A, Jiangsu, 20, on: new LocalDate(2025, 1, 31)),
            Report(A, Jiangsu, 50, on: new LocalDate(2025, 6, 30)),
            Report(A, Jiangsu, 90, on: new LocalDate(2025, 7, 1)));

        Assert.Equal(20, rollup.Summarize(new LocalDate(2025, 6, 29), Jiangsu).Tasks[0].PercentComplete);
        Assert.Equal(50, rollup.Summarize(AsOf, Jiangsu).Tasks[0].PercentComplete);
        Assert.Equal(90, rollup.Summarize(new LocalDate(2025, 12, 31), Jiangsu).Tasks[0].PercentComplete);
        Assert.Equal(0, rollup.Summarize(new LocalDate(2024, 12, 31), Jiangsu).Overall.TasksReported);
    }

    [Fact]
    public void Aspect_filter_limits_the_scope()
    {
        var summary = Rollup(Report(A, Jiangsu, 40), Report(C, Suzhou, 10)).Summarize(AsOf, aspect: AspectId.Parse("aspect-2"));

        // Aspect 2: C = 10, D = 0 → 5.
        Assert.Equal([C.Code, D.Code], summary.Tasks.Select(static t => t.Task));
        Assert.Equal(5, summary.Overall.PercentComplete);
        Assert.Equal(2, summary.DeclaredTaskCount);
    }

    [Fact]
    public void Status_without_a_percentage_gives_a_figure_only_when_it_implies_one()
    {
        var rollup = Rollup(
            Report(A, Jiangsu, null, ImplementationStatus.Completed),
            Report(B, Zhejiang, null, ImplementationStatus.Delayed),
            Report(C, Suzhou, null, ImplementationStatus.NotStarted));

        var delta = rollup.Summarize(AsOf);

        Assert.Equal(3, delta.Overall.TasksReported);
        Assert.Equal(2, delta.Overall.TasksWithFigure); // completed → 100, not started → 0; delayed has none
        Assert.Equal(25, delta.Overall.PercentComplete); // (100 + 0 + 0 + 0) / 4
    }

    [Fact]
    public void Large_synthetic_plan_matches_a_direct_reference_computation()
    {
        // 3 aspects × 40 tasks, each on Jiangsu, Suzhou or Zhejiang; reports from a seeded generator, some after the as-of date.
        var random = new Random(20241130);
        RegionCode[] regions = [Jiangsu, Suzhou, Zhejiang, Nanjing];
        var aspects = Enumerable.Range(1, 3).Select(a => new Aspect
        {
            Id = AspectId.Parse($"aspect-{a}"),
            Ordinal = a,
            Name = LocalizedText.Create(null, $"Synthetic aspect {a}"),
            Tasks = [.. Enumerable.Range(1, 40).Select(t => Task($"SYN-{a}-{t:D2}", regions[random.Next(3)]))],
        }).ToImmutableArray();
        var reports = new List<ProgressReport>();
        foreach (var task in aspects.SelectMany(static a => a.Tasks))
        {
            for (var i = random.Next(4); i > 0; i--)
            {
                var reporter = random.Next(5) == 0 ? (RegionCode?)null : regions[random.Next(regions.Length)];
                reports.Add(Report(task, reporter, random.Next(0, 101), on: new LocalDate(2025, 1, 1).PlusDays(random.Next(365))));
            }
        }

        var plan = Plan(aspects, []);
        var rollup = new ProgressRollup(PlanIndex.Create(plan, Regions()), ProgressLedger.Create(reports));
        var summary = rollup.Summarize(AsOf, Jiangsu);

        // Reference: Jiangsu's tasks name Jiangsu or Suzhou; per task and reporting region within Jiangsu (320xxx) the
        // report with the greatest date on or before the as-of date (later input wins a tie); mean per task; 0 if none.
        var inScope = plan.AllTasks.Where(t => t.Regions[0] == Jiangsu || t.Regions[0] == Suzhou).ToList();
        var expected = inScope.Select(task =>
        {
            var latest = reports
                .Select((r, i) => (Report: r, Index: i))
                .Where(p => p.Report.Task == task.Code && p.Report.Region is { } r && r.ToString().StartsWith("32", StringComparison.Ordinal) && p.Report.ReportedOn <= AsOf)
                .GroupBy(static p => p.Report.Region)
                .Select(static g => g.OrderBy(static p => p.Report.ReportedOn).ThenBy(static p => p.Index).Last().Report.PercentComplete!.Value)
                .ToList();
            return latest.Count == 0 ? 0 : latest.Average();
        }).ToList();

        Assert.Equal(inScope.Count, summary.Overall.TasksInScope);
        Assert.Equal(expected.Average(), summary.Overall.PercentComplete!.Value, 9);
        Assert.Equal(expected, summary.Tasks.Select(static t => t.PercentComplete ?? 0));
    }

    [Fact]
    public void The_date_can_come_from_a_clock()
    {
        var summary = Rollup().Summarize(new FixedClock(Instant.FromUtc(2025, 6, 29, 16, 30)), DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);

        Assert.Equal(AsOf, summary.AsOf);
    }

    internal static RegionTable Regions() => new()
    {
        Regions =
        [
            new Region { Code = Jiangsu, Name = LocalizedText.Create("江苏省", "Jiangsu"), Level = RegionLevel.Province },
            new Region { Code = Nanjing, Name = LocalizedText.Create("南京市", "Nanjing"), Level = RegionLevel.City, Parent = Jiangsu },
            new Region { Code = Suzhou, Name = LocalizedText.Create("苏州市", "Suzhou"), Level = RegionLevel.City, Parent = Jiangsu },
            new Region { Code = Zhejiang, Name = LocalizedText.Create("浙江省", "Zhejiang"), Level = RegionLevel.Province },
        ],
    };

    private static ProgressRollup Rollup(params ProgressReport[] reports)
    {
        var plan = Plan(
            [
                new Aspect { Id = AspectId.Parse("aspect-1"), Ordinal = 1, Name = LocalizedText.Create(null, "Aspect 1"), Tasks = [A, B], DeclaredTaskCount = 2 },
                new Aspect { Id = AspectId.Parse("aspect-2"), Ordinal = 2, Name = LocalizedText.Create(null, "Aspect 2"), Tasks = [C, D], DeclaredTaskCount = 2 },
            ],
            []);
        return new ProgressRollup(PlanIndex.Create(plan, Regions()), ProgressLedger.Create(reports));
    }

    private static Plan Plan(ImmutableArray<Aspect> aspects, ImmutableArray<KeyTask> unassigned) => new()
    {
        Id = PlanId,
        Title = LocalizedText.Create(null, "Synthetic plan"),
        StartDate = new LocalDate(2024, 1, 1),
        EndDate = new LocalDate(2026, 12, 31),
        DeclaredTaskCount = 165,
        Aspects = aspects,
        UnassignedTasks = unassigned,
    };

    private static KeyTask Task(string code, RegionCode? region = null) => new()
    {
        Code = TaskCode.Parse(code),
        Title = LocalizedText.Create(null, $"Synthetic task {code}"),
        Regions = region is { } r ? [r] : [],
    };

    private static ProgressReport Report(KeyTask task, RegionCode? region, double? percent, ImplementationStatus status = ImplementationStatus.InProgress, LocalDate? on = null) => new()
    {
        Plan = PlanId,
        Task = task.Code,
        Region = region,
        ReportedOn = on ?? new LocalDate(2025, 3, 31),
        Status = status,
        PercentComplete = percent,
    };

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
