using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaSdk.Api;
using DeltaSdk.Validation;

namespace DeltaSdk.Tests.Api;

public sealed class ApiJsonTests
{
    [Fact]
    public void A_problem_without_diagnostics_has_no_diagnostics_member_and_one_with_them_writes_severity_by_its_wire_name()
    {
        var bare = JsonNode.Parse(JsonSerializer.Serialize(new DeltaProblemDetails { Status = 404, Code = "not_found" }, ApiJson.Options))!.AsObject();
        Assert.False(bare.ContainsKey("diagnostics"));
        Assert.Equal(404, bare["status"]!.GetValue<int>());

        var problem = new DeltaProblemDetails
        {
            Status = 422,
            Code = "validation_failed",
            Diagnostics = [new ProblemDiagnostic { Code = "DLT4005", Severity = DiagnosticSeverity.Warning, Path = "$.percentComplete", Message = "m" }],
        };
        var json = JsonSerializer.Serialize(problem, ApiJson.Options);
        var diagnostic = JsonNode.Parse(json)!["diagnostics"]![0]!;
        Assert.Equal("warning", diagnostic["severity"]!.GetValue<string>());

        var read = JsonSerializer.Deserialize(json, ApiJson.TypeInfo<DeltaProblemDetails>())!;
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(read.Diagnostics).Severity);
    }

    [Fact]
    public void A_severity_that_is_not_a_wire_name_is_refused()
    {
        const string json = """{"status":422,"diagnostics":[{"code":"X","severity":"Error","path":"$","message":"m"}]}""";
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, ApiJson.TypeInfo<DeltaProblemDetails>()));
    }

    [Fact]
    public void A_page_always_writes_its_items_and_its_token_and_requires_items_when_read()
    {
        var json = JsonSerializer.Serialize(new Page<PlanSummary> { Items = [] }, ApiJson.Options);
        Assert.Equal("""{"items":[],"nextPageToken":null}""", json);
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("""{"nextPageToken":"x"}""", ApiJson.TypeInfo<Page<PlanSummary>>()));
    }

    [Fact]
    public void A_summary_of_the_embedded_plan_round_trips_with_canonical_model_values()
    {
        var plan = DeltaSdk.Data.YangtzeRiverDelta.ActionPlan2024To2026;
        var summary = PlanSummary.From(plan);
        var json = JsonSerializer.Serialize(summary, ApiJson.Options);
        Assert.Contains("\"startDate\":\"" + plan.StartDate.ToString("yyyy-MM-dd", null) + "\"", json, StringComparison.Ordinal);
        Assert.Equal(summary, JsonSerializer.Deserialize(json, ApiJson.TypeInfo<PlanSummary>()));

        var aspect = AspectSummary.From(plan.Aspects[0]);
        Assert.Equal(plan.Aspects[0].Tasks.Length, aspect.CataloguedTaskCount);
        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(aspect, ApiJson.Options), ApiJson.TypeInfo<AspectSummary>())!;
        Assert.Equal(aspect.Id, back.Id);
        Assert.Equal(aspect.Sources.Select(static s => s.Url), back.Sources.Select(static s => s.Url));
    }
}
