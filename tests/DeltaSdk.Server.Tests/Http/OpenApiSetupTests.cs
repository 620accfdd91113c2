using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaSdk.Server.Tests.Support;

namespace DeltaSdk.Server.Tests.Http;

public sealed class OpenApiSetupTests
{
    private const string CheckedInPath = "docs/openapi/delta-plan-api.v1.json";

    [Fact]
    public async Task The_checked_in_document_matches_what_the_server_generates()
    {
        var generated = await GenerateAsync();
        var path = RepositoryFiles.PathOf(CheckedInPath);
        if (Environment.GetEnvironmentVariable("DELTASDK_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, generated.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        Assert.True(File.Exists(path), $"{CheckedInPath} is missing; run the tests with DELTASDK_UPDATE_OPENAPI=1 to write it.");
        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(
            JsonNode.DeepEquals(checkedIn, generated),
            $"{CheckedInPath} differs from the document the server generates. If the API change is intended, run the tests with DELTASDK_UPDATE_OPENAPI=1 and commit the file. First difference: {FirstDifference(checkedIn, generated, "$")}");
    }

    [Fact]
    public async Task The_document_describes_every_operation_the_api_key_and_the_wire_forms()
    {
        var document = await GenerateAsync();
        var operations = document["paths"]!.AsObject()
            .SelectMany(static path => path.Value!.AsObject().Select(static op => op.Value!["operationId"]!.GetValue<string>()))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            ["getIndicator", "getIndicatorStatus", "getPlan", "getPlanRollup", "getPlanSummary", "getProgressReport", "getTask", "listAspects", "listIndicators", "listObservationRevisions", "listObservations", "listPlanProgress", "listPlanRevisions", "listPlans", "listProgress", "listRegionGroups", "listRegions", "listTasks", "postObservations", "postProgress", "putIndicator", "putPlan", "putTask"],
            operations);
        Assert.Equal("/", document["servers"]!.AsArray().Single()!["url"]!.GetValue<string>());
        Assert.Equal("MIT", document["info"]!["license"]!["identifier"]!.GetValue<string>());
        Assert.All(document["tags"]!.AsArray(), static tag => Assert.False(string.IsNullOrWhiteSpace(tag!["description"]?.GetValue<string>())));

        // Reads say explicitly that they need no credentials (security: []); writes name the API key scheme.
        foreach (var (method, operation) in document["paths"]!.AsObject().SelectMany(static path => path.Value!.AsObject()))
        {
            var security = operation!["security"]!.AsArray();
            Assert.Equal(method is "post" or "put" ? ["ApiKey"] : [], security.SelectMany(static requirement => requirement!.AsObject().Select(static scheme => scheme.Key)));
        }

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("X-Api-Key", schemes["ApiKey"]!["name"]!.GetValue<string>());
        var post = document["paths"]!["/v1/plans/{planId}/tasks/{code}/progress"]!["post"]!;
        Assert.NotNull(post["security"]);
        var ifMatch = post["parameters"]!.AsArray().Single(static p => p!["name"]!.GetValue<string>() == "If-Match")!;
        Assert.True(ifMatch["required"]!.GetValue<bool>());

        var schemas = document["components"]!["schemas"]!;
        Assert.Equal("date", schemas["LocalDate"]!["format"]!.GetValue<string>());
        Assert.Equal("string", schemas["TaskCode"]!["type"]!.GetValue<string>());
        Assert.Matches(schemas["ReportingPeriod"]!["pattern"]!.GetValue<string>(), "2024-Q3");
        Assert.Matches(schemas["RegionCode"]!["pattern"]!.GetValue<string>(), "320509");
        Assert.Contains("inProgress", schemas["ImplementationStatus"]!["enum"]!.AsArray().Select(static v => v?.GetValue<string>()));
        Assert.Equal("integer", schemas["StatusCounts"]!["properties"]!["completed"]!["type"]!.GetValue<string>());
    }

    private static async Task<JsonNode> GenerateAsync()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await server.Http.GetAsync("openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        if (expected is JsonObject e && actual is JsonObject a)
        {
            foreach (var name in e.Select(static p => p.Key).Union(a.Select(static p => p.Key)))
            {
                if (!JsonNode.DeepEquals(e[name], a[name]))
                {
                    return FirstDifference(e[name], a[name], path + "." + name);
                }
            }
        }
        else if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
        {
            for (var i = 0; i < ea.Count; i++)
            {
                if (!JsonNode.DeepEquals(ea[i], aa[i]))
                {
                    return FirstDifference(ea[i], aa[i], $"{path}[{i}]");
                }
            }
        }

        return $"{path}: checked in {expected?.ToJsonString() ?? "nothing"}, generated {actual?.ToJsonString() ?? "nothing"}";
    }
}
