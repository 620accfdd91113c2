using System.Diagnostics;
using System.Net;
using DeltaSdk.Client.Tests.Infrastructure;

namespace DeltaSdk.Client.Tests.Internal;

/// <summary>
/// The Polly pipeline of the client (retries, Retry-After, time-outs and cancellation), proven end to end with the
/// server's fault injection (fail the next N requests, delay, drop the connection before or after the handler ran).
/// </summary>
public sealed class DeltaResilienceHandlerTests : IAsyncLifetime
{
    private static readonly PlanId Plan = SyntheticData.PlanId;
    private static readonly string TaskPath = $"/v1/plans/{Plan}/tasks/";
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task A_read_that_fails_transiently_twice_succeeds_on_the_third_attempt(int status)
    {
        var client = _server.CreateClient();
        _server.Faults.FailNext(TaskPath, 2, status);

        var task = await client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 1));

        Assert.Equal(SyntheticData.TaskCode(1, 1), task.Value.Task.Code);
        Assert.Equal(3, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task Retries_are_capped_and_the_last_answer_surfaces()
    {
        var client = _server.CreateClient(o => o.MaxRetries = 2);
        _server.Faults.FailNext(TaskPath, 10, 503);

        var error = await Assert.ThrowsAsync<DeltaApiException>(() => client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 1)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var client = _server.CreateClient();
        _server.Faults.FailNext(TaskPath, 1, 400);

        await Assert.ThrowsAsync<DeltaApiException>(() => client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 1)));

        Assert.Equal(1, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task Retry_After_sets_the_wait_before_the_next_attempt()
    {
        var time = new RecordingTimeProvider();
        var client = _server.CreateClient(o => o.AttemptTimeout = TimeSpan.FromSeconds(7), timeProvider: time);
        _server.Faults.FailNext(TaskPath, 1, 503, retryAfter: TimeSpan.FromSeconds(1));

        await client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 2));

        // The wait the client scheduled is the server's, not the 20 ms back-off of the test configuration...
        Assert.Contains(TimeSpan.FromSeconds(1), time.DueTimes);

        // ...and the server saw the second attempt no sooner than that after the first.
        var attempts = _server.Faults.Requests.Where(r => r.Path.StartsWith(TaskPath, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromMilliseconds(950), $"second attempt after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_not_waited_for()
    {
        var client = _server.CreateClient(o => o.MaxRetryDelay = TimeSpan.FromSeconds(2));
        _server.Faults.FailNext(TaskPath, 1, 503, retryAfter: TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<DeltaApiException>(() => client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 2)));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal(1, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task Back_off_grows_exponentially_with_jitter()
    {
        var time = new RecordingTimeProvider();
        var client = _server.CreateClient(
            o =>
            {
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(40);
                o.AttemptTimeout = TimeSpan.FromSeconds(7);
            },
            timeProvider: time);
        _server.Faults.FailNext(TaskPath, 3, 503);

        await client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 2));

        // The waits are the timers shorter than a second (the others are the attempt and overall limits, and Polly's
        // pooled token sources, created with an infinite due time and armed later).
        var waits = time.DueTimes.Where(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(1)).ToList();
        Assert.Equal(3, waits.Count);
        for (var i = 0; i < 3; i++)
        {
            var full = 40 * Math.Pow(2, i);
            Assert.InRange(waits[i].TotalMilliseconds, full / 2, full);
        }
    }

    [Fact]
    public async Task A_dropped_connection_on_a_read_is_retried()
    {
        var client = _server.CreateClient();
        _server.Faults.AbortNext(TaskPath, 1);

        var task = await client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 3));

        Assert.Equal(SyntheticData.TaskCode(1, 3), task.Value.Task.Code);
        Assert.Equal(2, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task A_connection_that_keeps_dropping_ends_in_a_transport_exception()
    {
        var client = _server.CreateClient(o => o.MaxRetries = 1);
        _server.Faults.AbortNext(TaskPath, 5);

        var error = await Assert.ThrowsAsync<DeltaTransportException>(() => client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 3)));

        Assert.False(error.IsTimeout);
        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
        Assert.Equal(2, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task A_post_whose_answer_is_lost_is_retried_with_the_same_key_and_written_once()
    {
        var client = _server.CreateClient();
        var code = SyntheticData.TaskCode(1, 11);
        var etag = (await client.GetTaskAsync(Plan, code)).ETag;
        var progressPath = $"{TaskPath}{code}/progress";

        // The server stores the report, then the connection drops before the client hears of it.
        _server.Faults.AbortNext(progressPath, 1, afterHandling: true, method: "POST");
        var stored = await client.PostProgressAsync(Plan, code, SyntheticData.Report(code), etag);

        var posts = _server.Faults.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.False(string.IsNullOrEmpty(posts[0].IdempotencyKey));
        Assert.Equal(posts[0].IdempotencyKey, posts[1].IdempotencyKey);
        var report = Assert.Single(await client.ListProgressAsync(Plan, code).ToListAsync());
        Assert.Equal(stored.Value.RecordedAt, report.RecordedAt);
        Assert.Equal(stored.ETag, (await client.GetTaskAsync(Plan, code)).ETag);
    }

    [Fact]
    public async Task A_post_refused_with_503_is_retried_and_written_once()
    {
        var client = _server.CreateClient();
        var code = SyntheticData.TaskCode(1, 12);
        var etag = (await client.GetTaskAsync(Plan, code)).ETag;
        _server.Faults.FailNext($"{TaskPath}{code}/progress", 2, 503, method: "POST");

        await client.PostProgressAsync(Plan, code, SyntheticData.Report(code), etag);

        Assert.Equal(3, _server.Faults.CountRequests($"{TaskPath}{code}/progress", "POST"));
        Assert.Single(await client.ListProgressAsync(Plan, code).ToListAsync());
    }

    [Fact]
    public async Task A_slow_attempt_is_abandoned_and_retried()
    {
        // The attempt limit is generous so that a loaded machine's ordinary second attempt stays well inside it.
        var client = _server.CreateClient(o => o.AttemptTimeout = TimeSpan.FromSeconds(2));
        _server.Faults.DelayNext(TaskPath, 1, TimeSpan.FromSeconds(60));

        var task = await client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 4));

        Assert.Equal(SyntheticData.TaskCode(1, 4), task.Value.Task.Code);
        Assert.Equal(2, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task The_overall_time_limit_ends_the_call_with_a_timeout()
    {
        var client = _server.CreateClient(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.OverallTimeout = TimeSpan.FromMilliseconds(400);
        });
        _server.Faults.DelayNext(TaskPath, 1, TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DeltaTransportException>(() => client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 4)));

        Assert.True(error.IsTimeout);
        Assert.Contains("OverallTimeout", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_stops_a_delayed_call_with_OperationCanceledException()
    {
        var client = _server.CreateClient();
        _server.Faults.DelayNext(TaskPath, 1, TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource();

        var call = client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 5), cancellation.Token);
        // Cancel only once the server holds the request, so the test proves an in-flight call stops, whatever the machine's load.
        await WaitUntilAsync(() => _server.Faults.CountRequests(TaskPath, "GET") == 1);
        var watch = Stopwatch.StartNew();
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed} after cancelling");
        Assert.Equal(1, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    [Fact]
    public async Task Cancelling_during_the_wait_between_attempts_stops_the_retries()
    {
        var client = _server.CreateClient(o => o.MaxRetryDelay = TimeSpan.FromSeconds(60));
        _server.Faults.FailNext(TaskPath, 1, 503, retryAfter: TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource();

        var call = client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 5), cancellation.Token);
        await WaitUntilAsync(() => _server.Faults.CountRequests(TaskPath, "GET") == 1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, _server.Faults.CountRequests(TaskPath, "GET"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Bounded: a condition that never holds fails the test instead of hanging it.
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the server never saw the request");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_a_transport_failure()
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        var client = _server.CreateClient(o =>
        {
            o.BaseAddress = closed;
            o.MaxRetries = 1;
        });

        var error = await Assert.ThrowsAsync<DeltaTransportException>(() => client.ListPlansAsync().ToListAsync().AsTask());

        Assert.False(error.IsTimeout);
        Assert.Contains(closed.ToString(), error.Message, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
