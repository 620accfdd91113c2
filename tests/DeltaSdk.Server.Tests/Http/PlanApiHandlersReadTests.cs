using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DeltaSdk.Api;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Tests.Support;

namespace DeltaSdk.Server.Tests.Http;

public sealed class PlanApiHandlersReadTests : IAsyncLifetime
{
    private static readonly Plan Plan = SyntheticPlanData.Plan(120);
    private TestServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Plans_lists_summaries_with_declared_and_catalogued_counts()
    {
        var page = await GetJsonAsync("v1/plans");
        var plan = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextPageToken").ValueKind);
        Assert.Equal("synthetic-plan", plan.GetProperty("id").GetString());
        Assert.Equal("2024-01-01", plan.GetProperty("startDate").GetString());
        Assert.Equal(Plan.DeclaredTaskCount, plan.GetProperty("declaredTaskCount").GetInt32());
        Assert.Equal(Plan.CataloguedTaskCount, plan.GetProperty("cataloguedTaskCount").GetInt32());
        Assert.Equal("Synthetic plan", plan.GetProperty("title").GetProperty("en").GetString());
        Assert.False(plan.TryGetProperty("aspects", out _));
    }

    [Fact]
    public async Task Plan_document_is_the_canonical_format_that_DeltaJson_reads_back()
    {
        using var response = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var plan = DeltaJson.ReadPlan(await response.Content.ReadAsStringAsync());
        Assert.Equal(Plan.Id, plan.Id);
        Assert.Equal(Plan.AllTasks.Select(static t => t.Code), plan.AllTasks.Select(static t => t.Code));
    }

