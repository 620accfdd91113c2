using System.Text;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Serialization;

/// <summary>Each class of bad input raises a DeltaFormatException with the exact path and a message that says what was found and expected.</summary>
public sealed class DeltaJsonErrorTests
{
    private const string Header = "{\"$schema\": \"https://deltasdk.dev/schema/v1/plan.schema.json\", \"formatVersion\": \"1.0\", ";
    private const string Minimal = "\"id\": \"p\", \"title\": {\"en\": \"P\"}, \"startDate\": \"2024-01-01\", \"endDate\": \"2026-12-31\"";

    private static string PlanWith(string members) => Header + Minimal + (members.Length > 0 ? ", " + members : string.Empty) + "}";

    private static string TaskList(string secondTask) =>
        PlanWith("\"aspects\": [{\"id\": \"a1\", \"ordinal\": 1, \"name\": {\"en\": \"A\"}, \"tasks\": [{\"code\": \"T-1\", \"title\": {\"en\": \"T\"}}, " + secondTask + "]}]");

    public static TheoryData<string, string, string[]> BadPlans => new()
    {
        { "malformed JSON", Header + Minimal + ", \"notes\": \"x\" \"more\": 1}", ["not well-formed JSON", "','"] },
        { "truncated", Header + Minimal, ["not well-formed JSON"] },
        { "wrong token for a string", PlanWith("\"notes\": 5"), ["Found the number 5", "expected a string"] },
        { "wrong token for a number", TaskList("{\"code\": \"T-2\", \"title\": {}}").Replace("\"ordinal\": 1", "\"ordinal\": \"1\"", StringComparison.Ordinal), ["Found the string '1'", "whole number"] },
        { "wrong token for an array", PlanWith("\"aspects\": {}"), ["Found an object", "expected an array of aspect objects"] },
        { "wrong token for an object", PlanWith("\"aspects\": [[]]"), ["Found an array", "expected an aspect object"] },
        { "null for a required member", Header + Minimal.Replace("{\"en\": \"P\"}", "null", StringComparison.Ordinal) + "}", ["Found null", "language tag"] },
        { "fraction for a whole number", PlanWith("\"declaredTaskCount\": 16.5"), ["Found the number 16.5", "whole number"] },
        { "unknown enum value", PlanWith("\"catalogueCompleteness\": \"total\""), ["Found the string 'total'", "\"partial\", \"complete\""] },
        { "enum as a number", PlanWith("\"catalogueCompleteness\": 1"), ["Found the number 1", "\"partial\""] },
        { "invalid identifier in an array item", TaskList("{\"code\": \"t 2\", \"title\": {\"en\": \"T\"}}"), ["'t 2' is not a valid task code"] },
        { "invalid region code", TaskList("{\"code\": \"T-2\", \"title\": {\"en\": \"T\"}, \"regions\": [\"310000\", \"31000\"]}"), ["'31000' is not a valid region code"] },
        { "invalid date", PlanWith("\"announcedOn\": \"2024-02-30\""), ["Found the string '2024-02-30'", "not a date", "2024-07-25"] },
        { "date in another form", PlanWith("\"announcedOn\": \"25/07/2024\""), ["'25/07/2024'", "not a date"] },
        { "invalid period", PlanWith("\"indicators\": [{\"id\": \"i\", \"name\": {\"en\": \"I\"}, \"unit\": \"km\", \"targets\": [{\"period\": \"2024-Q5\", \"value\": 1}]}]"), ["'2024-Q5' is not a valid reporting period"] },
        { "invalid language tag", PlanWith("\"notes\": \"n\"").Replace("{\"en\": \"P\"}", "{\"en\": \"P\", \"not a tag\": \"x\"}", StringComparison.Ordinal), ["'not a tag' is not a BCP 47 language tag"] },
        { "duplicate language tag", Header + Minimal.Replace("{\"en\": \"P\"}", "{\"en\": \"P\", \"EN\": \"Q\"}", StringComparison.Ordinal) + "}", ["'EN' appears twice"] },
        { "duplicate property", PlanWith("\"notes\": \"a\", \"notes\": \"b\""), ["\"notes\" appears twice"] },
        { "missing required member", TaskList("{\"code\": \"T-2\"}"), ["has no \"title\""] },
        { "missing format version", "{" + Minimal + "}", ["no \"formatVersion\"", "1.0"] },
        { "newer major format version", Header.Replace("1.0", "2.0", StringComparison.Ordinal) + Minimal + "}", ["format version 2.0", "newer"] },
        { "malformed format version", Header.Replace("1.0", "one", StringComparison.Ordinal) + Minimal + "}", ["'one'", "major.minor"] },
        { "format version as a number", Header.Replace("\"1.0\"", "1.0", StringComparison.Ordinal) + Minimal + "}", ["Found the number 1.0"] },
        { "document of another kind", Header.Replace("plan.schema", "region-table.schema", StringComparison.Ordinal) + Minimal + "}", ["region table document", "expected a plan document"] },
        { "null document", "null", ["Found null", "plan object"] },
        { "array document", "[]", ["Found an array", "plan object"] },
        { "empty document", "  ", ["empty"] },
    };

