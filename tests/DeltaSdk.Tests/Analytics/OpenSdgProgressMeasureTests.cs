using DeltaSdk.Analytics;
using NodaTime;

namespace DeltaSdk.Tests.Analytics;

/// <summary>
/// Worked examples of the Open SDG progress measure, each computed by hand in its comment (CAGR =
/// (current / base)^(1 / years) - 1). Indicators and values are synthetic.
/// </summary>
public sealed class OpenSdgProgressMeasureTests
{
    private static readonly OpenSdgProgressMeasure Measure = OpenSdgProgressMeasure.Default;
    private static readonly LocalDate AsOf2024 = new(2024, 12, 31);

    [Fact]
    public void With_a_target_the_ratio_of_observed_to_required_growth_decides()
    {
        // Base 2020 = 100, latest 2023 = 115.7625 = 100 × 1.05³: observed CAGR = 0.05.
        // Target 2030 = 200: required CAGR = 2^(1/10) - 1 = 0.07177346254. p = 0.05 / 0.07177346254 = 0.696636 → moderate (0.60 ≤ p < 0.95).
        var indicator = Indicator(targets: [Target(2030, 200)]);
        var status = Measure.Evaluate(indicator, [Point(2020, 100), Point(2023, 115.7625)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.ModerateProgress, status.Status);
        Assert.Equal(0.05, status.ObservedGrowth!.Value, 10);
        Assert.Equal(0.07177346254, status.RequiredGrowth!.Value, 10);
        Assert.Equal(0.696636, status.Ratio!.Value, 5);
        Assert.Equal(ProgressThresholds.WithTarget, status.Thresholds);
        Assert.Equal(new IndicatorPoint(ReportingPeriod.ForYear(2020), 100), status.Base);
        Assert.Equal(new IndicatorPoint(ReportingPeriod.ForYear(2023), 115.7625), status.Current);
        Assert.Equal(ReportingPeriod.ForYear(2030), status.Target!.Period);
        Assert.Equal(AnalyticsMethodology.OpenSdgProgressMeasure, status.Methodology);
        Assert.Null(status.NotAvailableReason);
    }

    [Theory]
    // Base 2020 = 100 to 2022: CAGR = sqrt(latest / 100) - 1.
    [InlineData(104.0401, IndicatorProgressStatus.SubstantialProgress)] // 1.02² → 0.02 ≥ 0.015
    [InlineData(102.01, IndicatorProgressStatus.ModerateProgress)] // 1.01² → 0.01 in [0.005, 0.015)
    [InlineData(100.4004, IndicatorProgressStatus.LimitedProgress)] // 1.002² → 0.002 in [0, 0.005)
    [InlineData(98.01, IndicatorProgressStatus.Deterioration)] // 0.99² → -0.01 < 0
    public void Without_a_target_fixed_growth_thresholds_decide(double latest, IndicatorProgressStatus expected)
    {
        var status = Measure.Evaluate(Indicator(), [Point(2020, 100), Point(2022, latest)], AsOf2024);

        Assert.Equal(expected, status.Status);
        Assert.Equal(ProgressThresholds.WithoutTarget, status.Thresholds);
        Assert.Null(status.Target);
        Assert.Null(status.RequiredGrowth);
        Assert.Equal(Math.Sqrt(latest / 100) - 1, status.Ratio!.Value, 12);
    }

    [Fact]
    public void Decreasing_indicator_with_a_target_counts_a_fall_as_progress()
    {
        // Lower is better. Base 2020 = 100, latest 2022 = 81: observed CAGR = 0.9 - 1 = -0.1.
        // Target 2030 = 100 × 0.9^10 = 34.86784401: required CAGR = -0.1. p = 1 × (-1) × (-0.1) / |-0.1| = 1 → substantial.
        var indicator = Indicator(IndicatorDirection.LowerIsBetter, [Target(2030, 34.86784401)]);
        var status = Measure.Evaluate(indicator, [Point(2020, 100), Point(2022, 81)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.SubstantialProgress, status.Status);
        Assert.Equal(1.0, status.Ratio!.Value, 9);
        Assert.Equal(IndicatorDirection.LowerIsBetter, status.Direction);
    }

    [Fact]
    public void Decreasing_indicator_without_a_target_that_rises_deteriorates()
    {
        // Lower is better. 100 (2020) → 101 (2021): CAGR 0.01; p = 1 × (-1) × 0.01 = -0.01 < 0.
        var status = Measure.Evaluate(Indicator(IndicatorDirection.LowerIsBetter), [Point(2020, 100), Point(2021, 101)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.Deterioration, status.Status);
        Assert.Equal(-0.01, status.Ratio!.Value, 12);
    }

    [Fact]
    public void Zero_base_is_replaced_by_a_thousandth_as_open_sdg_does()
    {
        // Base 0 counts as 0.001; 0 (2020) → 0.00102 (2021): CAGR = 1.02 - 1 = 0.02 ≥ 0.015 → substantial.
        var status = Measure.Evaluate(Indicator(), [Point(2020, 0), Point(2021, 0.00102)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.SubstantialProgress, status.Status);
        Assert.Equal(0.02, status.Ratio!.Value, 9);
        Assert.Contains("baseValueZeroReplaced", status.Adjustments);
        Assert.Equal(0, status.Base!.Value.Value);
    }

    [Fact]
    public void Base_and_latest_of_opposite_signs_are_not_available()
    {
        var status = Measure.Evaluate(Indicator(), [Point(2020, -5), Point(2022, 3)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.NotAvailable, status.Status);
        Assert.Equal(StatusNotAvailableReason.SignChange, status.NotAvailableReason);
        Assert.Null(status.Ratio);
    }

    [Fact]
    public void Negative_base_flips_the_sign_so_that_rising_towards_zero_is_progress()
    {
        // Higher is better. -100 (2020) → -90 (2021): CAGR = 0.9 - 1 = -0.1; sign = -1, so p = (-1) × 1 × (-0.1) = 0.1 → substantial.
        var status = Measure.Evaluate(Indicator(), [Point(2020, -100), Point(2021, -90)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.SubstantialProgress, status.Status);
        Assert.Equal(0.1, status.Ratio!.Value, 12);
    }

    [Fact]
    public void One_observation_is_not_enough_for_a_growth_rate()
    {
        var status = Measure.Evaluate(Indicator(targets: [Target(2026, 500)]), [Point(2023, 100)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.NotAvailable, status.Status);
        Assert.Equal(StatusNotAvailableReason.FewerThanTwoObservations, status.NotAvailableReason);
        Assert.Equal(status.Base, status.Current);
    }

    [Fact]
    public void Target_reached_early_is_achieved_even_from_a_single_observation()
    {
        // The 2026 target of 120 is met by the 2024 value 125: achieved whatever the growth.
        var status = Measure.Evaluate(Indicator(targets: [Target(2026, 120)]), [Point(2024, 125)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.TargetAchieved, status.Status);
        Assert.Equal(120, status.Target!.Value);
        Assert.False(status.Target.IsPast);
    }

    [Fact]
    public void Decreasing_target_is_achieved_at_or_below_it()
    {
        var status = Measure.Evaluate(Indicator(IndicatorDirection.LowerIsBetter, [Target(2026, 30)]), [Point(2020, 40), Point(2024, 30)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.TargetAchieved, status.Status);
    }

    [Fact]
    public void No_observations_is_a_typed_not_available_rather_than_an_exception()
    {
        var status = Measure.Evaluate(Indicator(targets: [Target(2026, 120)]), ReadOnlySpan<IndicatorPoint>.Empty, AsOf2024);

        Assert.Equal(IndicatorProgressStatus.NotAvailable, status.Status);
        Assert.Equal(StatusNotAvailableReason.NoObservations, status.NotAvailableReason);
        Assert.Null(status.Current);
    }

    [Fact]
    public void Observations_of_periods_ending_after_the_as_of_date_are_not_used()
    {
        // As of 2022-06-30, 2022 has not ended: only 2020 and 2021 count. 100 → 103: CAGR 0.03.
        var status = Measure.Evaluate(Indicator(), [Point(2020, 100), Point(2021, 103), Point(2022, 50)], new LocalDate(2022, 6, 30));

        Assert.Equal(ReportingPeriod.ForYear(2021), status.Current!.Value.Period);
        Assert.Equal(0.03, status.Ratio!.Value, 12);
    }

    [Fact]
    public void Target_before_the_base_is_a_typed_not_available()
    {
        // Baseline 2023; the only target is for 2022, which has passed as of 2024 and is therefore the one used.
        var indicator = Indicator(targets: [Target(2022, 500)]) with { Baseline = new IndicatorValue { Period = ReportingPeriod.ForYear(2023), Value = 100 } };
        var status = Measure.Evaluate(indicator, [Point(2024, 110)], new LocalDate(2025, 1, 1));

        Assert.Equal(StatusNotAvailableReason.TargetNotAfterBase, status.NotAvailableReason);
        Assert.True(status.Target!.IsPast);
    }

    [Fact]
    public void The_headline_baseline_is_the_base_but_a_region_uses_its_own_earliest_observation()
    {
        var indicator = Indicator() with { Baseline = new IndicatorValue { Period = ReportingPeriod.ForYear(2020), Value = 50 } };
        var region = RegionCode.Parse("320000");

        var headline = Measure.Evaluate(indicator, [Point(2021, 100), Point(2022, 100)], AsOf2024);
        var regional = Measure.Evaluate(indicator, [Point(2021, 100), Point(2022, 100)], AsOf2024, region);

        Assert.Equal(50, headline.Base!.Value.Value);
        Assert.Equal(100, regional.Base!.Value.Value);
        Assert.Equal(region, regional.Region);
    }

    [Fact]
    public void Nearest_target_at_or_after_the_as_of_date_drives_the_status()
    {
        var indicator = Indicator(targets: [Target(2026, 150), Target(2025, 120)]);
        var points = new[] { Point(2020, 100), Point(2023, 110) };

        Assert.Equal(2025, Measure.Evaluate(indicator, points, new LocalDate(2025, 6, 1)).Target!.Period.Year);
        Assert.Equal(2025, Measure.Evaluate(indicator, points, new LocalDate(2025, 12, 31)).Target!.Period.Year);
        Assert.Equal(2026, Measure.Evaluate(indicator, points, new LocalDate(2026, 1, 1)).Target!.Period.Year);
        Assert.True(Measure.Evaluate(indicator, points, new LocalDate(2027, 1, 1)).Target!.IsPast);
    }

    [Fact]
    public void Sub_annual_periods_are_fractional_years_apart()
    {
        // 2024-Q1 ends on day 91 of 366, 2024-Q3 on day 274: 183/366 = 0.5 years apart.
        // 100 → 110.25 in half a year: CAGR = 1.1025² - 1 = 0.21550625.
        var status = Measure.Evaluate(Indicator(), [new IndicatorPoint(ReportingPeriod.ForQuarter(2024, 1), 100), new IndicatorPoint(ReportingPeriod.ForQuarter(2024, 3), 110.25)], AsOf2024);

        Assert.Equal(0.21550625, status.ObservedGrowth!.Value, 10);
        Assert.Equal(IndicatorProgressStatus.SubstantialProgress, status.Status);
    }

    [Fact]
    public void Target_in_a_compatible_unit_is_converted()
    {
        // Indicator in persons; target 2030 = 2 (10k persons) = 20,000 persons. Base 10,000 (2020), 2023 = 11,576.25.
        // Observed 0.05; required 2^(1/10) - 1; p = 0.696636 as in the first example.
        var indicator = Indicator(targets: [Target(2030, 2) with { Unit = "10k persons" }]) with { Unit = "persons" };
        var status = Measure.Evaluate(indicator, [Point(2020, 10_000), Point(2023, 11_576.25)], AsOf2024);

        Assert.Equal(20_000, status.Target!.Value, 9);
        Assert.Equal(2, status.Target.StatedValue);
        Assert.Equal("10k persons", status.Target.StatedUnit);
        Assert.Equal(0.696636, status.Ratio!.Value, 5);
    }

    [Theory]
    [InlineData("persons", "furlongs", StatusNotAvailableReason.UnknownUnit)]
    [InlineData("made-up unit", "10k persons", StatusNotAvailableReason.UnknownUnit)]
    [InlineData("persons", "km", StatusNotAvailableReason.IncompatibleUnits)]
    [InlineData("CNY 100 million", "%", StatusNotAvailableReason.IncompatibleUnits)]
    public void Target_in_an_unknown_or_incompatible_unit_is_a_typed_not_available(string indicatorUnit, string targetUnit, StatusNotAvailableReason reason)
    {
        var indicator = Indicator(targets: [Target(2030, 2) with { Unit = targetUnit }]) with { Unit = indicatorUnit };
        var status = Measure.Evaluate(indicator, [Point(2020, 1), Point(2023, 1.5)], AsOf2024);

        Assert.Equal(IndicatorProgressStatus.NotAvailable, status.Status);
        Assert.Equal(reason, status.NotAvailableReason);
    }

    [Fact]
    public void Target_band_is_not_defined_by_the_measure()
    {
        var status = Measure.Evaluate(Indicator(IndicatorDirection.TargetBand), [Point(2020, 1), Point(2023, 2)], AsOf2024);

        Assert.Equal(StatusNotAvailableReason.UnsupportedDirection, status.NotAvailableReason);
    }

    [Theory]
    [InlineData(2024, 12, 31, false)]
    [InlineData(2025, 1, 1, true)]
    public void A_figure_older_than_its_expected_frequency_is_stale(int year, int month, int day, bool stale)
    {
        // Annual figure for 2023 (ends 2023-12-31), expected yearly: fresh until 2024-12-31.
        var indicator = Indicator() with { ExpectedFrequency = ReportingPeriodKind.Year };
        var status = Measure.Evaluate(indicator, [Point(2022, 1), Point(2023, 2)], new LocalDate(year, month, day));

        Assert.Equal(stale, status.IsStale);
    }

    [Fact]
    public void Without_a_declared_frequency_staleness_is_unknown()
    {
        Assert.Null(Measure.Evaluate(Indicator(), [Point(2022, 1), Point(2023, 2)], AsOf2024).IsStale);
    }

    [Fact]
    public void The_date_can_come_from_a_clock()
    {
        var clock = new FixedClock(Instant.FromUtc(2022, 6, 30, 20, 0));
        var status = Measure.Evaluate(Indicator(), [Point(2020, 100), Point(2021, 103)], clock, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);

        // 20:00 UTC is 04:00 the next day in Shanghai.
        Assert.Equal(new LocalDate(2022, 7, 1), status.AsOf);
    }

    [Fact]
    public void Evaluate_all_gives_one_status_per_indicator_and_scope()
    {
        var length = Indicator();
        var jiangsu = RegionCode.Parse("320000");
        var zhejiang = RegionCode.Parse("330000");
        Observation[] observations =
        [
            new() { Indicator = length.Id, Region = jiangsu, Period = ReportingPeriod.ForYear(2020), Value = 100 },
            new() { Indicator = length.Id, Region = jiangsu, Period = ReportingPeriod.ForYear(2022), Value = 104.0401 },
            new() { Indicator = length.Id, Region = zhejiang, Period = ReportingPeriod.ForYear(2020), Value = 100 },
            new() { Indicator = IndicatorId.Parse("unknown"), Region = zhejiang, Period = ReportingPeriod.ForYear(2020), Value = 1 },
        ];

        var statuses = Measure.EvaluateAll([length], observations, AsOf2024);

        Assert.Equal([jiangsu, zhejiang], statuses.Select(static s => s.Region!.Value));
        Assert.Equal(IndicatorProgressStatus.SubstantialProgress, statuses[0].Status);
        Assert.Equal(StatusNotAvailableReason.FewerThanTwoObservations, statuses[1].NotAvailableReason);
    }

    private static Indicator Indicator(IndicatorDirection direction = IndicatorDirection.HigherIsBetter, IndicatorTarget[]? targets = null) => new()
    {
        Id = IndicatorId.Parse("synthetic-indicator"),
        Name = LocalizedText.Create(null, "Synthetic indicator"),
        Unit = IndicatorUnits.Kilometre,
        Direction = direction,
        Targets = [.. targets ?? []],
    };

    private static IndicatorTarget Target(int year, double value) => new() { Period = ReportingPeriod.ForYear(year), Value = value };

    private static IndicatorPoint Point(int year, double value) => new(ReportingPeriod.ForYear(year), value);

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
