using System.Net;
using DeltaSdk.Server.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

public sealed class ApiKeyAuthenticationHandlerTests : IAsyncLifetime
{
    private static readonly TaskCode Code = SyntheticPlanData.Code(3);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_write_without_a_key_is_401_with_a_challenge()
    {
        using var response = await _server.PostProgressAsync(Report(), await _server.TaskETagAsync(Code), key: null);
        await TestServer.ProblemAsync(response, 401, "unauthorized");
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_with_an_unknown_key_is_401()
    {
        using var response = await _server.PostProgressAsync(Report(), await _server.TaskETagAsync(Code), key: TestServer.WriteKey + "x");
        await TestServer.ProblemAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task A_write_with_a_read_only_key_is_403_and_writes_nothing()
    {
        var etag = await _server.TaskETagAsync(Code);
        using var response = await _server.PostProgressAsync(Report(), etag, key: TestServer.ReadKey);
        await TestServer.ProblemAsync(response, 403, "forbidden");
        Assert.Equal(etag, await _server.TaskETagAsync(Code));
    }

    [Fact]
    public async Task Two_key_headers_are_401_not_a_choice_of_one()
    {
        var etag = await _server.TaskETagAsync(Code);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress") { Content = TestServer.Json(Report()) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        request.Headers.Add("X-Api-Key", [TestServer.WriteKey, TestServer.ReadKey]);
        using var response = await _server.Http.SendAsync(request);
        await TestServer.ProblemAsync(response, 401, "unauthorized");
        Assert.Equal(etag, await _server.TaskETagAsync(Code));
    }

    [Fact]
    public async Task The_writes_are_guarded_by_the_DeltaApiKey_scheme_and_the_DeltaWriter_policy()
    {
        var schemes = _server.Host.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.NotNull(await schemes.GetSchemeAsync("DeltaApiKey"));
        var policy = await _server.Host.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync("DeltaWriter");
        Assert.Equal(["DeltaApiKey"], policy!.AuthenticationSchemes);

        var writes = _server.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(static e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();
        Assert.Equal(2, writes.Count);
        Assert.All(writes, static e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), static a => a.Policy == "DeltaWriter"));
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        using var response = await _server.Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task No_key_reaches_the_logs_whether_accepted_refused_or_unknown()
    {
        const string unknownKey = "synthetic-unknown-key-987654321";
        using (await _server.PostProgressAsync(Report(), await _server.TaskETagAsync(Code), key: TestServer.WriteKey))
        using (await _server.PostProgressAsync(Report(), await _server.TaskETagAsync(Code), key: TestServer.ReadKey))
        using (await _server.PostProgressAsync(Report(), await _server.TaskETagAsync(Code), key: unknownKey))
        {
        }

        // Everything at Trace level, ASP.NET Core's own categories included, with structured values and scopes.
        var entries = _server.Logs.Entries;
        Assert.Contains(entries, static e => e.Contains("Recorded progress", StringComparison.Ordinal));
        Assert.Contains(entries, static e => e.Contains("no write rights", StringComparison.Ordinal));
        Assert.Contains(entries, static e => e.Contains("unknown API key", StringComparison.Ordinal));
        foreach (var secret in new[] { TestServer.WriteKey, TestServer.ReadKey, unknownKey })
        {
            Assert.DoesNotContain(entries, e => e.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static ProgressReport Report() => SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 10, 1), 25);
}
