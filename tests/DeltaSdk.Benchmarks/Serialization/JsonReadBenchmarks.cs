using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DeltaSdk.Serialization;

namespace DeltaSdk.Benchmarks.Serialization;

/// <summary>
/// Reading whole documents: DeltaJson against the floor (a raw Utf8JsonReader pass over the same bytes) and against
/// reflection-based System.Text.Json with the same converters. Newtonsoft.Json appears as a raw token pass only: it
/// has no NodaTime or model converters here, so a model-level comparison would not be fair.
/// </summary>
/// <remarks>No job attribute: the job comes from the command line (docs/benchmarks.md uses <c>--job short</c>).</remarks>
[MemoryDiagnoser]
public class JsonReadBenchmarks
{
    private byte[] _bytes = [];

    [Params("embedded-plan", "embedded-regions", "plan-100k-tasks", "observations-1m")]
    public string Document { get; set; } = "embedded-plan";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Document switch
        {
            "embedded-plan" => SyntheticJsonDocuments.EmbeddedPlan(),
            "embedded-regions" => DeltaJson.WriteRegionsToUtf8Bytes(DeltaSdk.Data.YangtzeRiverDelta.Regions),
            "plan-100k-tasks" => DeltaJson.WritePlanToUtf8Bytes(SyntheticJsonDocuments.SyntheticPlan(100_000)),
            _ => DeltaJson.WriteObservationsToUtf8Bytes(SyntheticJsonDocuments.SyntheticBatch(1_000_000)),
        };
        Console.WriteLine($"// {Document}: {_bytes.Length} bytes");
    }

    [Benchmark(Baseline = true, Description = "Utf8JsonReader pass (floor)")]
    public int RawReader()
    {
        var reader = new Utf8JsonReader(_bytes);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "Newtonsoft JsonTextReader pass")]
    public int NewtonsoftReader()
    {
        using var text = new StreamReader(new MemoryStream(_bytes));
        using var reader = new Newtonsoft.Json.JsonTextReader(text) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "DeltaJson (fast readers + contract)")]
    public object DeltaJsonRead() => Read(Unlimited);

    [Benchmark(Description = "DeltaJson strict (fast readers + contract)")]
    public object DeltaJsonStrictRead() => Read(UnlimitedStrict);

    /// <summary>The generated contract alone: DeltaJson's read path without the hand-written readers, and what HTTP clients and servers use through <see cref="DeltaJson.Options"/>.</summary>
    [Benchmark(Description = "DeltaJson.Options (generated contract alone)")]
    public object? ContractRead() => Document switch
    {
        "observations-1m" => JsonSerializer.Deserialize<ObservationBatch>(_bytes, DeltaJson.Options),
        "embedded-regions" => JsonSerializer.Deserialize<RegionTable>(_bytes, DeltaJson.Options),
        _ => JsonSerializer.Deserialize<Plan>(_bytes, DeltaJson.Options),
    };

    [Benchmark(Description = "STJ reflection, same converters")]
    public object? ReflectionRead() => Document switch
    {
        "observations-1m" => JsonSerializer.Deserialize<ObservationBatch>(_bytes, SyntheticJsonDocuments.Reflection),
        "embedded-regions" => JsonSerializer.Deserialize<RegionTable>(_bytes, SyntheticJsonDocuments.Reflection),
        _ => JsonSerializer.Deserialize<Plan>(_bytes, SyntheticJsonDocuments.Reflection),
    };

    private static DeltaJsonReaderOptions Unlimited { get; } = DeltaJsonReaderOptions.Default with { MaxDocumentBytes = long.MaxValue };

    private static DeltaJsonReaderOptions UnlimitedStrict { get; } = Unlimited with { Strict = true };

    private object Read(DeltaJsonReaderOptions options) => Document switch
    {
        "observations-1m" => DeltaJson.ReadObservations(_bytes, options),
        "embedded-regions" => DeltaJson.ReadRegions(_bytes, options),
        _ => DeltaJson.ReadPlan(_bytes, options),
    };
}
