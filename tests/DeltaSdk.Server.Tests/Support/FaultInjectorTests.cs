using System.Diagnostics;
using System.Net;
using DeltaSdk.Server.Tests.Support.Faults;
using NodaTime;

namespace DeltaSdk.Server.Tests.Support;

public sealed class FaultInjectorTests
{
    private static readonly string TasksPath = $"/v1/plans/{SyntheticPlanData.PlanId}/tasks";

    [Fact]
    public async Task Runs_inside_the_servers_outer_layer_and_sees_requests_refused_by_authentication()
    {
        var faults = new FaultInjector();
        await using var server = await TestServer.StartAsync(app: faults.Install);
        var code = SyntheticPlanData.Code(1);

        using var unauthorized = await server.PostProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 5, 1), 1), "\"stale\"", key: null);

        await TestServer.ProblemAsync(unauthorized, 401, "unauthorized");
        var post = Assert.Single(faults.Requests, static r => r.Method == "POST");
        Assert.False(post.HasApiKey);
    }

    [Fact]
    public async Task Fails_exactly_the_next_n_matching_requests_with_retry_after()
    {
        var faults = new FaultInjector();
        await using var server = await TestServer.StartAsync(app: faults.Install);
        faults.FailNext(TasksPath, 2, 503, TimeSpan.FromSeconds(1.2));

        using var other = await server.Http.GetAsync("v1/plans");
        using var first = await server.Http.GetAsync(TasksPath.TrimStart('/'));
        using var second = await server.Http.GetAsync(TasksPath.TrimStart('/') + "?aspect=a1");
        using var third = await server.Http.GetAsync(TasksPath.TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        await TestServer.ProblemAsync(first, 503, "service_unavailable");
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter!.Delta);
        await TestServer.ProblemAsync(second, 503, "service_unavailable");
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(3, faults.CountRequests(TasksPath));
        Assert.Equal("?aspect=a1", faults.Requests[2].Query);
    }

    [Fact]
    public async Task Matches_the_method_when_given()
    {
        var faults = new FaultInjector();
        await using var server = await TestServer.StartAsync(app: faults.Install);
        faults.FailNext(TasksPath, 1, 500, method: "POST");
        using var get = await server.Http.GetAsync(TasksPath.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);

        var code = SyntheticPlanData.Code(1);
        using var post = await server.PostProgressAsync(SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 5, 1), 1), await server.TaskETagAsync(code));
        await TestServer.ProblemAsync(post, 500, "internal_error");
    }

    [Fact]
    public async Task Aborts_the_connection_so_the_client_sees_a_transport_error()
    {
        var faults = new FaultInjector();
        await using var server = await TestServer.StartAsync(app: faults.Install);
        faults.AbortNext(TasksPath, 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => server.Http.GetAsync(TasksPath.TrimStart('/')));
        using var after = await server.Http.GetAsync(TasksPath.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Abort_after_handling_makes_the_write_yet_loses_the_response_so_an_idempotent_retry_gets_it()
    {
        var faults = new FaultInjector();
        await using var server = await TestServer.StartAsync(app: faults.Install);
        var code = SyntheticPlanData.Code(6);
        var etag = await server.TaskETagAsync(code);
        var report = SyntheticPlanData.Report(code, ImplementationStatus.InProgress, new LocalDate(2024, 5, 1), 15);
        faults.AbortNext($"{TasksPath}/{code}/progress", 1, afterHandling: true, method: "POST");

        await Assert.ThrowsAsync<HttpRequestException>(() => server.PostProgressAsync(report, etag, idempotencyKey: "lost-response"));
        Assert.NotEqual(etag, await server.TaskETagAsync(code));

        using var retry = await server.PostProgressAsync(report, etag, idempotencyKey: "lost-response");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var posts = faults.Requests.Where(static r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, static r => Assert.Equal("lost-response", r.IdempotencyKey));
        Assert.All(posts, static r => Assert.True(r.HasApiKey));
    }

    [Fact]
    public async Task Delays_the_next_request_then_handles_it()
    {
        var faults = new FaultInjector();
        await using var server = await TestServer.StartAsync(app: faults.Install);
        faults.DelayNext(TasksPath, 1, TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();
        using var response = await server.Http.GetAsync(TasksPath.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {clock.Elapsed}");

        using var timeoutClient = new HttpClient { BaseAddress = server.Host.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };
        faults.DelayNext(TasksPath, 1, TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<TaskCanceledException>(() => timeoutClient.GetAsync(TasksPath.TrimStart('/')));
    }

    [Fact]
    public async Task Reset_disarms_faults_and_forgets_requests()
    {
        var faults = new FaultInjector();
        await using var server = await TestServer.StartAsync(app: faults.Install);
        faults.FailNext(TasksPath, 5, 503);
        faults.Reset();
        using var response = await server.Http.GetAsync(TasksPath.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(faults.Requests);
    }
}
