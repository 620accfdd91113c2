using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Http;

/// <summary>
/// Bounded work per request: each repeated list of a write's body has a bound below the byte limit, and a body over it
/// is a 400 problem naming the bound, its setting and the list's path, with nothing written.
/// </summary>
public sealed class RequestLimitsTests
{
    private static readonly TaskCode Code = SyntheticPlanData.Code(4);

    public static TheoryData<string, string, string, int> ReportLists() => new()
    {
        // list, path, setting, default bound
        { "narrative", "$.narrative", "MaxLanguages", 16 },
        { "sources", "$.sources", "MaxSources", 32 },
        { "extension", "$", "MaxExtensionMembers", 32 },
        { "sourceExtension", "$.sources[0]", "MaxExtensionMembers", 32 },
    };

    [Theory]
    [MemberData(nameof(ReportLists))]
    public async Task A_report_list_one_over_its_bound_is_a_400_naming_it_and_one_at_the_bound_is_taken(string list, string path, string setting, int bound)
    {
        await using var server = await TestServer.StartAsync();

        var etag = await server.TaskETagAsync(Code);
        using var over = await PostReportAsync(server, ReportWith(list, bound + 1), etag);
        var problem = await TestServer.ProblemAsync(over, 400, "bad_request");
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"DeltaServer:Limits:{setting}", detail, StringComparison.Ordinal);
        Assert.Contains($"at most {bound}", detail, StringComparison.Ordinal);
        var diagnostic = Assert.Single(problem.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("request.limit", diagnostic.GetProperty("code").GetString());
        Assert.Equal(path, diagnostic.GetProperty("path").GetString());
        Assert.Equal(etag, await server.TaskETagAsync(Code));

        using var at = await PostReportAsync(server, ReportWith(list, bound), etag);
        Assert.Equal(HttpStatusCode.Created, at.StatusCode);
    }

    [Fact]
    public async Task A_batch_over_the_observation_bound_is_a_400_and_the_bound_is_configurable()
    {
        await using var server = await TestServer.StartAsync(configure: static o => o.Limits.MaxObservationsPerBatch = 3);

        using var over = await PostObservationsAsync(server, Batch(4));
        var problem = await TestServer.ProblemAsync(over, 400, "bad_request");
        Assert.Contains("DeltaServer:Limits:MaxObservationsPerBatch", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("$.observations", Assert.Single(problem.GetProperty("diagnostics").EnumerateArray()).GetProperty("path").GetString());

        using var at = await PostObservationsAsync(server, Batch(3));
        Assert.Equal(HttpStatusCode.Created, at.StatusCode);
    }

    [Fact]
    public async Task The_default_observation_bound_is_1000()
    {
        await using var server = await TestServer.StartAsync();
        using var over = await PostObservationsAsync(server, Batch(1001));
        var problem = await TestServer.ProblemAsync(over, 400, "bad_request");
        Assert.Contains("at most 1000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrative_with_thousands_of_languages_under_the_byte_limit_is_refused_not_stored()
    {
        await using var server = await TestServer.StartAsync();
        var etag = await server.TaskETagAsync(Code);
        using var response = await PostReportAsync(server, ReportWith("narrative", 20_000), etag);
        await TestServer.ProblemAsync(response, 400, "bad_request");
        using var progress = await server.Http.GetAsync($"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress");
        Assert.Empty((await TestServer.ReadJsonAsync(progress)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_negative_bound_stops_the_host()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestServer.StartAsync(configure: static o => o.Limits.MaxSources = -1));
        Assert.Contains("DeltaServer:Limits:MaxSources", error.Message, StringComparison.Ordinal);
    }

    private static string ReportWith(string list, int count)
    {
        var report = JsonNode.Parse(JsonSerializer.Serialize(SyntheticPlanData.Report(Code, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1), 30), DeltaJson.Options))!.AsObject();
        switch (list)
        {
            case "narrative":
                var narrative = new JsonObject();
                for (var i = 0; i < count; i++)
                {
                    // Synthetic private-use language tags: en-x-0, en-x-1, ...
                    narrative[string.Create(CultureInfo.InvariantCulture, $"en-x-{i}")] = "synthetic";
                }

                report["narrative"] = narrative;
                break;
            case "sources":
                report["sources"] = new JsonArray([.. Enumerable.Range(0, count).Select(static i => (JsonNode)new JsonObject { ["title"] = string.Create(CultureInfo.InvariantCulture, $"Synthetic source {i}") })]);
                break;
            case "extension":
                AddUnknownMembers(report, count);
                break;
            case "sourceExtension":
                var source = new JsonObject { ["title"] = "Synthetic source" };
                AddUnknownMembers(source, count);
                report["sources"] = new JsonArray(source);
                break;
        }

        return report.ToJsonString();
    }

    private static void AddUnknownMembers(JsonObject target, int count)
    {
        for (var i = 0; i < count; i++)
        {
            target[string.Create(CultureInfo.InvariantCulture, $"xSynthetic{i}")] = i;
        }
    }

    private static string Batch(int count)
        => JsonSerializer.Serialize(new JsonObject
        {
            ["formatVersion"] = "1.0",
            ["observations"] = new JsonArray([.. Enumerable.Range(0, count).Select(static i => (JsonNode)new JsonObject
            {
                ["indicator"] = SyntheticPlanData.Indicator.ToString(),
                ["region"] = SyntheticPlanData.Shanghai.ToString(),
                ["period"] = (1000 + i).ToString(CultureInfo.InvariantCulture),
                ["value"] = i,
            })]),
        });

    private static async Task<HttpResponseMessage> PostReportAsync(TestServer server, string json, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/plans/{SyntheticPlanData.PlanId}/tasks/{Code}/progress") { Content = TestServer.Json(json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        request.Headers.Add("X-Api-Key", TestServer.WriteKey);
        return await server.Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostObservationsAsync(TestServer server, string json)
        => await server.PostObservationsAsync(json, await server.IndicatorETagAsync());
}