    [Fact]
    public async Task Aspects_have_counts_but_no_tasks()
    {
        var page = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/aspects");
        var aspects = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Plan.Aspects.Select(static a => a.Id.ToString()), aspects.Select(static a => a.GetProperty("id").GetString()));
        Assert.Equal(Plan.Aspects.Select(static a => a.Tasks.Length), aspects.Select(static a => a.GetProperty("cataloguedTaskCount").GetInt32()));
        Assert.All(aspects, static a => Assert.False(a.TryGetProperty("tasks", out _)));
        Assert.False(aspects[2].TryGetProperty("declaredTaskCount", out _));
    }

    [Fact]
    public async Task Task_pages_follow_each_other_to_the_whole_list_in_plan_order()
    {
        var codes = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=17" + (token is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(token)));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 17);
            codes.AddRange(items.Select(static t => t.GetProperty("task").GetProperty("code").GetString()!));
            token = page.GetProperty("nextPageToken").GetString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(Plan.AllTasks.Select(static t => t.Code.ToString()), codes);
        Assert.Equal((Plan.CataloguedTaskCount + 16) / 17, pages);
    }

    [Fact]
    public async Task Task_page_size_defaults_to_50_and_may_not_exceed_200()
    {
        var page = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks");
        Assert.Equal(50, page.GetProperty("items").GetArrayLength());

        using var tooLarge = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=201");
        var problem = await TestServer.ProblemAsync(tooLarge, 400, "bad_request");
        Assert.Contains("pageSize", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var zero = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=0");
        await TestServer.ProblemAsync(zero, 400, "bad_request");

        using var notNumber = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=many");
        var bind = await TestServer.ProblemAsync(notNumber, 400, "bad_request");
        Assert.Contains("pageSize", bind.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_token_is_refused_with_other_filters_or_when_tampered_with()
    {
        var first = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=5&aspect=a1");
        var token = first.GetProperty("nextPageToken").GetString()!;

        using var otherFilter = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=5&aspect=a2&pageToken={token}");
        await TestServer.ProblemAsync(otherFilter, 400, "bad_request");

        using var garbage = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=5&aspect=a1&pageToken=not-a-token");
        await TestServer.ProblemAsync(garbage, 400, "bad_request");

        using var sameFilterOtherSize = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=7&aspect=a1&pageToken={token}");
        Assert.Equal(HttpStatusCode.OK, sameFilterOtherSize.StatusCode);
    }

    [Fact]
    public async Task Aspect_filter_keeps_the_aspects_tasks()
    {
        var codes = await AllTaskCodesAsync("aspect=a2");
        Assert.Equal(Plan.Aspects[1].Tasks.Select(static t => t.Code.ToString()), codes);
    }

    [Fact]
    public async Task Region_filter_keeps_tasks_of_the_region_its_ancestors_its_descendants_and_groups_holding_them()
    {
        var codes = await AllTaskCodesAsync($"region={SyntheticPlanData.Wujiang}");
        var expected = Plan.AllTasks
            .Where(static t => t.Regions.Contains(SyntheticPlanData.Wujiang) || t.Regions.Contains(SyntheticPlanData.Suzhou) || t.Regions.Contains(SyntheticPlanData.Jiangsu)
                || t.RegionGroups.Contains(SyntheticPlanData.DemoZone) || t.RegionGroups.Contains(SyntheticPlanData.Whole))
            .Select(static t => t.Code.ToString())
            .ToList();
        Assert.Equal(expected, codes);
        Assert.DoesNotContain(Plan.AllTasks.First(static t => t.Regions.Contains(SyntheticPlanData.Zhejiang) && t.RegionGroups.IsEmpty).Code.ToString(), codes);

        // A parent takes in its children's tasks (a province finds its cities'), but not another province's.
        var jiangsu = await AllTaskCodesAsync($"region={SyntheticPlanData.Jiangsu}");
        Assert.Contains(Plan.AllTasks.First(static t => t.Regions.Contains(SyntheticPlanData.Suzhou) && t.RegionGroups.IsEmpty).Code.ToString(), jiangsu);
        Assert.Contains(Plan.AllTasks.First(static t => t.Regions.Contains(SyntheticPlanData.Wujiang) && t.RegionGroups.IsEmpty).Code.ToString(), jiangsu);
        Assert.DoesNotContain(Plan.AllTasks.First(static t => t.Regions.Contains(SyntheticPlanData.Zhejiang) && t.RegionGroups.IsEmpty).Code.ToString(), jiangsu);
    }

    [Fact]
    public async Task Keyword_search_matches_either_language_case_insensitively()
    {
        var english = await AllTaskCodesAsync("q=RAIL");
        var chinese = await AllTaskCodesAsync("q=" + Uri.EscapeDataString("铁路"));
        var expected = Plan.AllTasks.Where(static t => t.Title.EnglishText!.Contains("rail", StringComparison.Ordinal)).Select(static t => t.Code.ToString()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, english);
        Assert.Equal(expected, chinese);

        var both = await AllTaskCodesAsync("q=" + Uri.EscapeDataString("rail even"));
        Assert.Equal(expected, both);
        Assert.Empty(await AllTaskCodesAsync("q=" + Uri.EscapeDataString("rail odd")));
    }

    [Fact]
    public async Task Bad_filter_values_are_400_naming_the_parameter()
    {
        foreach (var (query, parameter) in new[] { ("status=finished", "status"), ("region=12", "region"), ("aspect=A%20B", "aspect") })
        {
            using var response = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?{query}");
            var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
            Assert.StartsWith(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_plan_and_task_are_404_problems()
    {
        using var plan = await Http.GetAsync("v1/plans/no-such-plan/tasks");
        await TestServer.ProblemAsync(plan, 404, "not_found");
        using var task = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/NO-SUCH");
        await TestServer.ProblemAsync(task, 404, "not_found");
        using var route = await Http.GetAsync("v1/nothing-here");
        await TestServer.ProblemAsync(route, 404, "not_found");
    }

    [Fact]
    public async Task Task_has_a_version_etag_and_answers_304_to_it()
    {
        var code = SyntheticPlanData.Code(1);
        using var first = await Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{code}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var task = JsonSerializer.Deserialize<TrackedTask>(await first.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.Equal(code, task.Task.Code);
        Assert.Equal(etag.Tag.ToString(), $"\"v{task.Version}\"");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{code}");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("v1/plans")]
    [InlineData("v1/plans/synthetic-plan")]
    [InlineData("v1/plans/synthetic-plan/aspects")]
    [InlineData("v1/plans/synthetic-plan/summary")]
    [InlineData("v1/plans/synthetic-plan/tasks?aspect=a1")]
    [InlineData("v1/plans/synthetic-plan/tasks/SYN-001/progress")]
    [InlineData("v1/regions")]
    [InlineData("v1/region-groups")]
    [InlineData("v1/indicators")]
    [InlineData("v1/indicators/synthetic-indicator/observations")]
    public async Task Every_read_has_an_etag_that_If_None_Match_turns_into_304(string path)
    {
        using var first = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var third = await Http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Regions_filter_by_level_and_parent_and_page()
    {
        var provinces = await GetJsonAsync("v1/regions?level=province");
        Assert.Equal(["320000", "330000"], provinces.GetProperty("items").EnumerateArray().Select(static r => r.GetProperty("code").GetString()));

        var children = await GetJsonAsync($"v1/regions?parent={SyntheticPlanData.Suzhou}");
        Assert.Equal("320509", Assert.Single(children.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());

        var codes = new List<string>();
        string? token = null;
        do
        {
            var page = await GetJsonAsync("v1/regions?pageSize=4" + (token is null ? string.Empty : "&pageToken=" + token));
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(static r => r.GetProperty("code").GetString()!));
            token = page.GetProperty("nextPageToken").GetString();
        }
        while (token is not null);

        Assert.Equal(SyntheticPlanData.Regions().Regions.Select(static r => r.Code.ToString()), codes);
    }

    [Fact]
    public async Task Region_groups_and_indicators_are_listed()
    {
        var groups = await GetJsonAsync("v1/region-groups");
        Assert.Equal(["synthetic-demo-zone", "synthetic-whole-region"], groups.GetProperty("items").EnumerateArray().Select(static g => g.GetProperty("id").GetString()));
        Assert.Equal("demonstrationZone", groups.GetProperty("items")[0].GetProperty("kind").GetString());

        var indicators = await GetJsonAsync("v1/indicators");
        var indicator = Assert.Single(indicators.GetProperty("items").EnumerateArray());
        Assert.Equal("synthetic-indicator", indicator.GetProperty("id").GetString());
        Assert.Equal("km", indicator.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Observations_filter_by_region_and_period_bounds()
    {
        var all = await GetJsonAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations");
        Assert.Equal(4, all.GetProperty("items").GetArrayLength());

        var shanghai2024 = await GetJsonAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations?region=310000&from=2024&to=2024");
        var only = Assert.Single(shanghai2024.GetProperty("items").EnumerateArray());
        Assert.Equal("2024", only.GetProperty("period").GetString());
        Assert.Equal(12, only.GetProperty("value").GetDouble());

        var quarter = await GetJsonAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations?from=2024-H2");
        Assert.Equal("2024-Q3", Assert.Single(quarter.GetProperty("items").EnumerateArray()).GetProperty("period").GetString());

        using var reversed = await Http.GetAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations?from=2025&to=2024");
        await TestServer.ProblemAsync(reversed, 400, "bad_request");
        using var badPeriod = await Http.GetAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations?from=2024-13");
        await TestServer.ProblemAsync(badPeriod, 400, "bad_request");
        using var unknown = await Http.GetAsync("v1/indicators/no-such-indicator/observations");
        await TestServer.ProblemAsync(unknown, 404, "not_found");
    }

    private async Task<List<string>> AllTaskCodesAsync(string query)
    {
        var codes = new List<string>();
        string? token = null;
        do
        {
            var page = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=9&{query}" + (token is null ? string.Empty : "&pageToken=" + token));
            codes.AddRange(page.GetProperty("items").EnumerateArray().Select(static t => t.GetProperty("task").GetProperty("code").GetString()!));
            token = page.GetProperty("nextPageToken").GetString();
        }
        while (token is not null);

        return codes;
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await TestServer.ReadJsonAsync(response);
    }
}
