using System.Net;
using DeltaSdk.Api;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;

namespace DeltaSdk.Server.Tests.Http;

public sealed class ServerMiddlewareTests
{
    [Fact]
    public async Task Every_response_carries_the_callers_request_id_or_a_new_one()
    {
        await using var server = await TestServer.StartAsync();
        using var echoed = new HttpRequestMessage(HttpMethod.Get, "v1/plans");
        echoed.Headers.Add("X-Request-Id", "client-chosen-42");
        using var first = await server.Http.SendAsync(echoed);
        Assert.Equal("client-chosen-42", first.Headers.GetValues("X-Request-Id").Single());

        using var second = await server.Http.GetAsync("v1/plans");
        using var third = await server.Http.GetAsync("v1/plans");
        var generated = second.Headers.GetValues("X-Request-Id").Single();
        Assert.False(string.IsNullOrWhiteSpace(generated));
        Assert.NotEqual(generated, third.Headers.GetValues("X-Request-Id").Single());

        using var injected = new HttpRequestMessage(HttpMethod.Get, "v1/nowhere");
        injected.Headers.TryAddWithoutValidation("X-Request-Id", "bad id with spaces");
        using var fourth = await server.Http.SendAsync(injected);
        Assert.NotEqual("bad id with spaces", fourth.Headers.GetValues("X-Request-Id").Single());
        await TestServer.ProblemAsync(fourth, 404, "not_found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.DeleteAsync($"v1/plans/{SyntheticPlanData.PlanId}");
        await TestServer.ProblemAsync(response, 405, "method_not_allowed");
    }

    [Fact]
    public async Task An_exception_becomes_a_500_problem_that_is_logged_without_leaking_its_message()
    {
        await using var server = await TestServer.StartAsync(new FailingStore());
        using var response = await server.Http.GetAsync("v1/plans");
        var problem = await TestServer.ProblemAsync(response, 500, "internal_error");
        Assert.DoesNotContain("synthetic failure", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(server.Logs.Entries, static e => e.Contains("synthetic failure", StringComparison.Ordinal) && e.Contains("RequestId", StringComparison.Ordinal));
    }

    private sealed class FailingStore() : DelegatingPlanStore(new InMemoryPlanStore(SyntheticPlanData.Seed()))
    {
        public override Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("synthetic failure");
    }
}
