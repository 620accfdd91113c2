using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DeltaSdk.Serialization;

namespace DeltaSdk.Benchmarks.Serialization;

/// <summary>Writing whole documents to a reused buffer: DeltaJson against reflection-based System.Text.Json with the same converters.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class JsonWriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private object _model = new();

    [Params("embedded-plan", "plan-100k-tasks", "observations-1m")]
    public string Document { get; set; } = "embedded-plan";

    [GlobalSetup]
    public void Setup() => _model = Document switch
    {
        "embedded-plan" => DeltaJson.ReadPlan(SyntheticJsonDocuments.EmbeddedPlan()),
        "plan-100k-tasks" => SyntheticJsonDocuments.SyntheticPlan(100_000),
        _ => SyntheticJsonDocuments.SyntheticBatch(1_000_000),
    };

    [Benchmark(Baseline = true, Description = "STJ reflection, same converters")]
    public int ReflectionWrite()
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = SyntheticJsonDocuments.Reflection.Encoder });
        JsonSerializer.Serialize(writer, _model, _model.GetType(), SyntheticJsonDocuments.Reflection);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "DeltaJson (source-generated)")]
    public int DeltaJsonWrite()
    {
        _buffer.ResetWrittenCount();
        if (_model is Plan plan)
        {
            DeltaJson.WritePlan(_buffer, plan);
        }
        else
        {
            DeltaJson.WriteObservations(_buffer, (ObservationBatch)_model);
        }

        return _buffer.WrittenCount;
    }
}
