using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaSdk.Api;
using DeltaSdk.Client.Internal;
using DeltaSdk.Data;
using DeltaSdk.Serialization;

namespace DeltaSdk.Client.Tests.Internal;

/// <summary>The client's wire options: source-generated only, with the core's contract for every model inside a page or summary.</summary>
public sealed class ClientJsonTests
{
    public static TheoryData<Type> WireTypes() =>
    [
        typeof(Page<KeyTask>), typeof(Page<PlanSummary>), typeof(Page<AspectSummary>), typeof(Page<ProgressReport>),
        typeof(Page<Region>), typeof(Page<RegionGroup>), typeof(Page<Indicator>), typeof(Page<Observation>),
        typeof(PlanProgressSummary), typeof(ObservationWriteResult), typeof(DeltaProblemDetails), typeof(Plan),
        typeof(KeyTask), typeof(ProgressReport), typeof(ObservationBatch),
    ];

    [Theory]
    [MemberData(nameof(WireTypes))]
    public void Every_wire_type_has_metadata(Type type) => Assert.NotNull(ClientJson.Options.GetTypeInfo(type));

    [Fact]
    public void Items_of_a_page_are_written_and_read_with_the_canonical_model_contract()
    {
        var tasks = YangtzeRiverDelta.ActionPlan2024To2026.AllTasks.Take(10).ToList();
        var json = JsonSerializer.Serialize(new Page<KeyTask> { Items = [.. tasks], NextPageToken = "next" }, ClientJson.Options);

        var items = JsonNode.Parse(json)!["items"]!.AsArray();
        for (var i = 0; i < tasks.Count; i++)
        {
            var canonical = JsonNode.Parse(JsonSerializer.Serialize(tasks[i], DeltaJson.Options));
            Assert.True(JsonNode.DeepEquals(canonical, items[i]), $"Task {tasks[i].Code} differs: {items[i]!.ToJsonString()}");
        }

        // Records compare their arrays by reference, so the round trip is checked on the wire form.
        var read = JsonSerializer.Deserialize<Page<KeyTask>>(json, ClientJson.Options)!;
        Assert.Equal(tasks.Select(static t => t.Code), read.Items.Select(static t => t.Code));
        Assert.Equal(json, JsonSerializer.Serialize(read, ClientJson.Options));
    }

    [Fact]
    public void The_last_page_writes_its_null_token_like_the_server_does()
    {
        var json = JsonSerializer.Serialize(new Page<Region> { Items = [] }, ClientJson.Options);

        Assert.Equal("""{"items":[],"nextPageToken":null}""", json);
    }

    [Fact]
    public void A_page_without_items_is_rejected_and_unknown_members_are_skipped()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Page<Region>>("""{"nextPageToken":"x"}""", ClientJson.Options));

        var page = JsonSerializer.Deserialize<Page<Region>>("""{"items":[],"total":3,"nextPageToken":"x"}""", ClientJson.Options)!;
        Assert.Empty(page.Items);
        Assert.Equal("x", page.NextPageToken);
    }

    [Fact]
    public void A_summary_missing_a_required_member_is_rejected()
    {
        const string Complete = """{"id":"yrd-2024-2026","title":{"en":"T"},"startDate":"2024-01-01","endDate":"2026-12-31","cataloguedTaskCount":2}""";
        var summary = JsonSerializer.Deserialize<PlanSummary>(Complete, ClientJson.Options)!;
        Assert.Equal(PlanId.Parse("yrd-2024-2026"), summary.Id);
        Assert.Null(summary.DeclaredTaskCount);

        var withoutCount = Complete.Replace(""","cataloguedTaskCount":2""", string.Empty, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PlanSummary>(withoutCount, ClientJson.Options));
    }
}
