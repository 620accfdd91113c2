using System.Net;
using DeltaSdk.Api;
using DeltaSdk.Client.Tests.Infrastructure;

namespace DeltaSdk.Client.Tests;

/// <summary>Every read endpoint, through the real client against the real server over loopback.</summary>
public sealed class DeltaClientReadTests : IAsyncLifetime
{
    private static readonly PlanId Plan = SyntheticData.PlanId;
    private TestServer _server = null!;
    private DeltaClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ListPlans_returns_the_synthetic_plan_with_its_size()
    {
        var plans = await _client.ListPlansAsync().ToListAsync();

        var plan = Assert.Single(plans);
        Assert.Equal(Plan, plan.Id);
        Assert.Equal("Synthetic plan", plan.Title.EnglishText);
        Assert.Equal(new NodaTime.LocalDate(2024, 1, 1), plan.StartDate);
        Assert.Equal(new NodaTime.LocalDate(2026, 12, 31), plan.EndDate);
        Assert.Equal(SyntheticData.AspectCount * SyntheticData.TasksPerAspect, plan.CataloguedTaskCount);
    }

    [Fact]
    public async Task GetPlan_returns_the_whole_document()
    {
        var plan = await _client.GetPlanAsync(Plan);

        Assert.Equal(Plan, plan.Id);
        Assert.Equal(SyntheticData.AspectCount, plan.Aspects.Length);
        Assert.Equal(SyntheticData.AspectCount * SyntheticData.TasksPerAspect, plan.CataloguedTaskCount);
        Assert.Equal(SyntheticData.TaskCode(2, 7), plan.Aspects[1].Tasks[6].Code);
        Assert.Equal(SyntheticData.IndicatorId, Assert.Single(plan.Indicators).Id);
    }

