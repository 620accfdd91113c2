using System.Text.Json;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Tests.Infrastructure;

namespace DeltaSdk.Tool.Tests.Validation;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_valid_plan_exits_0_and_says_valid()
    {
        _dir.Write("plan.json", TestFiles.EmbeddedPlanJson());

        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "plan.json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("plan.json (plan): valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_with_errors_exits_1_with_a_table_naming_the_code_line_and_path()
    {
        _dir.Write("bad.json", TestFiles.PlanWithMalformedTaskCode());
        var expected = new DeltaSdk.Validation.DeltaValidator().ValidateJson(TestFiles.PlanWithMalformedTaskCode(), null, YangtzeRiverDelta.Regions).Diagnostics.First(d => d.Code == "DLT1006");

        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "bad.json");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("bad.json (plan): not valid", run.Output, StringComparison.Ordinal);
        var row = run.Output.Split('\n').Single(l => l.Contains("DLT1006", StringComparison.Ordinal));
        Assert.Contains(" " + (expected.LineNumber!.Value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", row, StringComparison.Ordinal);
        Assert.Contains(expected.Path, row, StringComparison.Ordinal);
        Assert.Contains("yrd 1", row, StringComparison.Ordinal);
        Assert.Contains("docs/rules/", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_format_has_the_documented_stable_shape()
    {
        _dir.Write("bad.json", TestFiles.PlanWithMalformedTaskCode());
        _dir.Write("dup.json", TestFiles.PlanWithDuplicateTaskCode());
        _dir.Write("good.json", TestFiles.EmbeddedPlanJson());

        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "bad.json", "dup.json", "good.json", "--format", "json");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.False(root.GetProperty("valid").GetBoolean());
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["bad.json", "dup.json", "good.json"], files.Select(f => f.GetProperty("file").GetString()));
        Assert.Equal("plan", files[0].GetProperty("documentKind").GetString());
        Assert.True(files[2].GetProperty("valid").GetBoolean());
        var malformed = files[0].GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "DLT1006");
        Assert.Equal("error", malformed.GetProperty("severity").GetString());
        Assert.Equal("$.aspects[0].tasks[0].code", malformed.GetProperty("path").GetString());
        Assert.True(malformed.GetProperty("line").GetInt64() > 1);
        Assert.Contains("yrd 1", malformed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("DLT1006.md", malformed.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        var duplicate = files[1].GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "DLT1011");
        Assert.StartsWith("$.aspects[0].tasks[1]", duplicate.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(duplicate.GetProperty("message").GetString()));
        Assert.Equal(root.GetProperty("errorCount").GetInt32(), files.Sum(f => f.GetProperty("errorCount").GetInt32()));
    }

    [Fact]
    public async Task Sarif_format_is_a_SARIF_2_1_0_log_locating_each_result_by_file_and_line()
    {
        _dir.Write("data/bad plan.json", TestFiles.PlanWithMalformedTaskCode());

        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "data/bad plan.json", "--format", "sarif");

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var sarifRun = json.RootElement.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        var result = sarifRun.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "DLT1006");
        Assert.Equal("DLT1006", rules[result.GetProperty("ruleIndex").GetInt32()]);
        Assert.Equal("error", result.GetProperty("level").GetString());
        var location = result.GetProperty("locations")[0];
        Assert.Equal("data/bad%20plan.json", location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.True(location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() > 1);
        Assert.Equal("$.aspects[0].tasks[0].code", location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Fact]
    public async Task Globs_are_expanded_by_the_tool()
    {
        _dir.Write("in/a.json", TestFiles.EmbeddedPlanJson());
        _dir.Write("in/sub/b.json", TestFiles.SyntheticObservationBatchJson(3));
        _dir.Write("in/c.txt", "not json");

        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "in/**/*.json", "--format", "json", "--no-embedded");

        using var json = JsonDocument.Parse(run.Output);
        var names = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("file").GetString()!.Replace('\\', '/')).ToList();
        Assert.Equal(["in/a.json", "in/sub/b.json"], names);
    }

    [Fact]
    public async Task A_glob_that_matches_nothing_is_a_usage_error()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "*.json");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("No file matches '*.json'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dash_reads_standard_input()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, ["validate", "-", "--format", "json"], standardInput: TestFiles.PlanWithDuplicateTaskCode());

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("<stdin>", json.RootElement.GetProperty("files")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task A_missing_file_exits_2_naming_it_and_still_validates_the_others()
    {
        _dir.Write("good.json", TestFiles.EmbeddedPlanJson());

        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "good.json", "missing.json", "--format", "json");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var files = json.RootElement.GetProperty("files");
        Assert.True(files[0].GetProperty("valid").GetBoolean());
        Assert.Contains("missing.json", files[1].GetProperty("readError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_reference_plan_is_a_usage_error_naming_the_file_and_the_option()
    {
        _dir.Write("obs.json", TestFiles.SyntheticObservationBatchJson(2));
        _dir.Write("ref.json", "{ \"id\": 5 }");

        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "obs.json", "--plan", "ref.json");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("ref.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("--plan", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_are_checked_against_the_given_plan()
    {
        // The synthetic indicator is in no plan: against the embedded plan it is an unknown indicator.
        _dir.Write("obs.json", TestFiles.SyntheticObservationBatchJson(2));

        var withPlan = await InProcessTool.RunAsync(_dir.Path, "validate", "obs.json", "--format", "json");
        var without = await InProcessTool.RunAsync(_dir.Path, "validate", "obs.json", "--format", "json", "--no-embedded");

        Assert.Contains("\"DLT2006\"", withPlan.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"DLT2006\"", without.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_point_to_help()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "validate", "x.json", "--format", "xml");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("xml", run.Error, StringComparison.Ordinal);
        Assert.Contains("delta validate --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_and_option_has_help_text()
    {
        var root = DeltaCli.CreateRootCommand(ToolContextForHelp());
        foreach (var command in root.Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), command.Name);
            foreach (var option in command.Options)
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{command.Name} {option.Name}");
            }

            foreach (var argument in command.Arguments)
            {
                Assert.False(string.IsNullOrWhiteSpace(argument.Description), $"{command.Name} {argument.Name}");
            }

            var help = await InProcessTool.RunAsync(_dir.Path, command.Name, "--help");
            Assert.Equal(ExitCodes.Success, help.ExitCode);
            Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);
            Assert.Contains(command.Description!, help.Output, StringComparison.Ordinal);
        }
    }

    private static ToolContext ToolContextForHelp() => new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        Console = ToolContext.CreateConsole(TextWriter.Null, false, true),
        ErrorConsole = ToolContext.CreateConsole(TextWriter.Null, false, true),
        OpenStandardInput = () => Stream.Null,
        GetEnvironmentVariable = _ => null,
        WorkingDirectory = Path.GetTempPath(),
    };
}
