using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Validation;

/// <summary>Canonical (wire-format) text for values quoted in messages, so that messages read the same in every language.</summary>
internal static class Text
{
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Wire(IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.HigherIsBetter => "higherIsBetter",
        IndicatorDirection.LowerIsBetter => "lowerIsBetter",
        _ => "targetBand",
    };

    public static string Wire(ImplementationStatus status) => status switch
    {
        ImplementationStatus.NotStarted => "notStarted",
        ImplementationStatus.InProgress => "inProgress",
        ImplementationStatus.Completed => "completed",
        ImplementationStatus.Delayed => "delayed",
        _ => "suspended",
    };

    public static string Wire(RegionLevel level) => level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.Municipality => "municipality",
        RegionLevel.City => "city",
        RegionLevel.District => "district",
        RegionLevel.County => "county",
        _ => "countyLevelCity",
    };
}
