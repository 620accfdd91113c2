using System.Text;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Serialization;

public sealed class DeltaJsonStreamingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Streaming_yields_the_same_observations_as_a_whole_read_whatever_the_chunk_size(int chunk)
    {
        var bytes = DeltaJson.WriteObservationsToUtf8Bytes(SyntheticModels.Batch(3000));
        var whole = DeltaJson.ReadObservations(bytes);

        var streamed = await ToListAsync(DeltaJson.StreamObservationsAsync(new ChunkedStream(bytes, chunk)));

        ModelComparer.AssertEquivalent(whole.Observations.ToList(), streamed);
    }

    [Fact]
    public async Task Streaming_writer_writes_the_bytes_of_the_batch_writer()
    {
        var batch = SyntheticModels.Batch(500);
        using var streamed = new MemoryStream();
        using var empty = new MemoryStream();

        await DeltaJson.WriteObservationsAsync(streamed, ToAsync(batch.Observations), batch.Plan);
        await DeltaJson.WriteObservationsAsync(empty, ToAsync([]), plan: null);

        Assert.Equal(DeltaJson.WriteObservations(batch), Encoding.UTF8.GetString(streamed.ToArray()));
        Assert.Equal(DeltaJson.WriteObservations(new ObservationBatch()), Encoding.UTF8.GetString(empty.ToArray()));
    }

    [Fact]
    public async Task Streaming_skips_unknown_members_and_accepts_any_member_order()
    {
        var json = "\uFEFF{\"observations\": [{\"indicator\": \"i\", \"period\": \"2024\", \"value\": 1, \"extra\": {\"a\": [1]}}], \"future\": [1, {\"b\": 2}], \"plan\": \"p\", \"formatVersion\": \"1.3\"}";

        var observations = await ToListAsync(DeltaJson.StreamObservationsAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 3)));

        var observation = Assert.Single(observations);
        Assert.Equal(1, observation.Value);
        Assert.True(observation.ExtensionData!.ContainsKey("extra"));
    }

    public static TheoryData<string, string, string> BadStreams => new()
    {
        { "{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\", \"period\": \"2024\", \"value\": 1}, {\"indicator\": \"i\", \"period\": \"2024-13\", \"value\": 2}]}", "$.observations[1].period", "not a valid reporting period" },
        { "{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\", \"period\": \"2024\", \"value\": 1}, 5]}", "$.observations[1]", "Found the number 5, expected an observation object" },
        { "{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\", \"period\": \"2024\"}]}", "$.observations[0].value", "has no \"value\"" },
        { "{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\", \"period\": \"2024\", \"value\": 1}", "$.observations[1]", "not well-formed JSON" },
        { "{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\" \"period\": \"2024\", \"value\": 1}]}", "$.observations[0]", "not well-formed JSON" },
        { "{\"observations\": []}", "$.formatVersion", "no \"formatVersion\"" },
        { "{\"formatVersion\": \"3.1\", \"observations\": []}", "$.formatVersion", "newer" },
        { "{\"formatVersion\": \"1.0\", \"formatVersion\": \"1.0\"}", "$.formatVersion", "appears twice" },
        { "{\"$schema\": \"https://deltasdk.dev/schema/v1/plan.schema.json\", \"formatVersion\": \"1.0\"}", "$.$schema", "plan document" },
        { "{\"formatVersion\": \"1.0\", \"plan\": \"Not A Slug\"}", "$.plan", "not a valid plan id" },
        { "[]", "$", "Found an array, expected an observation batch object" },
        { "{\"formatVersion\": \"1.0\"} x", "$", "not well-formed JSON" },
    };

    [Theory]
    [MemberData(nameof(BadStreams))]
    public async Task Streaming_reports_bad_input_with_the_path_the_whole_reader_uses(string json, string path, string messagePart)
    {
        var exception = await Assert.ThrowsAsync<DeltaFormatException>(() => ToListAsync(DeltaJson.StreamObservationsAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 5))));

        Assert.Equal(path, exception.Path);
        Assert.Contains(messagePart, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_positions_count_lines_across_chunks()
    {
        var json = "{\n\"formatVersion\": \"1.0\",\n\"observations\": [\n{\"indicator\": \"i\", \"period\": \"2024\", \"value\": 1},\n{\"indicator\": \"i\", \"period\": \"20x4\", \"value\": 1}]}";

        var exception = await Assert.ThrowsAsync<DeltaFormatException>(() => ToListAsync(DeltaJson.StreamObservationsAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 2))));

        Assert.Equal("$.observations[1].period", exception.Path);
        Assert.Equal(4, exception.LineNumber);
        Assert.Equal("{\"indicator\": \"i\", \"period\": ".Length, exception.BytePositionInLine);
    }

    [Fact]
    public async Task Strict_streaming_rejects_unknown_members()
    {
        var json = "{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\", \"period\": \"2024\", \"value\": 1, \"odd\": 1}]}";
        var top = "{\"formatVersion\": \"1.0\", \"odd\": 1}";

        var inItem = await Assert.ThrowsAsync<DeltaFormatException>(() => ToListAsync(DeltaJson.StreamObservationsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), DeltaJsonReaderOptions.StrictDefault)));
        var atTop = await Assert.ThrowsAsync<DeltaFormatException>(() => ToListAsync(DeltaJson.StreamObservationsAsync(new MemoryStream(Encoding.UTF8.GetBytes(top)), DeltaJsonReaderOptions.StrictDefault)));

        Assert.Equal("$.observations[0].odd", inItem.Path);
        Assert.Equal("$.odd", atTop.Path);
    }

    [Fact]
    public async Task Streaming_limits_each_observation_not_the_document()
    {
        var bytes = DeltaJson.WriteObservationsToUtf8Bytes(SyntheticModels.Batch(200));
        var options = DeltaJsonReaderOptions.Default with { MaxDocumentBytes = 2000 };
        var huge = "{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\", \"period\": \"2024\", \"value\": 1, \"notes\": \"" + new string('n', 300_000) + "\"}]}";

        var all = await ToListAsync(DeltaJson.StreamObservationsAsync(new MemoryStream(bytes), options));
        var exception = await Assert.ThrowsAsync<DeltaFormatException>(() => ToListAsync(DeltaJson.StreamObservationsAsync(new MemoryStream(Encoding.UTF8.GetBytes(huge)), options)));

        Assert.True(bytes.Length > options.MaxDocumentBytes);
        Assert.Equal(200, all.Count);
        Assert.Equal("$.observations[0]", exception.Path);
    }

    [Fact]
    public async Task Streaming_honours_cancellation()
    {
        var bytes = DeltaJson.WriteObservationsToUtf8Bytes(SyntheticModels.Batch(5000));
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in DeltaJson.StreamObservationsAsync(new ChunkedStream(bytes, 1024), cancellationToken: cancellation.Token))
            {
                if (++seen == 10)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.True(seen < 5000);
    }

    private static async Task<List<Observation>> ToListAsync(IAsyncEnumerable<Observation> source)
    {
        var list = new List<Observation>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private static async IAsyncEnumerable<Observation> ToAsync(IEnumerable<Observation> source)
    {
        foreach (var item in source)
        {
            await Task.Yield();
            yield return item;
        }
    }

    /// <summary>A stream that hands out at most a few bytes per read, to cut tokens at every possible place.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
        }
    }
}
