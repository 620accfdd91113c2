using System.Net;
using System.Net.Http.Headers;
using DeltaSdk.Api;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>Problems written through ASP.NET Core's problem-details service, status-code pages and exception handler, in the API's shape.</summary>
public sealed class DeltaProblemDetailsWriterTests
{
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

    [Theory]
    [InlineData("GET", "v1/nowhere", 404, "not_found")]
    [InlineData("HEAD", "v1/nowhere", 404, "not_found")]
    [InlineData("PUT", "v1/plans", 405, "method_not_allowed")]
    [InlineData("DELETE", "v1/regions", 405, "method_not_allowed")]
    public async Task Empty_bodied_errors_of_routing_become_problems_with_the_request_id(string method, string path, int status, string code)
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await server.Http.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Request-Id").Single()));
        if (method != "HEAD")
        {
            await TestServer.ProblemAsync(response, status, code);
        }
    }

    [Fact]
    public async Task A_405_problem_names_the_allowed_methods()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.DeleteAsync($"v1/plans/{SyntheticPlanData.PlanId}");
        var problem = await TestServer.ProblemAsync(response, 405, "method_not_allowed");
        Assert.Contains("GET", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("PUT", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task A_problem_is_json_whatever_the_accept_header_asks_for()
    {
        await using var server = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/nowhere");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await server.Http.SendAsync(request);
        await TestServer.ProblemAsync(response, 404, "not_found");
    }

    [Fact]
    public async Task A_host_that_registered_problem_details_itself_still_gets_the_apis_shape()
    {
        await using var server = await TestServer.StartAsync(services: static s => s.AddProblemDetails(static o => o.CustomizeProblemDetails = static c => c.ProblemDetails.Extensions["host"] = "mine"));
        using var response = await server.Http.GetAsync("v1/nowhere");
        var problem = await TestServer.ProblemAsync(response, 404, "not_found");
        Assert.Equal("https://github.com/deltasdk/deltasdk/blob/main/docs/articles/plan-server.md#not-found", problem.GetProperty("type").GetString());
        Assert.False(problem.TryGetProperty("host", out _));
    }

    [Fact]
    public async Task A_body_that_a_bound_parameter_cannot_read_is_a_400_problem_naming_it()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=abc");
        var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
        Assert.Contains("pageSize", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private sealed class FailingStore() : DelegatingPlanStore(new InMemoryPlanStore(SyntheticPlanData.Seed()))
    {
        public override Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default)
            => throw new InvalidOperationException("synthetic failure");
    }
}
