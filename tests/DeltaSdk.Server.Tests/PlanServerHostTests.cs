using System.Net;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;

namespace DeltaSdk.Server.Tests;

public sealed class PlanServerHostTests
{
    [Fact]
    public async Task Serves_on_a_loopback_port_chosen_by_the_system_and_stops_on_dispose()
    {
        var store = new InMemoryPlanStore(SyntheticPlanData.Seed());
        var host = await PlanServerHost.StartAsync(store);
        Uri address = host.BaseAddress;
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Same(store, host.Store);

        using (var http = host.CreateClient())
        {
            using var response = await http.GetAsync("v1/plans");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.DisposeAsync();
        using var after = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync("v1/plans"));
    }

    [Fact]
    public async Task Two_hosts_run_side_by_side_on_different_ports()
    {
        await using var first = await PlanServerHost.StartAsync(new InMemoryPlanStore(SyntheticPlanData.Seed()));
        await using var second = await PlanServerHost.StartAsync(new InMemoryPlanStore(PlanStoreSeed.Empty));
        Assert.NotEqual(first.BaseAddress.Port, second.BaseAddress.Port);
    }

    [Fact]
    public async Task Refuses_to_start_with_an_api_key_too_short_to_be_secret()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PlanServerHost.StartAsync(
            new InMemoryPlanStore(PlanStoreSeed.Empty),
            o => o.ApiKeys.Add(new ApiKeyOptions { Key = "short", CanWrite = true })));
        Assert.Contains("ApiKeys:0:Key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short", error.Message.Replace("ApiKeys", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
