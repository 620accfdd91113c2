using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tests.Serialization;

/// <summary>The date converter reads exactly NodaTime's ISO date pattern (less a NUL) and writes it back.</summary>
public sealed class LocalDateJsonConverterTests
{
    private static readonly LocalDateJsonConverter Converter = new();

    [Theory]
    [InlineData("\"2024-07-25\"", 2024, 7, 25)]
    [InlineData("\"2024-02-29\"", 2024, 2, 29)]
    [InlineData("\"\\u0032024-07-25\"", 2024, 7, 25)] // escaped, so off the fast path and through the pattern
    [InlineData("\"0001-01-01\"", 1, 1, 1)]
    public void Reads_iso_dates(string json, int year, int month, int day)
        => Assert.Equal(new LocalDate(year, month, day), Read(json));

    [Theory]
    [InlineData("\"2024-07-25\\u0000\"", "NUL")]
    [InlineData("\"2024-07-25\\u0000\\u0000\"", "NUL")]
    [InlineData("\"2024-02-30\"", "day 30 is out of range")]
    [InlineData("\"2024-07-25 \"", "prefix")]
    [InlineData("\"2024-07-25T00:00\"", "prefix")]
    [InlineData("\"2024-7-25\"", "\"MM\"")]
    [InlineData("\"12024-01-01\"", "not a date")]
    [InlineData("\"\"", "empty")]
    [InlineData("20240725", "Found the number 20240725")]
    public void Refuses_other_text_naming_what_it_found(string json, string reason)
    {
        var exception = Assert.Throws<DeltaJsonException>(() => Read(json));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Contains("2024-07-25", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, 7, 25, "2024-07-25")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(-5, 1, 1, "-0005-01-01")]
    public void Writes_iso_dates(int year, int month, int day, string expected)
        => Assert.Equal("\"" + expected + "\"", Write(new LocalDate(year, month, day)));

    [Fact]
    public void Refuses_to_write_a_date_of_another_calendar()
        => Assert.Throws<ArgumentException>(() => Write(new LocalDate(2024, 1, 1, CalendarSystem.Julian)));

    private static LocalDate Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Converter.Read(ref reader, typeof(LocalDate), JsonSerializerOptions.Default);
    }

    private static string Write(LocalDate value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Converter.Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
