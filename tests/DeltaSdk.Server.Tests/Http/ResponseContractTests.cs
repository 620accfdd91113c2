using System.Text;
using DeltaSdk.Server.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>
/// Proves that the response contract check every <see cref="TestServer"/> carries is engaged: a body or status the
/// OpenAPI document does not allow fails the test that caused it, naming the operation, the request and the schema error.
/// </summary>
public sealed class ResponseContractTests
{
    [Fact]
    public async Task A_body_that_breaks_the_documented_schema_fails_the_test()
    {
        var server = await TestServer.StartAsync(services: static services => services.AddSingleton<IStartupFilter>(
            new RewritingFilter("/v1/regions", StatusCodes.Status200OK, """{"items":[{"code":12,"name":"not a localized text"}]}""")));
        using (var response = await server.Http.GetAsync("v1/regions?level=province"))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        var error = await Assert.ThrowsAsync<XunitException>(() => server.DisposeAsync().AsTask());
        Assert.Contains("GET /v1/regions -> 200", error.Message, StringComparison.Ordinal);
        Assert.Contains("[request /v1/regions?level=province]", error.Message, StringComparison.Ordinal);
        Assert.Contains("/items/0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_the_operation_does_not_document_fails_the_test()
    {
        var server = await TestServer.StartAsync(services: static services => services.AddSingleton<IStartupFilter>(
            new RewritingFilter("/v1/plans", StatusCodes.Status409Conflict, """{"status":409}""")));
        using (var response = await server.Http.GetAsync("v1/plans"))
        {
            Assert.Equal(409, (int)response.StatusCode);
        }

        var error = await Assert.ThrowsAsync<XunitException>(() => server.DisposeAsync().AsTask());
        Assert.Contains("GET /v1/plans -> 409: status 409 is not documented", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conforming_responses_of_every_kind_leave_no_violation()
    {
        await using var server = await TestServer.StartAsync();
        using var ok = await server.Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks?pageSize=2");
        using var notFound = await server.Http.GetAsync("v1/plans/no-such-plan");
        using var badRequest = await server.Http.GetAsync("v1/regions?pageSize=0");
        using var head = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "v1/plans"));

        Assert.Equal([200, 404, 400, 200], [(int)ok.StatusCode, (int)notFound.StatusCode, (int)badRequest.StatusCode, (int)head.StatusCode]);
        Assert.Empty(server.Contract.All);
        Assert.Equal(4, server.Contract.Checked);
    }

    [Theory]
    [InlineData("/v1/plans/{planId}/tasks/{code}/progress/{reportId:long}", "/v1/plans/{planId}/tasks/{code}/progress/{reportId}")]
    [InlineData("v1/regions", "/v1/regions")]
    [InlineData("/v1/indicators/{indicatorId}/observations", "/v1/indicators/{indicatorId}/observations")]
    public void Route_patterns_map_to_the_documents_paths(string pattern, string path) => Assert.Equal(path, OpenApiContract.PathOf(pattern));

    [Fact]
    public void The_checker_reads_schemas_through_the_documents_references()
    {
        var valid = """{"items":[],"nextPageToken":null}"""u8;
        var wrongType = """{"items":[{"code":"320500","level":"city","name":{"en":"Suzhou"},"parent":12}]}"""u8;

        Assert.Null(OpenApiContract.Check("/v1/regions", "GET", 200, "application/json", valid, bodyExpected: true));
        Assert.Contains("/items/0", OpenApiContract.Check("/v1/regions", "GET", 200, "application/json", wrongType, bodyExpected: true), StringComparison.Ordinal);
        Assert.Contains("content type text/plain is not documented", OpenApiContract.Check("/v1/regions", "GET", 200, "text/plain", valid, bodyExpected: true), StringComparison.Ordinal);
        Assert.Null(OpenApiContract.Check("/v1/regions", "HEAD", 200, "application/json", [], bodyExpected: false));
        Assert.Null(OpenApiContract.Check("/health/live", "GET", 200, "text/plain", "Healthy"u8, bodyExpected: true));
    }

    /// <summary>Lets the server answer, then replaces what it sent for one path: a stand-in for a server that breaks its contract.</summary>
    private sealed class RewritingFilter(string path, int status, string body) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != path)
                {
                    await nextMiddleware(context);
                    return;
                }

                var original = context.Response.Body;
                context.Response.Body = Stream.Null;
                await nextMiddleware(context);
                context.Response.Body = original;
                context.Response.StatusCode = status;
                context.Response.ContentLength = null;
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
            });
            next(app);
        };
    }
}
