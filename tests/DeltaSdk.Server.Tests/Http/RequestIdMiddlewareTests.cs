using System.Net;
using DeltaSdk.Server.Tests.Support;

namespace DeltaSdk.Server.Tests.Http;

public sealed class RequestIdMiddlewareTests
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
}
