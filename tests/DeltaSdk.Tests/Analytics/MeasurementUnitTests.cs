using DeltaSdk.Analytics;

namespace DeltaSdk.Tests.Analytics;

public sealed class MeasurementUnitTests
{
    [Theory]
    [InlineData("10k persons", 3.5, "persons", 35_000)]
    [InlineData("persons", 35_000, "10k persons", 3.5)]
    [InlineData("CNY 100 million", 2, "CNY", 200_000_000)]
    [InlineData("CNY trillion", 30, "CNY 100 million", 300_000)]
    [InlineData("m", 1500, "km", 1.5)]
    public void Compatible_units_convert_by_their_scales(string from, double value, string to, double expected)
    {
        Assert.True(MeasurementUnit.TryParse(from, out var source));
        Assert.True(MeasurementUnit.TryParse(to, out var target));

        Assert.True(source.TryConvert(value, target, out var converted));
        Assert.Equal(expected, converted, 9);
    }

    [Fact]
    public void Incompatible_units_do_not_convert()
    {
        Assert.True(MeasurementUnit.TryParse("persons", out var persons));
        Assert.True(MeasurementUnit.TryParse("%", out var percent));

        Assert.False(persons.TryConvert(5, percent, out _));
        Assert.False(persons.IsCompatibleWith(percent));
    }

    [Theory]
    [InlineData("KM")]
    [InlineData("furlongs")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_symbols_are_not_units(string? symbol)
    {
        Assert.False(MeasurementUnit.TryParse(symbol, out _));
    }
}