    [Fact]
    public async Task GetPlan_of_an_unknown_plan_raises_not_found_with_problem_details()
    {
        var error = await Assert.ThrowsAsync<DeltaApiException>(() => _client.GetPlanAsync(PlanId.Parse("no-such-plan")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("not_found", error.ErrorCode);
        Assert.Equal(404, error.Problem!.Status);
        Assert.Contains("no-such-plan", error.Problem.Detail, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Contains(error.RequestId!, error.Message, StringComparison.Ordinal);
        Assert.Empty(error.Diagnostics);
    }

    [Fact]
    public async Task ListAspects_returns_the_aspects_in_order_with_their_task_counts()
    {
        var aspects = await _client.ListAspectsAsync(Plan).ToListAsync();

        Assert.Equal([1, 2, 3], aspects.Select(a => a.Ordinal));
        Assert.All(aspects, a => Assert.Equal(SyntheticData.TasksPerAspect, a.CataloguedTaskCount));
        Assert.Equal("Synthetic aspect 2", aspects[1].Name.EnglishText);
    }

    [Fact]
    public async Task ListTasks_follows_the_page_tokens_across_several_pages()
    {
        var tasks = await _client.ListTasksAsync(Plan).ToListAsync();

        var expected = Enumerable.Range(1, SyntheticData.AspectCount)
            .SelectMany(a => Enumerable.Range(1, SyntheticData.TasksPerAspect).Select(t => SyntheticData.TaskCode(a, t)));
        Assert.Equal(expected, tasks.Select(t => t.Task.Code));

        // 135 tasks at the server's default of 50 a page: three requests.
        Assert.Equal(3, _server.Faults.CountRequests($"/v1/plans/{Plan}/tasks", "GET"));
    }

    [Fact]
    public async Task GetTasksPage_gives_page_level_access_with_a_token_to_the_next_page()
    {
        var query = new TaskQuery { PageSize = 40 };
        var first = await _client.GetTasksPageAsync(Plan, query);
        var second = await _client.GetTasksPageAsync(Plan, query, first.NextPageToken);

        Assert.Equal(40, first.Items.Length);
        Assert.True(first.HasMore);
        Assert.Equal(40, second.Items.Length);
        Assert.Empty(first.Items.Select(t => t.Task.Code).Intersect(second.Items.Select(t => t.Task.Code)));
        Assert.Equal(SyntheticData.TaskCode(1, 41), second.Items[0].Task.Code);
    }

    [Fact]
    public async Task ListTasks_filters_by_region_aspect_and_keywords()
    {
        var region = SyntheticData.Provinces[2];

        var byRegion = await _client.ListTasksAsync(Plan, new TaskQuery { Region = region, PageSize = 7 }).ToListAsync();
        var byAspect = await _client.ListTasksAsync(Plan, new TaskQuery { Aspect = AspectId.Parse("synthetic-aspect-3") }).ToListAsync();
        var byKeyword = await _client.ListTasksAsync(Plan, new TaskQuery { Text = "even", Aspect = AspectId.Parse("synthetic-aspect-1") }).ToListAsync();

        Assert.Equal(SyntheticData.TasksNaming(region), byRegion.Select(t => t.Task.Code));
        Assert.True(_server.Faults.CountRequests($"/v1/plans/{Plan}/tasks", "GET") > 5, "a small page size should take several pages");
        Assert.Equal(SyntheticData.TasksPerAspect, byAspect.Count);
        Assert.All(byAspect, t => Assert.Equal("synthetic-aspect-3", t.Task.Aspect.ToString()));
        Assert.Equal(SyntheticData.TasksPerAspect / 2, byKeyword.Count);
        Assert.All(byKeyword, t => Assert.Contains("even", t.Task.Tags));
    }

    [Fact]
    public async Task Query_values_reach_the_server_in_their_canonical_form()
    {
        await _client.ListTasksAsync(Plan, new TaskQuery { Region = SyntheticData.Provinces[1], Status = ImplementationStatus.InProgress, Text = "a b" }).ToListAsync();
        await _client.ListRegionsAsync(new RegionQuery { Level = RegionLevel.City }).ToListAsync();
        await _client.ListObservationsAsync(SyntheticData.IndicatorId, new ObservationQuery { From = ReportingPeriod.ForQuarter(2024, 3), To = ReportingPeriod.ForHalf(2025, 1) }).ToListAsync();

        var queries = _server.Faults.Requests.Select(r => r.Query).ToList();
        Assert.Contains(queries, q => q.Contains("region=320000", StringComparison.Ordinal) && q.Contains("status=inProgress", StringComparison.Ordinal) && q.Contains("q=a%20b", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("level=city", StringComparison.Ordinal));
        Assert.Contains(queries, q => q.Contains("from=2024-Q3", StringComparison.Ordinal) && q.Contains("to=2025-H1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTask_returns_the_task_with_its_ETag()
    {
        var task = await _client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 5));

        Assert.Equal(SyntheticData.TaskCode(1, 5), task.Value.Task.Code);
        Assert.Equal("Synthetic task 1.5", task.Value.Task.Title.EnglishText);
        Assert.False(task.ETag.IsEmpty);
        Assert.StartsWith("\"", task.ETag.ToString("H").TrimStart('W', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTask_of_an_unknown_task_raises_not_found()
    {
        var error = await Assert.ThrowsAsync<DeltaApiException>(() => _client.GetTaskAsync(Plan, TaskCode.Parse("SYN-9-99")));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("not_found", error.ErrorCode);
    }

    [Fact]
    public async Task A_second_read_is_revalidated_and_answered_from_the_kept_body_on_304()
    {
        var logs = new CapturingLoggerProvider();
        var client = _server.CreateClient(logs: logs);
        var code = SyntheticData.TaskCode(2, 2);

        var first = await client.GetTaskAsync(Plan, code);
        var second = await client.GetTaskAsync(Plan, code);

        Assert.Equal(first.ETag, second.ETag);
        Assert.Equal(Json(first.Value.Task), Json(second.Value.Task));

        // HttpClient's own log of the wire: the first answer was a 200, the second a 304.
        var statuses = logs.Entries
            .Where(e => e.Category.EndsWith(".ClientHandler", StringComparison.Ordinal) && e.Message.StartsWith("Received HTTP response headers", StringComparison.Ordinal))
            .Select(e => e.Message[^3..])
            .ToList();
        Assert.Equal(["200", "304"], statuses);
    }

    [Fact]
    public async Task With_the_cache_off_every_read_is_a_full_200()
    {
        var logs = new CapturingLoggerProvider();
        var client = _server.CreateClient(o => o.ResponseCacheCapacity = 0, logs);

        await client.GetTaskAsync(Plan, SyntheticData.TaskCode(2, 2));
        await client.GetTaskAsync(Plan, SyntheticData.TaskCode(2, 2));

        var statuses = logs.Entries
            .Where(e => e.Category.EndsWith(".ClientHandler", StringComparison.Ordinal) && e.Message.StartsWith("Received HTTP response headers", StringComparison.Ordinal))
            .Select(e => e.Message[^3..]);
        Assert.Equal(["200", "200"], statuses);
    }

    [Fact]
    public async Task ListRegions_filters_by_level_and_parent_across_pages()
    {
        var all = await _client.ListRegionsAsync().ToListAsync();
        var cities = await _client.ListRegionsAsync(new RegionQuery { Level = RegionLevel.City }).ToListAsync();
        var children = await _client.ListRegionsAsync(new RegionQuery { Parent = SyntheticData.Provinces[1], PageSize = 2 }).ToListAsync();

        Assert.Equal(SyntheticData.RegionCount, all.Count);
        Assert.Equal(15, cities.Count);
        Assert.All(cities, r => Assert.Equal(RegionLevel.City, r.Level));
        Assert.Equal(5, children.Count);
        Assert.All(children, r => Assert.Equal(SyntheticData.Provinces[1], r.Parent));
    }

    [Fact]
    public async Task ListRegionGroups_returns_the_groups_with_their_members()
    {
        var group = Assert.Single(await _client.ListRegionGroupsAsync().ToListAsync());

        Assert.Equal(SyntheticData.RegionGroupId, group.Id);
        Assert.Equal(RegionGroupKind.CooperationZone, group.Kind);
        Assert.Equal([SyntheticData.Provinces[1], SyntheticData.Provinces[2]], group.Members.ToArray());
    }

    [Fact]
    public async Task ListIndicators_returns_the_plan_indicators()
    {
        var indicator = Assert.Single(await _client.ListIndicatorsAsync().ToListAsync());

        Assert.Equal(SyntheticData.IndicatorId, indicator.Id);
        Assert.Equal("km", indicator.Unit);
    }

    [Fact]
    public async Task GetPlanSummary_rolls_up_the_catalogue()
    {
        var summary = await _client.GetPlanSummaryAsync(Plan);

        Assert.Equal(Plan, summary.Plan);
        Assert.Equal(135, summary.CataloguedTaskCount);
        Assert.Equal(0, summary.ReportedTaskCount);
        Assert.Equal(135, summary.TasksByStatus.Unreported);
        Assert.Equal(SyntheticData.AspectCount, summary.Aspects.Count(a => a.Aspect is not null));
    }

    [Fact]
    public async Task Every_call_carries_its_own_span()
    {
        var activities = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == DeltaClient.ActivitySourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        // Other tests run in parallel: keep only the spans under this test's own root.
        using var root = new System.Diagnostics.Activity("test-root").Start();
        await _client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 1));
        await Assert.ThrowsAsync<DeltaApiException>(() => _client.GetTaskAsync(Plan, TaskCode.Parse("SYN-9-99")));

        lock (activities)
        {
            var mine = activities.Where(a => a.Parent == root).ToList();
            Assert.All(mine, a => Assert.Equal("DeltaClient.GetTask", a.OperationName));
            Assert.Equal(2, mine.Count);
            Assert.Equal(200, mine[0].GetTagItem("http.response.status_code"));
            Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, mine[1].Status);
            Assert.Equal("not_found", mine[1].GetTagItem("error.type"));
        }
    }

    private static string Json(KeyTask task) => System.Text.Json.JsonSerializer.Serialize(task, DeltaSdk.Serialization.DeltaJson.Options);
}
