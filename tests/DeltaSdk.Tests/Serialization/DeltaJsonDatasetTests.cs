using System.Text;
using DeltaSdk.Data;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Serialization;

/// <summary>The embedded dataset is the largest real document of the format: it must read, and be written back unchanged.</summary>
public sealed class DeltaJsonDatasetTests
{
    public static TheoryData<string> Resources =>
    [
        YangtzeRiverDelta.PlanResourceName,
        YangtzeRiverDelta.RegionsResourceName,
        YangtzeRiverDelta.ObservationsResourceName,
    ];

    [Theory]
    [MemberData(nameof(Resources))]
    public void Embedded_resource_reads_strictly_and_is_byte_identical_to_the_canonical_writer(string resource)
    {
        var bytes = YangtzeRiverDelta.ReadResource(resource);

        // Strict: the dataset must use no member the model does not know.
        var (model, rewritten, again) = Cycle(resource, bytes);

        if (Environment.GetEnvironmentVariable("DELTASDK_UPDATE_DATA") == "1")
        {
            var file = resource["DeltaSdk.Data.Resources.".Length..];
            File.WriteAllBytes(Path.Combine(RepositoryPaths.Root, "src", "DeltaSdk", "Data", "Resources", file), rewritten);
        }

        ModelComparer.AssertEquivalent(model, again);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(rewritten));
    }

    [Fact]
    public async Task Embedded_observations_stream_as_they_read_whole()
    {
        var bytes = YangtzeRiverDelta.ReadResource(YangtzeRiverDelta.ObservationsResourceName);
        var streamed = new List<Observation>();
        await foreach (var observation in DeltaJson.StreamObservationsAsync(new MemoryStream(bytes)))
        {
            streamed.Add(observation);
        }

        ModelComparer.AssertEquivalent(DeltaJson.ReadObservations(bytes).Observations.ToList(), streamed);
    }

    private static (object Model, byte[] Rewritten, object Again) Cycle(string resource, byte[] bytes)
    {
        var strict = DeltaJsonReaderOptions.StrictDefault;
        switch (resource)
        {
            case YangtzeRiverDelta.PlanResourceName:
                var plan = DeltaJson.ReadPlan(bytes, strict);
                var planBytes = DeltaJson.WritePlanToUtf8Bytes(plan);
                return (plan, planBytes, DeltaJson.ReadPlan(planBytes, strict));
            case YangtzeRiverDelta.RegionsResourceName:
                var regions = DeltaJson.ReadRegions(bytes, strict);
                var regionBytes = DeltaJson.WriteRegionsToUtf8Bytes(regions);
                return (regions, regionBytes, DeltaJson.ReadRegions(regionBytes, strict));
            default:
                var batch = DeltaJson.ReadObservations(bytes, strict);
                var batchBytes = DeltaJson.WriteObservationsToUtf8Bytes(batch);
                return (batch, batchBytes, DeltaJson.ReadObservations(batchBytes, strict));
        }
    }
}
