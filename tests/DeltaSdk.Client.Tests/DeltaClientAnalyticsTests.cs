using System.Net;
using DeltaSdk.Analytics;
using DeltaSdk.Client.Tests.Infrastructure;
using DeltaSdk.Server.Storage;
using NodaTime;

namespace DeltaSdk.Client.Tests;

/// <summary>
/// The analytics endpoints end to end through the real client and the real server: per-region progress on a task
/// two provinces share, the roll-up per region and as of a date, and an indicator status with its parts.
/// </summary>
public sealed class DeltaClientAnalyticsTests : IAsyncLifetime
{
    private static readonly PlanId Plan = SyntheticData.PlanId;

    // Task 1 names province 1 in the synthetic plan; here it is shared with province 2.
    private static readonly TaskCode Shared = SyntheticData.TaskCode(1, 1);
    private static readonly RegionCode Jiangsu = SyntheticData.Provinces[1];
    private static readonly RegionCode Zhejiang = SyntheticData.Provinces[2];

    private TestServer _server = null!;
    private DeltaClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(new InMemoryPlanStore(SeedWithSharedTask()));
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Two_provinces_reporting_on_a_shared_task_keep_their_own_state()
    {
        await PostAsync(_client, Jiangsu, 40, new LocalDate(2025, 3, 31));
        await PostAsync(_client, Zhejiang, 80, new LocalDate(2025, 4, 30));

        var reports = await _client.ListProgressAsync(Plan, Shared).ToListAsync();
        var jiangsu = await _client.GetProgressRollupAsync(Plan, region: Jiangsu, asOf: new LocalDate(2025, 6, 30));
        var zhejiang = await _client.GetProgressRollupAsync(Plan, region: Zhejiang, asOf: new LocalDate(2025, 6, 30));

        // Both reports are stored with their region: the later Zhejiang report did not replace Jiangsu's.
        Assert.Equal([Jiangsu, Zhejiang], reports.Select(static r => r.Region).OfType<RegionCode>().Order().ToArray());
        Assert.Equal(Jiangsu, jiangsu.Region);
        Assert.Equal(40, Assert.Single(jiangsu.Tasks, static t => t.Task == Shared).PercentComplete);
        Assert.Equal(80, Assert.Single(zhejiang.Tasks, static t => t.Task == Shared).PercentComplete);
        Assert.Equal(2, Assert.Single((await _client.GetProgressRollupAsync(Plan, asOf: new LocalDate(2025, 6, 30))).Tasks, static t => t.Task == Shared).ReportingRegions);
    }

    [Fact]
    public async Task The_SQLite_store_keeps_each_report_s_region_across_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("deltasdk-analytics-");
        try
        {
            var database = Path.Combine(folder.FullName, "plan.db");
            await using (var first = await TestServer.StartAsync(new SqlitePlanStore(database, SeedWithSharedTask())))
            {
                var writer = first.CreateClient();
                await PostAsync(writer, Jiangsu, 40, new LocalDate(2025, 3, 31));
                await PostAsync(writer, Zhejiang, 80, new LocalDate(2025, 4, 30));
            }

            await using var second = await TestServer.StartAsync(new SqlitePlanStore(database, SeedWithSharedTask()));
            var reader = second.CreateClient();
            var jiangsu = await reader.GetProgressRollupAsync(Plan, region: Jiangsu, asOf: new LocalDate(2025, 6, 30));
            var zhejiang = await reader.GetProgressRollupAsync(Plan, region: Zhejiang, asOf: new LocalDate(2025, 6, 30));

            Assert.Equal(40, Assert.Single(jiangsu.Tasks, static t => t.Task == Shared).PercentComplete);
            Assert.Equal(80, Assert.Single(zhejiang.Tasks, static t => t.Task == Shared).PercentComplete);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_rollup_as_of_a_date_leaves_later_reports_out_and_aspect_limits_it()
    {
        await PostAsync(_client, Zhejiang, 80, new LocalDate(2025, 4, 30));
        var aspect = AspectId.Parse("synthetic-aspect-1");

        var before = await _client.GetProgressRollupAsync(Plan, region: Zhejiang, aspect: aspect, asOf: new LocalDate(2025, 4, 29));
        var after = await _client.GetProgressRollupAsync(Plan, region: Zhejiang, aspect: aspect, asOf: new LocalDate(2025, 4, 30));

        Assert.Equal(new LocalDate(2025, 4, 29), before.AsOf);
        Assert.Null(Assert.Single(before.Tasks, static t => t.Task == Shared).PercentComplete);
        Assert.Equal(80, Assert.Single(after.Tasks, static t => t.Task == Shared).PercentComplete);
        Assert.All(after.Tasks, t => Assert.Equal(aspect, t.Aspect));
    }

    [Fact]
    public async Task The_rollup_is_an_analysis_document_and_refuses_unknown_parameters_and_bad_dates()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        var document = await http.GetStringAsync(new Uri("v1/plans/synthetic-plan/rollup?asOf=2025-06-30", UriKind.Relative));
        var unknown = await http.GetAsync(new Uri("v1/plans/synthetic-plan/rollup?asof2=2025-06-30", UriKind.Relative));
        var badDate = await http.GetAsync(new Uri("v1/plans/synthetic-plan/rollup?asOf=2025-13-01", UriKind.Relative));
        var unknownRegion = await http.GetAsync(new Uri("v1/plans/synthetic-plan/rollup?region=999900", UriKind.Relative));

        var read = Serialization.AnalysisJson.Read(document);
        Assert.Equal(new LocalDate(2025, 6, 30), read.AsOf);
        Assert.Equal(Plan, read.Progress!.Plan);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownRegion.StatusCode);
    }

    [Fact]
    public async Task An_indicator_without_observations_has_status_not_available_with_its_reason()
    {
        var status = await _client.GetIndicatorStatusAsync(SyntheticData.IndicatorId, region: Jiangsu, asOf: new LocalDate(2025, 6, 30));

        Assert.Equal(SyntheticData.IndicatorId, status.Indicator);
        Assert.Equal(Jiangsu, status.Region);
        Assert.Equal(IndicatorProgressStatus.NotAvailable, status.Status);
        Assert.NotNull(status.NotAvailableReason);
        Assert.Equal(AnalyticsMethodology.OpenSdgProgressMeasure, status.Methodology);
    }

    [Fact]
    public async Task An_unknown_indicator_is_a_404()
    {
        var error = await Assert.ThrowsAsync<DeltaApiException>(() => _client.GetIndicatorStatusAsync(IndicatorId.Parse("no-such-indicator")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    private static PlanStoreSeed SeedWithSharedTask()
    {
        var seed = SyntheticData.Seed();
        var plan = seed.Plans[0];
        plan = plan with
        {
            Aspects = [.. plan.Aspects.Select(a => a with { Tasks = [.. a.Tasks.Select(t => t.Code == Shared ? t with { Regions = [Jiangsu, Zhejiang] } : t)] })],
        };
        return new PlanStoreSeed { Plans = [plan], Regions = seed.Regions };
    }

    private static async Task PostAsync(DeltaClient client, RegionCode region, double percent, LocalDate reportedOn)
    {
        var etag = (await client.GetTaskAsync(Plan, Shared)).ETag;
        await client.PostProgressAsync(Plan, Shared, SyntheticData.Report(Shared, percent: percent) with { Region = region, ReportedOn = reportedOn }, etag);
    }
}
