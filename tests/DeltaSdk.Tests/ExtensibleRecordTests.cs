using DeltaSdk.Serialization;
using DeltaSdk.Tests.Serialization;

namespace DeltaSdk.Tests;

public sealed class ExtensibleRecordTests
{
    [Fact]
    public void Every_model_record_keeps_unknown_members_through_the_one_base()
    {
        var records = ModelTypes.All.Where(static t => !t.IsValueType && t != typeof(LocalizedText)).ToList();
        Assert.NotEmpty(records);
        Assert.All(records, static t => Assert.True(typeof(ExtensibleRecord).IsAssignableFrom(t), $"{t.Name} does not derive from ExtensibleRecord"));
    }

    [Fact]
    public void Unknown_members_survive_a_read_and_a_write_on_a_nested_record()
    {
        var json = DeltaJson.WritePlan(SyntheticModels.Plan()).Replace("\"ordinal\": 1,", "\"ordinal\": 1,\n      \"future\": {\"a\": [1, 2]},", StringComparison.Ordinal);
        var plan = DeltaJson.ReadPlan(json);
        Assert.True(plan.Aspects[0].ExtensionData!.ContainsKey("future"));
        var written = DeltaJson.WritePlan(plan);

        // Unknown members are written last in their object, so the bytes move, but nothing is lost.
        Assert.Contains("\"future\": {", written, StringComparison.Ordinal);
        Assert.Equal(written, DeltaJson.WritePlan(DeltaJson.ReadPlan(written)));
    }
}
