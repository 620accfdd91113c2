using System.Net;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>422 responses: the validation seam's diagnostics as the problem's <c>diagnostics</c>.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private static readonly TaskCode Code = SyntheticPlanData.Code(4);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_invalid_report_is_422_listing_every_broken_rule_and_writes_nothing()
    {
        var etag = await _server.TaskETagAsync(Code);
        var report = SyntheticPlanData.Report(SyntheticPlanData.Code(5), ImplementationStatus.InProgress, new LocalDate(2024, 9, 30), 140) with
        {
            CompletedOn = new LocalDate(2024, 10, 1),
        };

        using var response = await _server.PostProgressAsync(report, etag, path: $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress");

        var problem = await TestServer.ProblemAsync(response, 422, "validation_failed");
        var diagnostics = problem.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.All(diagnostics, static d =>
        {
            Assert.False(string.IsNullOrEmpty(d.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(d.GetProperty("message").GetString()));
            Assert.StartsWith("$", d.GetProperty("path").GetString(), StringComparison.Ordinal);
        });
        var paths = diagnostics.Where(static d => d.GetProperty("severity").GetString() == "error").Select(static d => d.GetProperty("path").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "$.task", "$.percentComplete", "$.completedOn" }, paths);
        Assert.Equal(etag, await _server.TaskETagAsync(Code));
    }

    [Fact]
    public async Task A_valid_observation_batch_is_stored_and_one_for_the_same_period_replaces_it()
    {
        const string Batch = """
            {"formatVersion":"1.0","plan":"synthetic-plan","observations":[
              {"indicator":"synthetic-indicator","region":"330000","period":"2024","value":7},
              {"indicator":"synthetic-indicator","region":"310000","period":"2024","value":13}]}
            """;
        using var first = await PostObservationsAsync(Batch, "obs-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var counts = await TestServer.ReadJsonAsync(first);
        Assert.Equal(1, counts.GetProperty("inserted").GetInt32());
        Assert.Equal(1, counts.GetProperty("replaced").GetInt32());

        using var replay = await PostObservationsAsync(Batch, "obs-1");
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());

        using var list = await _server.Http.GetAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations?from=2024&to=2024&region=310000");
        var page = await TestServer.ReadJsonAsync(list);
        Assert.Equal(13, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task An_invalid_observation_batch_is_422_with_a_diagnostic_per_observation()
    {
        const string Batch = """
            {"formatVersion":"1.0","observations":[
              {"indicator":"other-indicator","region":"310000","period":"2024","value":1},
              {"indicator":"synthetic-indicator","period":"2024","value":1},
              {"indicator":"synthetic-indicator","region":"340000","period":"2024","value":1}]}
            """;
        using var response = await PostObservationsAsync(Batch, null);
        var problem = await TestServer.ProblemAsync(response, 422, "validation_failed");
        var paths = problem.GetProperty("diagnostics").EnumerateArray().Select(static d => d.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.observations[0].indicator", paths);
        Assert.Contains("$.observations[1]", paths);
        Assert.Contains("$.observations[2].region", paths);
    }

    [Fact]
    public async Task Observation_writes_need_a_write_key_and_an_existing_indicator()
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"v1/indicators/{SyntheticPlanData.Indicator}/observations") { Content = TestServer.Json("{\"formatVersion\":\"1.0\",\"observations\":[]}") })
        {
            request.Headers.Add("X-Api-Key", TestServer.ReadKey);
            using var forbidden = await _server.Http.SendAsync(request);
            await TestServer.ProblemAsync(forbidden, 403, "forbidden");
        }

        using var request2 = new HttpRequestMessage(HttpMethod.Post, "v1/indicators/no-such-indicator/observations") { Content = TestServer.Json("{\"formatVersion\":\"1.0\",\"observations\":[]}") };
        request2.Headers.Add("X-Api-Key", TestServer.WriteKey);
        using var missing = await _server.Http.SendAsync(request2);
        await TestServer.ProblemAsync(missing, 404, "not_found");
    }

    private async Task<HttpResponseMessage> PostObservationsAsync(string json, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/indicators/{SyntheticPlanData.Indicator}/observations") { Content = TestServer.Json(json) };
        request.Headers.Add("X-Api-Key", TestServer.WriteKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await _server.Http.SendAsync(request);
    }
}
