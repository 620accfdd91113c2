using DeltaSdk.Tests.Internal;
using NodaTime;

namespace DeltaSdk.Tests;

public sealed class ReportingPeriodTests : IdentifierContract<ReportingPeriod>
{
    protected override string Noun => "reporting period";

    protected override IReadOnlyList<string> ValidTexts =>
    [
        "2024",
        "2024-H1",
        "2024-H2",
        "2024-Q1",
        "2024-Q4",
        "2024-01",
        "2024-12",
        "2024-07-25",
        "2024-02-29",
        "1000",
        "9999-12-31",
    ];

    protected override IReadOnlyList<string> InvalidTexts =>
    [
        "",
        " ",
        "2024-H3",
        "2024-H0",
        "2024-Q0",
        "2024-Q5",
        "2024-13",
        "2024-00",
        "2023-02-29",
        "2024-04-31",
        "2024-01-00",
        "0999",
        "999",
        "10000",
        "2024-7",
        "2024-7-25",
        "2024-07-5",
        " 2024",
        "2024 ",
        "2024-07-25T00:00",
        "2024-h1",
        "2024-q3",
        "2024H1",
        "2024/07",
        "2024-",
        "+2024",
        "-2024",
        "\uff12\uff10\uff12\uff14", // fullwidth digits
        "2024-\uff10\uff17",
        "2024-Q\u0663", // Arabic-Indic '3'
        "二〇二四",
    ];

    // Start day first, then the longer period first.
    protected override IReadOnlyList<string> OrderedTexts =>
    [
        "2023-12-31",
        "2024",
        "2024-H1",
        "2024-Q1",
        "2024-01",
        "2024-01-01",
        "2024-01-02",
        "2024-02",
        "2024-Q2",
        "2024-04",
        "2024-H2",
        "2024-Q3",
        "2024-07",
        "2024-07-01",
        "2024-12-31",
        "2025",
    ];

