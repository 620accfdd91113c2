using System.Net;
using System.Text.Json;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

public sealed class PlanApiHandlersWriteTests : IAsyncLifetime
{
    private static readonly TaskCode Code = SyntheticPlanData.Code(5);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Posting_progress_returns_201_with_the_stored_report_its_location_and_the_new_task_etag()
    {
        var before = await _server.TaskETagAsync(Code);
        var report = SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 9, 30), 40) with { RecordedAt = Instant.FromUtc(2000, 1, 1, 0, 0) };

        using var response = await _server.PostProgressAsync(report, before);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = JsonSerializer.Deserialize<ProgressReport>(await response.Content.ReadAsStringAsync(), DeltaJson.Options)!;
        Assert.Equal(report.Status, stored.Status);
        Assert.Equal(report.PercentComplete, stored.PercentComplete);
        Assert.NotEqual(report.RecordedAt, stored.RecordedAt);
        Assert.True(stored.RecordedAt > SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(5));

        var etag = response.Headers.ETag!.ToString();
        Assert.NotEqual(before, etag);
        Assert.Equal(etag, await _server.TaskETagAsync(Code));

        using var location = await _server.Http.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, location.StatusCode);
        Assert.Equal(stored, JsonSerializer.Deserialize<ProgressReport>(await location.Content.ReadAsStringAsync(), DeltaJson.Options));
    }

    [Fact]
    public async Task Progress_lists_oldest_first_across_pages_and_status_filter_uses_the_latest_report()
    {
        var dates = new[] { new LocalDate(2024, 6, 30), new LocalDate(2024, 3, 31), new LocalDate(2024, 12, 31) };
        var statuses = new[] { ImplementationStatus.InProgress, ImplementationStatus.NotStarted, ImplementationStatus.Delayed };
        for (var i = 0; i < dates.Length; i++)
        {
            using var posted = await _server.PostProgressAsync(SyntheticPlanData.Report(Code, statuses[i], dates[i]), await _server.TaskETagAsync(Code));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }

        var first = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress?pageSize=2");
        var token = first.GetProperty("nextPageToken").GetString();
        Assert.NotNull(token);
        var second = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress?pageSize=2&pageToken={token}");
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextPageToken").ValueKind);
        var reported = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(static r => r.GetProperty("reportedOn").GetString()).ToList();
        Assert.Equal(["2024-03-31", "2024-06-30", "2024-12-31"], reported);

        var delayed = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?status=delayed");
        Assert.Equal(Code.ToString(), Assert.Single(delayed.GetProperty("items").EnumerateArray()).GetProperty("task").GetProperty("code").GetString());
        var notStarted = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?status=notStarted");
        Assert.Empty(notStarted.GetProperty("items").EnumerateArray());

        var summary = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/summary");
        Assert.Equal(1, summary.GetProperty("reportedTaskCount").GetInt32());
        Assert.Equal(1, summary.GetProperty("tasksByStatus").GetProperty("delayed").GetInt32());
        Assert.Equal(119, summary.GetProperty("tasksByStatus").GetProperty("unreported").GetInt32());
    }

    [Fact]
    public async Task Without_If_Match_the_post_is_428_and_with_a_stale_one_412()
    {
        var report = SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 9, 30), 10);
        using (var missing = await _server.PostProgressAsync(report, etag: null))
        {
            await TestServer.ProblemAsync(missing, 428, "precondition_required");
        }

        using (var star = await _server.PostProgressAsync(report, etag: "*"))
        {
            await TestServer.ProblemAsync(star, 428, "precondition_required");
        }

        var etag = await _server.TaskETagAsync(Code);
        using (var ok = await _server.PostProgressAsync(report, etag))
        {
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var stale = await _server.PostProgressAsync(report with { PercentComplete = 20 }, etag);
        await TestServer.ProblemAsync(stale, 412, "precondition_failed");
        var progress = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress");
        Assert.Equal(10, Assert.Single(progress.GetProperty("items").EnumerateArray()).GetProperty("percentComplete").GetDouble());
    }

    [Fact]
    public async Task Of_two_concurrent_writers_holding_the_same_etag_exactly_one_wins()
    {
        var etag = await _server.TaskETagAsync(Code);
        var writers = Enumerable.Range(1, 8).Select(i => _server.PostProgressAsync(SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 9, i), i), etag));
        var responses = await Task.WhenAll(writers);
        try
        {
            Assert.Equal(1, responses.Count(static r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(7, responses.Count(static r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        var progress = await GetJsonAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress");
        Assert.Single(progress.GetProperty("items").EnumerateArray());
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _server.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestServer.ReadJsonAsync(response);
    }
}
