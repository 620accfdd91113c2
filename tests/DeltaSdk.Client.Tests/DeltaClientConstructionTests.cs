using System.Net;
using DeltaSdk.Client.Tests.Infrastructure;

namespace DeltaSdk.Client.Tests;

/// <summary>A client created with <c>new</c>, without DI, gets the same pipeline: API key, retries, ETag revalidation.</summary>
public sealed class DeltaClientConstructionTests : IAsyncLifetime
{
    private static readonly PlanId Plan = SyntheticData.PlanId;
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_client_built_with_new_reads_retries_and_writes_with_its_key()
    {
        var options = new DeltaClientOptions
        {
            BaseAddress = _server.BaseAddress,
            ApiKey = TestServer.WriterKey,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        };
        var client = new DeltaClient(options);

        // Changes after construction do not reach the client: the options were copied.
        options.ApiKey = TestServer.ReaderKey;
        _server.Faults.FailNext($"/v1/plans/{Plan}", 2, 503, method: "GET");

        var plan = await client.GetPlanAsync(Plan);
        var planAttempts = _server.Faults.CountRequests($"/v1/plans/{Plan}", "GET");
        var code = SyntheticData.TaskCode(2, 7);
        var task = await client.GetTaskAsync(Plan, code);
        var stored = await client.PostProgressAsync(Plan, code, SyntheticData.Report(code), task.ETag);

        Assert.Equal(Plan, plan.Id);
        Assert.Equal(3, planAttempts);
        Assert.Equal(code, stored.Value.Task);
        Assert.NotEqual(task.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_client_built_with_new_sends_through_the_given_transport()
    {
        using var transport = new CountingHandler();
        var client = new DeltaClient(new DeltaClientOptions { BaseAddress = _server.BaseAddress }, transport);

        var first = await client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 1));
        var second = await client.GetTaskAsync(Plan, SyntheticData.TaskCode(1, 1));

        Assert.Equal((first.Value.Task.Code, first.ETag), (second.Value.Task.Code, second.ETag));
        Assert.Equal(2, transport.Sent);
        Assert.Equal(HttpStatusCode.NotModified, transport.LastStatus);
    }

    [Fact]
    public void Bad_options_are_refused_with_every_wrong_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new DeltaClient(new DeltaClientOptions { MaxRetries = -1 }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxRetries", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Sent { get; private set; }

        public HttpStatusCode LastStatus { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent++;
            var response = await base.SendAsync(request, cancellationToken);
            LastStatus = response.StatusCode;
            return response;
        }
    }
}
