using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tests.Serialization;

/// <summary>The timestamp converter reads NodaTime's extended ISO UTC pattern, refusing the second spellings of an instant.</summary>
public sealed class InstantJsonConverterTests
{
    private static readonly InstantJsonConverter Converter = new();

    [Theory]
    [InlineData("\"2024-07-25T08:30:00Z\"", "2024-07-25T08:30:00Z")]
    [InlineData("\"2024-07-25T08:30:00.123Z\"", "2024-07-25T08:30:00.123Z")]
    [InlineData("\"2024-07-25T08:30:00.123456789Z\"", "2024-07-25T08:30:00.123456789Z")]
    [InlineData("\"2024-07-25T23:59:59Z\"", "2024-07-25T23:59:59Z")]
    public void Reads_utc_timestamps(string json, string expected)
        => Assert.Equal(expected, NodaTime.Text.InstantPattern.ExtendedIso.Format(Read(json)));

    [Theory]
    [InlineData("\"2024-07-25T24:00:00Z\"", "hour 24")]
    [InlineData("\"2024-07-25T08:30:00Z\\u0000\"", "NUL")]
    [InlineData("\"2024-07-25T08:30:00+08:00\"", "not a UTC timestamp")]
    [InlineData("\"2024-07-25T08:30:00\"", "not a UTC timestamp")]
    [InlineData("\"2024-07-25T08:30Z\"", "not a UTC timestamp")]
    [InlineData("\"2024-07-25T23:59:60Z\"", "out of range")]
    [InlineData("\"2024-07-25T08:30:00.1234567891Z\"", "not a UTC timestamp")]
    [InlineData("true", "Found true")]
    public void Refuses_other_text_naming_what_it_found(string json, string reason)
    {
        var exception = Assert.Throws<DeltaJsonException>(() => Read(json));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_fractional_seconds_only_when_present()
    {
        var whole = Instant.FromUtc(2025, 4, 1, 8, 30, 15);

        Assert.Equal("\"2025-04-01T08:30:15Z\"", Write(whole));
        Assert.Equal("\"2025-04-01T08:30:15.123Z\"", Write(whole + Duration.FromMilliseconds(123)));
    }

    private static Instant Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Converter.Read(ref reader, typeof(Instant), JsonSerializerOptions.Default);
    }

    private static string Write(Instant value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Converter.Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
