using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>Hot reads come from kept bytes while the store is unchanged, and a write makes them fresh again.</summary>
public sealed class HotReadCacheTests
{
    private static readonly TaskCode Code = SyntheticPlanData.Code(4);

    public static TheoryData<string> Stores => ["memory", "sqlite"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_write_changes_the_task_etag_and_the_filtered_page_that_were_kept(string kind)
    {
        await using var server = await TestServer.StartAsync(CreateStore(kind));
        var taskPath = $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}";
        var pagePath = $"v1/plans/{SyntheticPlanData.PlanId}/tasks?status=inProgress&pageSize=50";

        var taskETag = await server.TaskETagAsync(Code);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(server, taskPath, taskETag)).Status);
        var (pageStatus, pageETag, pageBody) = await SendAsync(server, pagePath, null);
        Assert.Equal(HttpStatusCode.OK, pageStatus);
        Assert.Empty(Items(pageBody));
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(server, pagePath, pageETag)).Status);

        using var posted = await server.PostProgressAsync(SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 9, 30), 40), taskETag);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var task = await SendAsync(server, taskPath, taskETag);
        Assert.Equal(HttpStatusCode.OK, task.Status);
        Assert.Equal(posted.Headers.ETag!.ToString(), task.ETag);

        var page = await SendAsync(server, pagePath, pageETag);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEqual(pageETag, page.ETag);
        Assert.Equal([Code.ToString()], Items(page.Body).Select(static t => t.GetProperty("task").GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_unchanged_store_answers_repeated_reads_without_querying_tasks_again(string kind)
    {
        var store = new CountingStore(CreateStore(kind));
        await using var server = await TestServer.StartAsync(store);
        var pagePath = $"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=50";
        var taskPath = $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}";

        var first = await SendAsync(server, pagePath, null);
        var again = await SendAsync(server, pagePath, null);
        var notModified = await SendAsync(server, pagePath, first.ETag);
        for (var i = 0; i < 20; i++)
        {
            await SendAsync(server, taskPath, null);
            await SendAsync(server, pagePath, null);
        }

        Assert.Equal(first.Body, again.Body);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.Status);
        Assert.Equal(1, store.TaskPageQueries);
        Assert.Equal(1, store.TaskQueries);
    }

    private static IPlanStore CreateStore(string kind) => kind == "sqlite"
        ? new SqlitePlanStore(Path.Combine(Path.GetTempPath(), "deltasdk-hot-" + Guid.NewGuid().ToString("N") + ".db"), SyntheticPlanData.Seed())
        : new InMemoryPlanStore(SyntheticPlanData.Seed());

    private static List<JsonElement> Items(string body)
        => [.. JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()];

    private static async Task<(HttpStatusCode Status, string? ETag, string Body)> SendAsync(TestServer server, string path, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        using var response = await server.Http.SendAsync(request);
        return (response.StatusCode, response.Headers.ETag?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private sealed class CountingStore(IPlanStore inner) : DelegatingPlanStore(inner)
    {
        private int _taskPageQueries;
        private int _taskQueries;

        public int TaskPageQueries => Volatile.Read(ref _taskPageQueries);

        public int TaskQueries => Volatile.Read(ref _taskQueries);

        public override Task<StorePage<StoredTask>?> ListTasksAsync(PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _taskPageQueries);
            return base.ListTasksAsync(planId, filter, continuation, limit, cancellationToken);
        }

        public override Task<StoredTask?> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _taskQueries);
            return base.GetTaskAsync(planId, code, cancellationToken);
        }
    }
}
