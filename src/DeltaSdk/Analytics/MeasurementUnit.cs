using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace DeltaSdk.Analytics;

/// <summary>
/// An indicator unit understood as a dimension and a scale: <c>10k persons</c> is 10,000 of the base unit
/// <c>persons</c>, <c>CNY 100 million</c> is 100,000,000 yuan. Values convert between units of one dimension;
/// between dimensions they do not, and callers report that rather than mix the figures.
/// </summary>
/// <param name="Symbol">The symbol as an indicator writes it, for example <c>10k persons</c>.</param>
/// <param name="Dimension">What the unit measures.</param>
/// <param name="Scale">How many base units of the dimension one unit is (1 for the base unit itself).</param>
public sealed record MeasurementUnit(string Symbol, UnitDimension Dimension, double Scale)
{
    private static readonly FrozenDictionary<string, MeasurementUnit> Known = new MeasurementUnit[]
    {
        new(IndicatorUnits.Kilometre, UnitDimension.Length, 1),
        new("m", UnitDimension.Length, 0.001),
        new("10k km", UnitDimension.Length, 10_000),
        new(IndicatorUnits.SquareKilometre, UnitDimension.Area, 1),
        new("persons", UnitDimension.Population, 1),
        new("10k persons", UnitDimension.Population, 10_000),
        new("100 million persons", UnitDimension.Population, 100_000_000),
        new(IndicatorUnits.Yuan, UnitDimension.CurrencyCny, 1),
        new("CNY 10k", UnitDimension.CurrencyCny, 10_000),
        new("CNY 100 million", UnitDimension.CurrencyCny, 100_000_000),
        new("CNY billion", UnitDimension.CurrencyCny, 1_000_000_000),
        new("CNY trillion", UnitDimension.CurrencyCny, 1_000_000_000_000),
        new(IndicatorUnits.Percent, UnitDimension.Percent, 1),
        new(IndicatorUnits.Count, UnitDimension.Count, 1),
        new("10k", UnitDimension.Count, 10_000),
    }.ToFrozenDictionary(static u => u.Symbol, StringComparer.Ordinal);

    /// <summary>Gets every unit symbol this library knows, with its dimension and scale.</summary>
    public static IReadOnlyCollection<MeasurementUnit> All => Known.Values;

    /// <summary>Looks a unit symbol up (ordinal, exact: <c>KM</c> is not <c>km</c>).</summary>
    /// <param name="symbol">The symbol, for example <c>CNY 100 million</c>.</param>
    /// <param name="unit">The unit when the symbol is known.</param>
    /// <returns><see langword="true"/> when the symbol is a known unit.</returns>
    public static bool TryParse([NotNullWhen(true)] string? symbol, [NotNullWhen(true)] out MeasurementUnit? unit)
    {
        unit = null;
        return symbol is not null && Known.TryGetValue(symbol, out unit);
    }

    /// <summary>Determines whether values in this unit convert to <paramref name="other"/>.</summary>
    /// <param name="other">The other unit.</param>
    /// <returns><see langword="true"/> when both units measure the same dimension.</returns>
    public bool IsCompatibleWith(MeasurementUnit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Dimension == other.Dimension;
    }

    /// <summary>Converts a value in this unit to <paramref name="target"/>, when the dimensions agree.</summary>
    /// <param name="value">The value in this unit.</param>
    /// <param name="target">The unit to convert to.</param>
    /// <param name="converted">The value in <paramref name="target"/>; 0 when the units are incompatible.</param>
    /// <returns><see langword="false"/> when the dimensions differ: the value is not converted.</returns>
    public bool TryConvert(double value, MeasurementUnit target, out double converted)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsCompatibleWith(target))
        {
            converted = 0;
            return false;
        }

        converted = Scale == target.Scale ? value : value * Scale / target.Scale;
        return true;
    }

    /// <summary>Returns the symbol.</summary>
    /// <returns>The symbol.</returns>
    public override string ToString() => Symbol;
}
