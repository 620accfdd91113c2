using System.Net;
using System.Text.Json;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>The <c>Idempotency-Key</c> behaviour of the write endpoints (PlanApiHandlers with the stores' idempotency records).</summary>
public sealed class IdempotencyTests : IAsyncLifetime
{
    private static readonly TaskCode Code = SyntheticPlanData.Code(8);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_retried_post_returns_the_first_response_and_writes_once()
    {
        var etag = await _server.TaskETagAsync(Code);
        var report = SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 11, 1), 30);

        using var first = await _server.PostProgressAsync(report, etag, idempotencyKey: "retry-1");
        using var retry = await _server.PostProgressAsync(report, etag, idempotencyKey: "retry-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await ProgressCountAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_writes_nothing()
    {
        var etag = await _server.TaskETagAsync(Code);
        var report = SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 11, 1), 30);
        using var first = await _server.PostProgressAsync(report, etag, idempotencyKey: "reuse-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var other = await _server.PostProgressAsync(report with { PercentComplete = 31 }, first.Headers.ETag!.ToString(), idempotencyKey: "reuse-1");
        await TestServer.ProblemAsync(other, 422, "idempotency_key_reused");
        Assert.Equal(1, await ProgressCountAsync());
    }

    [Fact]
    public async Task Different_keys_are_different_writes_and_the_second_needs_the_new_etag()
    {
        var etag = await _server.TaskETagAsync(Code);
        var report = SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 11, 1), 30);
        using var first = await _server.PostProgressAsync(report, etag, idempotencyKey: "key-a");
        using var stale = await _server.PostProgressAsync(report, etag, idempotencyKey: "key-b");
        using var fresh = await _server.PostProgressAsync(report, first.Headers.ETag!.ToString(), idempotencyKey: "key-b");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await TestServer.ProblemAsync(stale, 412, "precondition_failed");
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
        Assert.Equal(2, await ProgressCountAsync());
    }

    [Fact]
    public async Task A_malformed_key_is_400()
    {
        var report = SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 11, 1), 30);
        using var response = await _server.PostProgressAsync(report, await _server.TaskETagAsync(Code), idempotencyKey: new string('k', 256));
        await TestServer.ProblemAsync(response, 400, "bad_request");
        Assert.Equal(0, await ProgressCountAsync());
    }

    private async Task<int> ProgressCountAsync()
    {
        using var response = await _server.Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress");
        var page = await TestServer.ReadJsonAsync(response);
        return page.GetProperty("items").GetArrayLength();
    }
}
