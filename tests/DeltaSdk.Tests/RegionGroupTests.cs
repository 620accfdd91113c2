using DeltaSdk.Serialization;

namespace DeltaSdk.Tests;

public sealed class RegionGroupTests
{
    private static string SyntheticTable(string membership) => $$"""
        {
          "$schema": "https://deltasdk.dev/schema/v1/region-table.schema.json",
          "formatVersion": "1.0",
          "groups": [
            { "id": "synthetic-circle", "kind": "metropolitanCircle", "name": { "en": "Synthetic circle" }, "members": ["310000"]{{membership}} }
          ]
        }
        """;

    [Fact]
    public void A_group_built_in_code_is_complete_unless_it_says_otherwise()
    {
        var group = new RegionGroup { Id = RegionGroupId.Parse("synthetic"), Kind = RegionGroupKind.CentralArea, Name = LocalizedText.Create(null, "Synthetic") };

        Assert.True(group.MembershipComplete);
    }

    [Theory]
    [InlineData(", \"membershipComplete\": true", true)]
    [InlineData(", \"membershipComplete\": false", false)]
    public void A_stated_membership_reads_as_stated(string membership, bool expected)
    {
        var table = DeltaJson.ReadRegions(SyntheticTable(membership));

        Assert.Equal(expected, Assert.Single(table.Groups).MembershipComplete);
    }

    [Fact]
    public void A_document_must_state_whether_the_membership_is_complete()
    {
        // Were it optional, the generated reader would silently read an absent value as false.
        var error = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadRegions(SyntheticTable(string.Empty)));

        Assert.Equal("$.groups[0].membershipComplete", error.Path);
        Assert.Contains("membershipComplete", error.Message, StringComparison.Ordinal);
    }
}
