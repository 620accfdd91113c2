namespace DeltaSdk.Validation;

/// <summary>What values a unit admits, and whether values in it can be added across regions.</summary>
internal static class UnitDomain
{
    /// <summary>Returns the domain of a unit in notation every reader shares, or <see langword="null"/> when any finite value fits.</summary>
    public static string? Describe(string unit) => unit switch
    {
        IndicatorUnits.Percent => "[0, 100]",
        IndicatorUnits.Count => "{0, 1, 2, …}",
        IndicatorUnits.Kilometre or IndicatorUnits.SquareKilometre => "[0, +∞)",
        _ => null,
    };

    public static bool Contains(string unit, double value) => unit switch
    {
        IndicatorUnits.Percent => value is >= 0 and <= 100,
        IndicatorUnits.Count => value >= 0 && Math.Floor(value) == value,
        IndicatorUnits.Kilometre or IndicatorUnits.SquareKilometre => value >= 0,
        _ => true,
    };

    /// <summary>Percentages and ratios ("CNY/person", "μg/m3") describe a region as a whole: adding two regions' values means nothing.</summary>
    public static bool IsNonAdditive(string unit) => unit == IndicatorUnits.Percent || unit.Contains('/', StringComparison.Ordinal);
}
