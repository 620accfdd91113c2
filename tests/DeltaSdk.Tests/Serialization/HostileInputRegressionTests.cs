using System.Text;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;

namespace DeltaSdk.Tests.Serialization;

/// <summary>One test per class of defect the hostile corpus of issue 10 found, each on synthetic documents.</summary>
public sealed class HostileInputRegressionTests
{
    private static readonly string Plan = DeltaJson.WritePlan(SyntheticModels.Plan());
    private static readonly string Batch = DeltaJson.WriteObservations(SyntheticModels.Batch(3));

    public static TheoryData<string, string> RefusedPlans => new()
    {
        { Plan.Replace("\"notes\"", "\"\\ud800\"", StringComparison.Ordinal), "*" },
        { Plan.Replace("\"formatVersion\": \"1.0\",", "\"formatVersion\": \"1.0\", \"x\": \"\\ud800\",", StringComparison.Ordinal), "$.x" },
        { Plan.Replace("\"aspects\": [", "\"aspects\": [null,", StringComparison.Ordinal), "$.aspects[0]" },
        { Plan.Replace("\"tags\": [", "\"tags\": [null,", StringComparison.Ordinal), "$.aspects[0].tasks[0].tags[0]" },
        { Plan.Replace("\"aspects\": [", "\"aspects\": null, \"x\": [", StringComparison.Ordinal), "$.aspects" },
        { Plan.Replace("\"formatVersion\": \"1.0\"", "\"formatVersion\": null", StringComparison.Ordinal), "$.formatVersion" },
        { Plan.Replace("\"formatVersion\": \"1.0\"", "\"formatVersion\": \"1.0\\u0000\"", StringComparison.Ordinal), "$.formatVersion" },
        { Plan.Replace("\"2024-01-01\"", "\"2024-01-01\\u0000\"", StringComparison.Ordinal), "$.startDate" },
        { string.Empty, "$" },
        { " \n ", "$" },
    };

