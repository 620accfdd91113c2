using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaSdk.Api;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Http;

namespace DeltaSdk.Server.Tests.Http;

public sealed class ServerJsonTests
{
    public static TheoryData<Type> WireTypes() =>
    [
        typeof(DeltaProblemDetails), typeof(PlanProgressSummary), typeof(ObservationWriteResult), typeof(Page<PlanSummary>),
        typeof(Page<AspectSummary>), typeof(Page<KeyTask>), typeof(Page<ProgressReport>), typeof(Page<Region>),
        typeof(Page<RegionGroup>), typeof(Page<Indicator>), typeof(Page<Observation>), typeof(Plan), typeof(KeyTask),
        typeof(ProgressReport), typeof(ObservationBatch),
    ];

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Host_options_cover_every_wire_type_without_a_reflection_resolver(Type type)
    {
        // Options with no resolver at all, as in an app where reflection-based serialization is disabled (trimmed or AOT).
        var target = new JsonSerializerOptions();
        ServerJson.Apply(target);

        Assert.NotNull(target.GetTypeInfo(type));
    }

    [Fact]
    public void Items_of_a_page_keep_the_canonical_model_contract()
    {
        var tasks = YangtzeRiverDelta.ActionPlan2024To2026.AllTasks.Take(10).ToImmutableArray();
        var page = JsonNode.Parse(ServerJson.Serialize(new Page<KeyTask> { Items = tasks }))!;

        var items = page["items"]!.AsArray();
        Assert.Equal(tasks.Length, items.Count);
        for (var i = 0; i < tasks.Length; i++)
        {
            var canonical = JsonNode.Parse(JsonSerializer.Serialize(tasks[i], DeltaJson.Options));
            Assert.True(JsonNode.DeepEquals(canonical, items[i]), $"Task {tasks[i].Code} differs: {items[i]!.ToJsonString()}");
        }
    }

    [Fact]
    public void A_summary_round_trips_through_the_wire_options()
    {
        var summary = new PlanProgressSummary
        {
            Plan = PlanId.Parse("synthetic-plan"),
            DeclaredTaskCount = 3,
            CataloguedTaskCount = 2,
            ReportedTaskCount = 1,
            TasksByStatus = new StatusCounts { InProgress = 1, Unreported = 1 },
            Aspects = [new AspectProgressSummary { Aspect = AspectId.Parse("synthetic-aspect-1"), CataloguedTaskCount = 2, TasksByStatus = new StatusCounts { Completed = 2 } }],
        };

        var json = ServerJson.Serialize(summary);
        var node = JsonNode.Parse(json)!;

        Assert.Equal("synthetic-plan", (string?)node["plan"]);
        Assert.Equal("synthetic-aspect-1", (string?)node["aspects"]![0]!["aspect"]);
        Assert.Null(node["percentCompleteMean"]);
        Assert.Equivalent(summary, JsonSerializer.Deserialize(json, ServerJson.TypeInfo<PlanProgressSummary>()), strict: true);
    }
}
