using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Serialization;

public sealed class FiniteDoubleJsonConverterTests
{
    private static string SyntheticBatch(string value) => $$"""
        {
          "$schema": "https://deltasdk.dev/schema/v1/observation-batch.schema.json",
          "formatVersion": "1.0",
          "observations": [
            { "indicator": "synthetic-length", "regionGroup": "yrd", "period": "2024", "value": 1 },
            { "indicator": "synthetic-length", "regionGroup": "yrd", "period": "2025", "value": {{value}} }
          ]
        }
        """;

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void A_number_beyond_the_range_of_a_double_is_rejected_where_it_stands(string value)
    {
        var error = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadObservations(SyntheticBatch(value)));

        Assert.Equal("$.observations[1].value", error.Path);
        Assert.Contains($"Found the number {value}", error.Message, StringComparison.Ordinal);
        Assert.Contains("finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_rejects_it_too()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SyntheticBatch("1e400")));

        var error = await Assert.ThrowsAsync<DeltaFormatException>(async () =>
        {
            await foreach (var _ in DeltaJson.StreamObservationsAsync(stream))
            {
            }
        });

        Assert.Equal("$.observations[1].value", error.Path);
    }

    [Theory]
    [InlineData("1.7976931348623157e308")]
    [InlineData("-0.5")]
    [InlineData("4.9e-324")]
    public void Finite_numbers_at_the_edges_read_and_write_back(string value)
    {
        var batch = DeltaJson.ReadObservations(SyntheticBatch(value));

        Assert.Equal(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture), batch.Observations[1].Value);
        Assert.Equal(batch.Observations[1].Value, DeltaJson.ReadObservations(DeltaJson.WriteObservations(batch)).Observations[1].Value);
    }

    [Fact]
    public void A_string_where_a_number_belongs_is_named()
    {
        var error = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadObservations(SyntheticBatch("\"12\"")));

        Assert.Equal("$.observations[1].value", error.Path);
        Assert.Contains("expected a number", error.Message, StringComparison.Ordinal);
    }
}
