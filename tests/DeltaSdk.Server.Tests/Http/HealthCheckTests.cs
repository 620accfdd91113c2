using System.Net;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace DeltaSdk.Server.Tests.Http;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_while_the_store_answers()
    {
        await using var server = await TestServer.StartAsync();
        using var live = await server.Http.GetAsync(DeltaPlanApiEndpointRouteBuilderExtensions.LivenessPath.TrimStart('/'));
        using var ready = await server.Http.GetAsync(DeltaPlanApiEndpointRouteBuilderExtensions.ReadinessPath.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_503_and_live_200_when_the_store_does_not_answer()
    {
        var store = new UnreachableStore(new InMemoryPlanStore(SyntheticPlanData.Seed()));
        await using var server = await TestServer.StartAsync(store);
        using var live = await server.Http.GetAsync(DeltaPlanApiEndpointRouteBuilderExtensions.LivenessPath.TrimStart('/'));
        using var ready = await server.Http.GetAsync(DeltaPlanApiEndpointRouteBuilderExtensions.ReadinessPath.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", body);
        Assert.Equal(1, store.Checks);
    }

    [Fact]
    public async Task The_sqlite_store_check_reads_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "deltasdk-tests", Guid.NewGuid().ToString("N"), "health.db");
        await using var store = new SqlitePlanStore(path, SyntheticPlanData.Seed());
        await store.InitializeAsync();
        await store.CheckHealthAsync();
        await store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        await Assert.ThrowsAnyAsync<Exception>(() => store.CheckHealthAsync());
    }

    private sealed class UnreachableStore(IPlanStore inner) : DelegatingPlanStore(inner)
    {
        public int Checks { get; private set; }

        public override Task CheckHealthAsync(CancellationToken cancellationToken = default)
        {
            Checks++;
            throw new InvalidOperationException("Synthetic: the database is unreachable.");
        }
    }
}