    [Theory]
    [MemberData(nameof(RefusedPlans))]
    public void Every_entry_point_refuses_with_the_same_path(string json, string path)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        foreach (var options in new[] { DeltaJsonReaderOptions.Default, DeltaJsonReaderOptions.StrictDefault })
        {
            var fromText = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(json, options));
            var fromBytes = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(bytes, options));
            // "*": the path is the hostile name itself; it must still be the same one everywhere.
            path = path == "*" ? fromBytes.Path! : path;
            Assert.Equal(path, fromText.Path);
            Assert.Equal(path, fromBytes.Path);
        }

        var report = new DeltaValidator().ValidateJson(bytes);
        Assert.False(report.IsValid);
        Assert.Contains(report.Diagnostics, d => d.Path == path);
    }

    [Fact]
    public void Invalid_UTF8_in_a_member_name_is_refused_not_replaced()
    {
        var bytes = Encoding.UTF8.GetBytes(Plan.Replace("\"notes\"", "\"no#tes\"", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xFF;
        var error = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(bytes));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        Assert.False(new DeltaValidator().ValidateJson(bytes).IsValid);
    }

    [Fact]
    public void The_empty_document_is_called_empty_by_every_entry_point()
    {
        Assert.Contains("The document is empty", Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(string.Empty)).Message, StringComparison.Ordinal);
        Assert.Contains(new DeltaValidator().ValidateJson(string.Empty).Diagnostics, d => d.Message.Contains("The document is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_member_named_extensionData_round_trips_as_an_unknown_member()
    {
        var json = Plan.Replace("\"formatVersion\": \"1.0\",", "\"formatVersion\": \"1.0\",\n  \"extensionData\": 1,", StringComparison.Ordinal);
        var plan = DeltaJson.ReadPlan(json);
        Assert.NotNull(plan.ExtensionData);
        Assert.True(plan.ExtensionData.ContainsKey("extensionData"));
        Assert.Contains("\"extensionData\": 1", DeltaJson.WritePlan(plan), StringComparison.Ordinal);
        Assert.Equal("$.extensionData", Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(json, DeltaJsonReaderOptions.StrictDefault)).Path);
    }

    [Fact]
    public void Hour_24_is_refused_in_an_instant()
    {
        var report = SyntheticModels.Report() with { RecordedAt = NodaTime.Instant.FromUtc(2024, 1, 1, 0, 0) };
        var json = DeltaJson.WriteProgressReport(report).Replace("2024-01-01T00:00:00Z", "2023-12-31T24:00:00Z", StringComparison.Ordinal);
        Assert.Contains("24:00:00", json, StringComparison.Ordinal);
        Assert.Equal("$.recordedAt", Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadProgressReport(json)).Path);
    }

    [Fact]
    public async Task The_stream_reader_refuses_null_lists_and_items_and_lone_surrogate_names()
    {
        foreach (var (json, path) in new[]
        {
            (Batch.Replace("\"observations\": [", "\"observations\": null, \"x\": [", StringComparison.Ordinal), "$.observations"),
            (Batch.Replace("\"observations\": [", "\"observations\": [null,", StringComparison.Ordinal), "$.observations[0]"),
            (Batch.Replace("\"plan\"", "\"\\udc00\"", StringComparison.Ordinal), "$['\\udc00']"),
            (Batch.Replace("\"plan\"", "\"x\": \"\\u0000\", \"plan\"", StringComparison.Ordinal), "$.x"),
        })
        {
            Assert.Equal(path, Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadObservations(json)).Path);
            var error = await Assert.ThrowsAsync<DeltaFormatException>(async () =>
            {
                await foreach (var _ in DeltaJson.StreamObservationsAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 16 * 1024)))
                {
                }
            });
            Assert.Equal(path, error.Path);
        }
    }

    [Fact]
    public async Task The_stream_reader_reads_leading_whitespace_and_a_large_observation_in_small_reads()
    {
        // 4 MiB of whitespace and an observation with a 2 MiB note, delivered 16 KiB at a time: linear work makes
        // this a fraction of a second; the old re-scan from the start of the window took minutes.
        var observation = SyntheticModels.Observation(1) with { Notes = new string('x', 2 * 1024 * 1024) };
        var json = new string(' ', 4 * 1024 * 1024) + DeltaJson.WriteObservations(new ObservationBatch { Observations = [observation] });
        var read = new List<Observation>();
        await foreach (var item in DeltaJson.StreamObservationsAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), 16 * 1024)))
        {
            read.Add(item);
        }

        Assert.Equal(observation, Assert.Single(read));
    }

    [Fact]
    public void A_text_with_many_language_tags_reads_and_refuses_a_late_duplicate()
    {
        var tags = Enumerable.Range(0, 20_000).Select(static i => $"\"x-{i:x}\": \"t\"").ToList();
        var text = DeltaJson.Options.GetTypeInfo(typeof(LocalizedText));
        var ok = (LocalizedText)System.Text.Json.JsonSerializer.Deserialize("{" + string.Join(",", tags) + "}", text)!;
        Assert.Equal(20_000, ok.Count);
        tags.Add("\"X-0\": \"again\"");
        Assert.Throws<ArgumentException>(() => new LocalizedText(tags.Select(static t => new KeyValuePair<string, string>(t.Split('"')[1], "t"))));
    }

    [Fact]
    public void What_the_writer_writes_from_a_document_read_at_the_limit_is_read_again()
    {
        var compact = System.Text.Json.Nodes.JsonNode.Parse(Plan)!.ToJsonString();
        var options = DeltaJsonReaderOptions.Default with { MaxDocumentBytes = Encoding.UTF8.GetByteCount(compact) };
        var plan = DeltaJson.ReadPlan(compact, options);
        var written = DeltaJson.WritePlanToUtf8Bytes(plan);
        Assert.True(written.Length > options.MaxDocumentBytes);
        Assert.Equal(written, DeltaJson.WritePlanToUtf8Bytes(DeltaJson.ReadPlan(written, options)));
    }
}
