using DeltaSdk.Api;
using DeltaSdk.Client.Tests.Infrastructure;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Client.Tests;

/// <summary>A server restarted on the same SQLite file still has what the client wrote.</summary>
public sealed class DeltaClientPersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("deltasdk-client-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Progress_and_observations_survive_a_restart_on_the_same_file()
    {
        var database = Path.Combine(_directory, "plan.db");
        var code = SyntheticData.TaskCode(2, 9);
        Versioned<ProgressReport> stored;
        ETag observationETag;
        await using (var first = await StartAsync(database))
        {
            var client = first.CreateClient();
            var etag = (await client.GetTaskAsync(SyntheticData.PlanId, code)).ETag;
            stored = await client.PostProgressAsync(SyntheticData.PlanId, code, SyntheticData.Report(code), etag);
            var observation = new Observation { Indicator = SyntheticData.IndicatorId, Region = SyntheticData.Provinces[0], Period = ReportingPeriod.ForYear(2024), Value = 42 };
            var written = await client.PostObservationsAsync(SyntheticData.IndicatorId, new ObservationBatch { Observations = [observation] }, (await client.GetIndicatorAsync(SyntheticData.IndicatorId)).ETag);
            observationETag = (await client.PostObservationsAsync(SyntheticData.IndicatorId, new ObservationBatch { Observations = [observation with { Value = 43 }] }, written.ETag)).ETag;
        }

        await using var second = await StartAsync(database);
        var restarted = second.CreateClient();

        var report = Assert.Single(await restarted.ListProgressAsync(SyntheticData.PlanId, code).ToListAsync());
        Assert.Equal(stored.Value.RecordedAt, report.RecordedAt);
        Assert.Equal(stored.ETag, (await restarted.GetTaskAsync(SyntheticData.PlanId, code)).ETag);
        Assert.Equal(43, Assert.Single(await restarted.ListObservationsAsync(SyntheticData.IndicatorId).ToListAsync()).Value);

        // The whole history survives: both revisions, and the indicator's version for the next write.
        var revisions = await restarted.ListObservationRevisionsAsync(SyntheticData.IndicatorId, ReportingPeriod.ForYear(2024), SyntheticData.Provinces[0]).ToListAsync();
        Assert.Equal([(42d, 1), (43d, 2)], revisions.Select(static r => (r.Value, r.Revision!.Value)));
        Assert.Equal(observationETag, (await restarted.GetIndicatorAsync(SyntheticData.IndicatorId)).ETag);
    }

    private static async Task<TestServer> StartAsync(string database) => await TestServer.StartAsync(new SqlitePlanStore(database, SyntheticData.Seed()));
}
