using System.Text;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;
using Xunit.Abstractions;

namespace DeltaSdk.Tests.Serialization;

public sealed class ProbeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Probe()
    {
        var plan = DeltaJson.WritePlan(SyntheticModels.Plan());
        var batch = DeltaJson.WriteObservations(SyntheticModels.Batch(3));
        var cases = new (string Name, string Json)[]
        {
            ("lone surrogate name", plan.Replace("\"notes\"", "\"\\ud800\"")),
            ("lone surrogate unknown value", plan.Replace("\"formatVersion\": \"1.0\",", "\"formatVersion\": \"1.0\", \"x\": \"\\ud800\",")),
            ("null aspect", plan.Replace("\"aspects\": [", "\"aspects\": [null,")),
            ("null tag", plan.Replace("\"tags\": [", "\"tags\": [null,")),
            ("null aspects", plan.Replace("\"aspects\": [", "\"aspects\": null, \"x1\": [")),
            ("formatVersion null", plan.Replace("\"formatVersion\": \"1.0\"", "\"formatVersion\": null")),
            ("date NUL", plan.Replace("\"2024-01-01\"", "\"2024-01-01\\u0000\"")),
            ("version NUL", plan.Replace("\"formatVersion\": \"1.0\"", "\"formatVersion\": \"1.0\\u0000\"")),
            ("extensionData", plan.Replace("\"formatVersion\": \"1.0\",", "\"formatVersion\": \"1.0\", \"extensionData\": 1,")),
            ("empty", ""),
            ("spaces", "   "),
            ("array", "[]"),
            ("batch null obs", batch.Replace("\"observations\": [", "\"observations\": [null,")),
            ("batch obs null", batch.Replace("\"observations\": [", "\"observations\": null, \"x\": [")),
            ("batch lone name", batch.Replace("\"plan\"", "\"\\udc00\"")),
            ("batch truncated", batch[..(batch.Length / 2)]),
        };
        foreach (var (name, json) in cases)
        {
            output.WriteLine($"== {name}");
            foreach (var strict in new[] { false, true })
            {
                try
                {
                    var p = name.StartsWith("batch") ? (object)DeltaJson.ReadObservations(json, strict ? DeltaJsonReaderOptions.StrictDefault : null) : DeltaJson.ReadPlan(json, strict ? DeltaJsonReaderOptions.StrictDefault : null);
                    output.WriteLine($"  read strict={strict}: ok");
                    if (p is Plan pp) { DeltaJson.WritePlan(pp); output.WriteLine("  write ok"); }
                }
                catch (Exception e)
                {
                    output.WriteLine($"  read strict={strict}: {e.GetType().Name} {(e as DeltaFormatException)?.Path} {e.Message}");
                }
            }

            try
            {
                var r = new DeltaValidator().ValidateJson(json);
                output.WriteLine($"  validate: {string.Join(" | ", r.Diagnostics.Select(d => d.Path + " " + d.Message))}");
            }
            catch (Exception e) { output.WriteLine($"  validate: {e.GetType().Name} {e.Message}"); }

            try
            {
                var n = 0;
                await foreach (var o in DeltaJson.StreamObservationsAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)))) { n++; }
                output.WriteLine($"  stream ok {n}");
            }
            catch (Exception e) { output.WriteLine($"  stream: {e.GetType().Name} {(e as DeltaFormatException)?.Path} {e.Message}"); }
        }
    }
}