    [Theory]
    [InlineData("2024", ReportingPeriodKind.Year, "2024-01-01", "2024-12-31")]
    [InlineData("2023", ReportingPeriodKind.Year, "2023-01-01", "2023-12-31")]
    [InlineData("2024-H1", ReportingPeriodKind.Half, "2024-01-01", "2024-06-30")]
    [InlineData("2024-H2", ReportingPeriodKind.Half, "2024-07-01", "2024-12-31")]
    [InlineData("2024-Q1", ReportingPeriodKind.Quarter, "2024-01-01", "2024-03-31")]
    [InlineData("2024-Q2", ReportingPeriodKind.Quarter, "2024-04-01", "2024-06-30")]
    [InlineData("2024-Q3", ReportingPeriodKind.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("2024-Q4", ReportingPeriodKind.Quarter, "2024-10-01", "2024-12-31")]
    [InlineData("2024-02", ReportingPeriodKind.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", ReportingPeriodKind.Month, "2023-02-01", "2023-02-28")]
    [InlineData("2000-02", ReportingPeriodKind.Month, "2000-02-01", "2000-02-29")]
    [InlineData("1900-02", ReportingPeriodKind.Month, "1900-02-01", "1900-02-28")]
    [InlineData("2024-04", ReportingPeriodKind.Month, "2024-04-01", "2024-04-30")]
    [InlineData("2024-12", ReportingPeriodKind.Month, "2024-12-01", "2024-12-31")]
    [InlineData("2024-02-29", ReportingPeriodKind.Day, "2024-02-29", "2024-02-29")]
    [InlineData("9999", ReportingPeriodKind.Year, "9999-01-01", "9999-12-31")]
    [InlineData("9999-H2", ReportingPeriodKind.Half, "9999-07-01", "9999-12-31")]
    [InlineData("9999-Q4", ReportingPeriodKind.Quarter, "9999-10-01", "9999-12-31")]
    [InlineData("9999-12", ReportingPeriodKind.Month, "9999-12-01", "9999-12-31")]
    [InlineData("1000", ReportingPeriodKind.Year, "1000-01-01", "1000-12-31")]
    public void Each_kind_covers_its_calendar_days(string text, ReportingPeriodKind kind, string start, string end)
    {
        var period = ReportingPeriod.Parse(text);
        var interval = period.ToDateInterval();

        Assert.Equal(kind, period.Kind);
        Assert.Equal(Date(start), period.Start);
        Assert.Equal(Date(end), period.End);
        Assert.Equal(Date(start), interval.Start);
        Assert.Equal(Date(end), interval.End);
        Assert.Equal(Date(start).Year, period.Year);
    }

    [Theory]
    [InlineData("2024", 366)]
    [InlineData("2023", 365)]
    [InlineData("2024-H1", 182)]
    [InlineData("2023-H1", 181)]
    [InlineData("2024-Q1", 91)]
    [InlineData("2023-Q1", 90)]
    [InlineData("2024-02", 29)]
    [InlineData("2024-07-25", 1)]
    public void Interval_length_counts_leap_days(string text, int days)
    {
        Assert.Equal(days, ReportingPeriod.Parse(text).ToDateInterval().Length);
    }

    [Fact]
    public void Factories_produce_the_canonical_forms()
    {
        Assert.Equal("2024", ReportingPeriod.ForYear(2024).ToString());
        Assert.Equal("2024-H2", ReportingPeriod.ForHalf(2024, 2).ToString());
        Assert.Equal("2024-Q3", ReportingPeriod.ForQuarter(2024, 3).ToString());
        Assert.Equal("2024-07", ReportingPeriod.ForMonth(2024, 7).ToString());
        Assert.Equal("2024-07-25", ReportingPeriod.ForDay(new LocalDate(2024, 7, 25)).ToString());
        Assert.Equal("1000-01-01", ReportingPeriod.ForDay(new LocalDate(1000, 1, 1)).ToString());
    }

    [Fact]
    public void Factories_reject_out_of_range_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForYear(999));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForYear(10000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForHalf(2024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForHalf(2024, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForQuarter(2024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForQuarter(2024, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForMonth(2024, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForMonth(2024, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.ForDay(new LocalDate(999, 12, 31)));
    }

    [Fact]
    public void ForDay_rejects_a_non_ISO_calendar()
    {
        var julian = new LocalDate(2024, 7, 25, CalendarSystem.Julian);

        Assert.Throws<ArgumentException>("date", () => ReportingPeriod.ForDay(julian));
    }

    [Fact]
    public void Contains_a_day_is_inclusive_at_both_ends()
    {
        var q3 = ReportingPeriod.Parse("2024-Q3");

        Assert.True(q3.Contains(new LocalDate(2024, 7, 1)));
        Assert.True(q3.Contains(new LocalDate(2024, 9, 30)));
        Assert.False(q3.Contains(new LocalDate(2024, 6, 30)));
        Assert.False(q3.Contains(new LocalDate(2024, 10, 1)));
    }

    [Theory]
    [InlineData("2024", "2024-H2", true)]
    [InlineData("2024", "2024-12-31", true)]
    [InlineData("2024", "2024", true)]
    [InlineData("2024-H1", "2024-Q2", true)]
    [InlineData("2024-H1", "2024-Q3", false)]
    [InlineData("2024-Q1", "2024-H1", false)]
    [InlineData("2024-02", "2024-02-29", true)]
    [InlineData("2024-07", "2024", false)]
    [InlineData("2024", "2025-01-01", false)]
    [InlineData("2024", "2023-12-31", false)]
    public void Contains_a_period_when_every_day_is_inside(string outer, string inner, bool contains)
    {
        Assert.Equal(contains, ReportingPeriod.Parse(outer).Contains(ReportingPeriod.Parse(inner)));
    }

    [Fact]
    public void Periods_of_different_kinds_starting_the_same_day_are_not_equal()
    {
        var year = ReportingPeriod.Parse("2024");
        var half = ReportingPeriod.Parse("2024-H1");

        Assert.NotEqual(year, half);
        Assert.True(year != half);
        Assert.False(year == half);
        Assert.Equal(year.Start, half.Start);
    }

    [Fact]
    public void Operators_agree_with_CompareTo()
    {
        var earlier = ReportingPeriod.Parse("2024-Q1");
        var later = ReportingPeriod.Parse("2024-01");

        Assert.True(earlier < later);
        Assert.True(earlier <= later);
        Assert.True(later > earlier);
        Assert.True(later >= earlier);
        Assert.True(earlier <= ReportingPeriod.Parse("2024-Q1"));
        Assert.True(earlier >= ReportingPeriod.Parse("2024-Q1"));
        Assert.False(later < earlier);
        Assert.True(default(ReportingPeriod) < ReportingPeriod.Parse("1000"));
        Assert.Equal(0, default(ReportingPeriod).CompareTo(default));
    }

    [Fact]
    public void Members_of_default_that_need_a_period_throw()
    {
        Assert.Throws<InvalidOperationException>(() => default(ReportingPeriod).Kind);
        Assert.Throws<InvalidOperationException>(() => default(ReportingPeriod).Start);
        Assert.Throws<InvalidOperationException>(() => default(ReportingPeriod).End);
        Assert.Throws<InvalidOperationException>(() => default(ReportingPeriod).ToDateInterval());
    }

    [Fact]
    public void TryParse_of_characters_agrees_with_TryParse_of_a_string()
    {
        Assert.True(ReportingPeriod.TryParse("xx2024-Q3yy".AsSpan(2, 7), out var period));
        Assert.Equal(ReportingPeriod.ForQuarter(2024, 3), period);
        Assert.False(ReportingPeriod.TryParse("2024-Q5".AsSpan(), out _));
    }

    protected override ReportingPeriod Parse(string text) => ReportingPeriod.Parse(text);

    protected override bool TryParse(string? text, out ReportingPeriod result) => ReportingPeriod.TryParse(text, out result);

    protected override bool IsEmpty(ReportingPeriod value) => value.IsEmpty;

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
