using DeltaSdk.Analytics;
using NodaTime;

namespace DeltaSdk.Tests.Analytics;

/// <summary>Tests of <see cref="ProgressLedger"/>: one current state per task and reporting region, as of any date (synthetic reports).</summary>
public sealed class ProgressLedgerTests
{
    private static readonly TaskCode Shared = TaskCode.Parse("SYN-1");
    private static readonly RegionCode Jiangsu = RegionCode.Parse("320000");
    private static readonly RegionCode Zhejiang = RegionCode.Parse("330000");

    [Fact]
    public void Reports_of_two_regions_on_a_shared_task_do_not_overwrite_each_other()
    {
        var ledger = ProgressLedger.Create([Report(Jiangsu, 30, 1), Report(Zhejiang, 70, 2), Report(Jiangsu, 45, 3)]);

        var latest = ledger.LatestByRegion(Shared, new LocalDate(2025, 12, 31));

        Assert.Equal([45.0, 70.0], latest.Select(static r => r.PercentComplete!.Value));
        Assert.Equal(70, ledger.Latest(Shared, Zhejiang, new LocalDate(2025, 12, 31))!.PercentComplete);
        Assert.Equal(30, ledger.Latest(Shared, Jiangsu, new LocalDate(2025, 2, 15))!.PercentComplete);
        Assert.Null(ledger.Latest(Shared, null, new LocalDate(2025, 12, 31)));
        Assert.Equal(3, ledger.Count);
    }

    [Fact]
    public void Same_day_reports_are_ordered_by_recording_time_then_input_order()
    {
        var early = Report(Jiangsu, 10, 1) with { RecordedAt = Instant.FromUtc(2025, 1, 1, 9, 0) };
        var late = Report(Jiangsu, 20, 1) with { RecordedAt = Instant.FromUtc(2025, 1, 1, 10, 0) };

        var ledger = ProgressLedger.Create([late, early]);

        Assert.Equal(20, ledger.Latest(Shared, Jiangsu, new LocalDate(2025, 1, 31))!.PercentComplete);
        Assert.Equal([10.0, 20.0], ledger.History(Shared, Jiangsu).Select(static r => r.PercentComplete!.Value));
    }

    [Fact]
    public void Nothing_is_known_before_the_first_report()
    {
        var ledger = ProgressLedger.Create([Report(Jiangsu, 30, 5)]);

        Assert.Empty(ledger.LatestByRegion(Shared, new LocalDate(2025, 1, 1)));
        Assert.Empty(ledger.LatestByRegion(TaskCode.Parse("SYN-9"), new LocalDate(2030, 1, 1)));
    }

    private static ProgressReport Report(RegionCode? region, double percent, int month) => new()
    {
        Plan = PlanId.Parse("synthetic-plan"),
        Task = Shared,
        Region = region,
        ReportedOn = new LocalDate(2025, month, 1),
        Status = ImplementationStatus.InProgress,
        PercentComplete = percent,
    };
}