    public static TheoryData<string, string> ExpectedPaths => new()
    {
        { "malformed JSON", "$.notes" },
        { "truncated", "$.endDate" },
        { "wrong token for a string", "$.notes" },
        { "wrong token for a number", "$.aspects[0].ordinal" },
        { "wrong token for an array", "$.aspects" },
        { "wrong token for an object", "$.aspects[0]" },
        { "null for a required member", "$.title" },
        { "fraction for a whole number", "$.declaredTaskCount" },
        { "unknown enum value", "$.catalogueCompleteness" },
        { "enum as a number", "$.catalogueCompleteness" },
        { "invalid identifier in an array item", "$.aspects[0].tasks[1].code" },
        { "invalid region code", "$.aspects[0].tasks[1].regions[1]" },
        { "invalid date", "$.announcedOn" },
        { "date in another form", "$.announcedOn" },
        { "invalid period", "$.indicators[0].targets[0].period" },
        { "invalid language tag", "$.title['not a tag']" },
        { "duplicate language tag", "$.title.EN" },
        { "duplicate property", "$.notes" },
        { "missing required member", "$.aspects[0].tasks[1].title" },
        { "missing format version", "$.formatVersion" },
        { "newer major format version", "$.formatVersion" },
        { "malformed format version", "$.formatVersion" },
        { "format version as a number", "$.formatVersion" },
        { "document of another kind", "$.$schema" },
        { "null document", "$" },
        { "array document", "$" },
        { "empty document", "$" },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public void Bad_input_raises_DeltaFormatException_with_the_exact_path_and_a_message_naming_found_and_expected(string what, string json, string[] messageParts)
    {
        var expectedPath = ExpectedPaths.Single(row => (string)row[0] == what)[1];

        var exception = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(json));

        Assert.Equal(expectedPath, exception.Path);
        foreach (var part in messageParts)
        {
            Assert.Contains(part, exception.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("could not be converted", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber:", exception.Message, StringComparison.Ordinal);
        Assert.NotNull(exception.LineNumber);
        Assert.NotNull(exception.BytePositionInLine);
    }

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task The_same_errors_come_from_bytes_and_streams(string what, string json, string[] messageParts)
    {
        _ = messageParts;
        var fromString = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(json));
        var fromBytes = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(Encoding.UTF8.GetBytes(json)));
        var fromStream = await Assert.ThrowsAsync<DeltaFormatException>(() => DeltaJson.ReadPlanAsync(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal((fromString.Path, fromString.Message), (fromBytes.Path, fromBytes.Message));
        Assert.True((fromString.Path, fromString.Message) == (fromStream.Path, fromStream.Message), what);
    }

    [Fact]
    public void Line_and_byte_position_point_at_the_start_of_the_offending_value()
    {
        var json = PlanWith("\"notes\": \"n\"").Replace("\"startDate\": \"2024-01-01\"", "\n  \"startDate\": \"2024-01-32\"", StringComparison.Ordinal);

        var exception = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(json));

        Assert.Equal("$.startDate", exception.Path);
        Assert.Equal(1, exception.LineNumber);
        Assert.Equal("  \"startDate\": ".Length, exception.BytePositionInLine);
    }

    [Fact]
    public void Strict_mode_rejects_unknown_properties_with_their_path_lenient_mode_keeps_them()
    {
        var json = TaskList("{\"code\": \"T-2\", \"title\": {\"en\": \"T\"}, \"priority\": \"high\"}");

        var exception = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(json, DeltaJsonReaderOptions.StrictDefault));
        var lenient = DeltaJson.ReadPlan(json);

        Assert.Equal("$.aspects[0].tasks[1].priority", exception.Path);
        Assert.Contains("\"priority\" is not part of a key task object", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"leadAgencies\"", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("extensionData", exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("high", lenient.Aspects[0].Tasks[1].ExtensionData!["priority"].GetString());
    }

    [Fact]
    public void Strict_mode_rejects_unknown_top_level_properties()
    {
        var exception = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(PlanWith("\"extra\": true"), DeltaJsonReaderOptions.StrictDefault));

        Assert.Equal("$.extra", exception.Path);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_at_the_level_that_crosses_it()
    {
        var deep = TaskList("{\"code\": \"T-2\", \"title\": {\"en\": \"T\"}, \"sources\": [{\"title\": \"s\"}]}");
        var options = DeltaJsonReaderOptions.Default with { MaxDepth = 6 };

        var exception = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(deep, options));
        var withRoom = DeltaJson.ReadPlan(deep, options with { MaxDepth = 7 });

        Assert.Equal("$.aspects[0].tasks[1].sources[0]", exception.Path);
        Assert.Contains("7 levels deep", exception.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 6", exception.Message, StringComparison.Ordinal);
        Assert.Equal("s", withRoom.Aspects[0].Tasks[1].Sources[0].Title);
    }

    [Fact]
    public async Task Documents_over_the_size_limit_are_refused_before_parsing_from_every_input()
    {
        var json = PlanWith("\"notes\": \"" + new string('x', 2000) + "\"");
        var options = DeltaJsonReaderOptions.Default with { MaxDocumentBytes = 1000 };

        var fromString = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(json, options));
        var fromBytes = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadPlan(Encoding.UTF8.GetBytes(json), options));
        var fromStream = await Assert.ThrowsAsync<DeltaFormatException>(() => DeltaJson.ReadPlanAsync(new NonSeekableStream(Encoding.UTF8.GetBytes(json)), options));

        Assert.All([fromString, fromBytes, fromStream], static e => Assert.Equal("$", e.Path));
        Assert.Contains("1,000 bytes", fromBytes.Message, StringComparison.Ordinal);
        Assert.Contains("MaxDocumentBytes", fromStream.Message, StringComparison.Ordinal);
        Assert.Equal("x", DeltaJson.ReadPlan(PlanWith("\"notes\": \"x\""), options).Notes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Reader_options_refuse_depths_out_of_range(int depth)
        => Assert.Throws<ArgumentOutOfRangeException>(() => DeltaJsonReaderOptions.Default with { MaxDepth = depth });

    [Fact]
    public void Other_documents_report_errors_with_their_paths()
    {
        var regions = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadRegions("{\"formatVersion\": \"1.2\", \"regions\": [{\"code\": \"310000\", \"name\": {\"en\": \"S\"}, \"level\": \"planet\"}]}"));
        var report = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadProgressReport("{\"formatVersion\": \"1.0\", \"plan\": \"p\", \"task\": \"T-1\", \"reportedOn\": \"2025-01-01\", \"status\": \"completed\", \"recordedAt\": \"yesterday\"}"));
        var batch = Assert.Throws<DeltaFormatException>(() => DeltaJson.ReadObservations("{\"formatVersion\": \"1.0\", \"observations\": [{\"indicator\": \"i\", \"period\": \"2024\", \"value\": \"many\"}]}"));

        Assert.Equal("$.regions[0].level", regions.Path);
        Assert.Contains("\"countyLevelCity\"", regions.Message, StringComparison.Ordinal);
        Assert.Equal("$.recordedAt", report.Path);
        Assert.Contains("UTC timestamp", report.Message, StringComparison.Ordinal);
        Assert.Equal("$.observations[0].value", batch.Path);
        Assert.Contains("Found the string 'many', expected a number", batch.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that cannot seek, so the size limit must be enforced while reading.</summary>
    internal sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
