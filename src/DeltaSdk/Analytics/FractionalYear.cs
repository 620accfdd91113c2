using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>Positions on a continuous year axis, so that growth over sub-annual periods uses fractional years.</summary>
internal static class FractionalYear
{
    /// <summary>
    /// The end of a period as a fractional year: the instant after its last day. The year 2023 ends at 2024.0,
    /// 2024-Q2 at 2024 + 182/366; two annual figures are thus whole years apart, as in Open SDG.
    /// </summary>
    public static double EndOf(ReportingPeriod period) => Of(period.End);

    public static double Of(LocalDate lastDay)
    {
        var daysInYear = CalendarSystem.Iso.GetDaysInYear(lastDay.Year);
        return lastDay.Year + ((double)lastDay.DayOfYear / daysInYear);
    }

    /// <summary>The last day on which a figure for <paramref name="period"/> is still fresh, given the expected frequency.</summary>
    public static LocalDate FreshUntil(ReportingPeriod period, ReportingPeriodKind frequency) => frequency switch
    {
        ReportingPeriodKind.Year => period.End.PlusYears(1),
        ReportingPeriodKind.Half => period.End.PlusMonths(6),
        ReportingPeriodKind.Quarter => period.End.PlusMonths(3),
        ReportingPeriodKind.Month => period.End.PlusMonths(1),
        _ => period.End.PlusDays(1),
    };
}
