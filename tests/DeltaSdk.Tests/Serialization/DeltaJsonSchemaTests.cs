using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Serialization;

public sealed class DeltaJsonSchemaTests
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    public static TheoryData<DeltaDocumentKind> Kinds => [.. Enum.GetValues<DeltaDocumentKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Checked_in_schema_matches_the_model(DeltaDocumentKind kind)
    {
        var generated = DeltaJson.GetSchema(kind).ToJsonString(Pretty) + "\n";
        var name = DeltaJson.GetSchemaUri(kind).Segments[^1];
        var path = Path.Combine(RepositoryPaths.Root, "docs", "schema", name);
        if (Environment.GetEnvironmentVariable("DELTASDK_UPDATE_SCHEMA") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests with DELTASDK_UPDATE_SCHEMA=1 and commit the file.");
        Assert.True(File.ReadAllText(path) == generated, $"{path} has drifted from the model: run the tests with DELTASDK_UPDATE_SCHEMA=1 and review the diff.");
    }

    [Fact]
    public void Schema_is_refined_beyond_what_the_exporter_knows()
    {
        var schema = DeltaJson.GetSchema(DeltaDocumentKind.Plan);
        var task = schema["properties"]!["aspects"]!["items"]!["properties"]!["tasks"]!["items"]!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("https://deltasdk.dev/schema/v1/plan.schema.json", (string?)schema["$id"]);
        Assert.Contains("formatVersion", schema["required"]!.AsArray().Select(static n => (string?)n));
        Assert.Equal("^[A-Z0-9]+([.-][A-Z0-9]+)*$", (string?)task["properties"]!["code"]!["pattern"]);
        Assert.Equal("^[1-9][0-9]{5}$", (string?)task["properties"]!["regions"]!["items"]!["pattern"]);
        Assert.Equal("date", (string?)schema["properties"]!["startDate"]!["format"]);
        Assert.Equal(["partial", "complete"], schema["properties"]!["catalogueCompleteness"]!["enum"]!.AsArray().Select(static n => (string?)n));
        Assert.Equal("object", (string?)schema["properties"]!["title"]!["type"]);
        Assert.DoesNotContain("extensionData", schema.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024", true)]
    [InlineData("2024-H2", true)]
    [InlineData("2024-Q4", true)]
    [InlineData("2024-12", true)]
    [InlineData("2024-07-25", true)]
    [InlineData("2024-Q5", false)]
    [InlineData("2024-13", false)]
    [InlineData("0999", false)]
    [InlineData("2024-7", false)]
    public void Period_pattern_agrees_with_the_parser(string text, bool valid)
    {
        var pattern = (string)DeltaJson.GetSchema(DeltaDocumentKind.ObservationBatch)["properties"]!["observations"]!["items"]!["properties"]!["period"]!["pattern"]!;

        Assert.Equal(valid, System.Text.RegularExpressions.Regex.IsMatch(text, pattern));
        Assert.Equal(valid, ReportingPeriod.TryParse(text, out _));
    }

    [Fact]
    public void Nullable_enum_members_allow_null_in_their_value_list()
    {
        var source = DeltaJson.GetSchema(DeltaDocumentKind.ProgressReport)["properties"]!["sources"]!["items"]!["properties"]!["confidence"]!;

        Assert.Contains(null, source["enum"]!.AsArray());
    }
}
