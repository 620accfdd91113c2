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
    public async Task A_valid_observation_batch_is_stored_and_one_for_the_same_period_becomes_its_next_revision()
    {
        const string Batch = """
            {"formatVersion":"1.0","plan":"synthetic-plan","observations":[
              {"indicator":"synthetic-indicator","region":"330000","period":"2024","value":7},
              {"indicator":"synthetic-indicator","region":"310000","period":"2024","value":13}]}
            """;
        var etag = await _server.IndicatorETagAsync();
        using var first = await _server.PostObservationsAsync(Batch, etag, "obs-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var counts = await TestServer.ReadJsonAsync(first);
        Assert.Equal(1, counts.GetProperty("inserted").GetInt32());
        Assert.Equal(1, counts.GetProperty("replaced").GetInt32());
        var next = first.Headers.ETag!.ToString();
        Assert.NotEqual(etag, next);
        Assert.Equal(next, await _server.IndicatorETagAsync());
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, $"v1/indicators/{SyntheticPlanData.Indicator}"))
        {
            conditional.Headers.TryAddWithoutValidation("If-None-Match", next);
            using var notModified = await _server.Http.SendAsync(conditional);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }

        // A replay with the first ETag, after the version moved on, still answers as the first time.
        using var replay = await _server.PostObservationsAsync(Batch, etag, "obs-1");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(next, replay.Headers.ETag!.ToString());

        using var stale = await _server.PostObservationsAsync(Batch, etag);
        await TestServer.ProblemAsync(stale, 412, "precondition_failed");
        Assert.Equal(next, stale.Headers.ETag!.ToString());
        using var unconditional = await _server.PostObservationsAsync(Batch, null);
        await TestServer.ProblemAsync(unconditional, 428, "precondition_required");

        using var list = await _server.Http.GetAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations?from=2024&to=2024&region=310000");
        var item = Assert.Single((await TestServer.ReadJsonAsync(list)).GetProperty("items").EnumerateArray());
        Assert.Equal(13, item.GetProperty("value").GetDouble());
        Assert.Equal(2, item.GetProperty("revision").GetInt32());

        using var revisions = await _server.Http.GetAsync($"v1/indicators/{SyntheticPlanData.Indicator}/observations/revisions?region=310000&period=2024");
        var values = (await TestServer.ReadJsonAsync(revisions)).GetProperty("items").EnumerateArray().Select(static o => o.GetProperty("value").GetDouble());
        Assert.Equal([12.0, 13.0], values);
    }

    [Fact]
    public async Task History_reads_refuse_malformed_instants_and_scopes_with_a_400_naming_the_parameter()
    {
        foreach (var (query, parameter) in new[]
        {
            ("observations?asOf=2024-01-01", "asOf"),
            ("observations?updatedSince=yesterday", "updatedSince"),
            ("observations?updatedSince=2025-01-01T00:00:00Z&asOf=2024-01-01T00:00:00Z", "updatedSince"),
            ("observations/revisions?period=2024", "region"),
            ("observations/revisions?region=310000&regionGroup=synthetic-whole-region&period=2024", "region"),
            ("observations/revisions?region=310000", "period"),
        })
        {
            using var response = await _server.Http.GetAsync($"v1/indicators/{SyntheticPlanData.Indicator}/{query}");
            var problem = await TestServer.ProblemAsync(response, 400, "bad_request");
            Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var missing = await _server.Http.GetAsync("v1/indicators/no-such-indicator");
        await TestServer.ProblemAsync(missing, 404, "not_found");
        using var missingRevisions = await _server.Http.GetAsync("v1/indicators/no-such-indicator/observations/revisions?region=310000&period=2024");
        await TestServer.ProblemAsync(missingRevisions, 404, "not_found");
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
        using var response = await _server.PostObservationsAsync(Batch, await _server.IndicatorETagAsync());
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
}
