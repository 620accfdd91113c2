namespace DeltaSdk;

/// <summary>Unit symbols used by the embedded data; other units are free text, compared ordinally.</summary>
public static class IndicatorUnits
{
    /// <summary>Kilometres.</summary>
    public const string Kilometre = "km";

    /// <summary>Square kilometres.</summary>
    public const string SquareKilometre = "km2";

    /// <summary>A percentage, 0 to 100 unless the indicator says otherwise.</summary>
    public const string Percent = "%";

    /// <summary>A count of things (tasks, stations, services).</summary>
    public const string Count = "count";

    /// <summary>Chinese yuan (renminbi).</summary>
    public const string Yuan = "CNY";
}
