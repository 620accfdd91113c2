using DeltaSdk.Samples.Validate;

namespace DeltaSdk.Samples.Tests.Validate;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly List<string> _temporaryFiles = [];

    public void Dispose()
    {
        foreach (var file in _temporaryFiles)
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_good_example_is_valid_and_prints_no_diagnostics()
    {
        var (exitCode, output) = await Run(Example("synthetic-plan-good.json"));

        Assert.Equal(ValidateCommand.Valid, exitCode);
        Assert.StartsWith("synthetic-plan-good.json: plan", output, StringComparison.Ordinal);
        Assert.DoesNotContain("DLT", output.Replace("docs/rules/<code>", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Valid (0 warnings, 0 information).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bad_plan_fails_with_its_diagnostics_grouped_errors_then_warnings_then_information()
    {
        var (exitCode, output) = await Run(Example("synthetic-plan-bad.json"));

        Assert.Equal(ValidateCommand.Invalid, exitCode);
        var errors = output.IndexOf("Errors (5)", StringComparison.Ordinal);
        var warnings = output.IndexOf("Warnings (2)", StringComparison.Ordinal);
        var information = output.IndexOf("Information (1)", StringComparison.Ordinal);
        Assert.True(errors > 0 && warnings > errors && information > warnings, output);
        foreach (var code in new[] { "DLT1011", "DLT2005", "DLT3002", "DLT2003", "DLT6002" })
        {
            var at = output.IndexOf("  " + code + "  ", StringComparison.Ordinal);
            Assert.True(at > errors && at < warnings, $"{code} is not listed under Errors:\n{output}");
        }

        Assert.InRange(output.IndexOf("  DLT7001  $.aspects[0].tasks[1].sources", StringComparison.Ordinal), warnings, information);
        Assert.InRange(output.IndexOf("  DLT5001  $.declaredTaskCount", StringComparison.Ordinal), information, output.Length);
        Assert.Contains("Not valid: 5 errors, 2 warnings, 1 information.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bad_report_is_checked_against_the_embedded_plan_and_messages_can_be_Chinese()
    {
        var (exitCode, output) = await Run(Example("synthetic-progress-report-bad.json"), "--lang", "zh-Hans");

        Assert.Equal(ValidateCommand.Invalid, exitCode);
        Assert.Contains("synthetic-progress-report-bad.json: progress report", output, StringComparison.Ordinal);
        Assert.Contains("已完成任务报告的进度为 90%；已完成即为 100%。", output, StringComparison.Ordinal);
        Assert.Contains("DLT2005  $.reportedBy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_is_reported_with_its_line()
    {
        var (exitCode, output) = await Run(Temporary("{\n  \"startDate\": \"2024-01-01\",\n  \"aspects\": [,]\n}"));

        Assert.Equal(ValidateCommand.Invalid, exitCode);
        Assert.Contains("DLT1001  $.aspects (line 3)", output, StringComparison.Ordinal);
        Assert.Contains("not recognised as a DeltaSdk document", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--lang")]
    [InlineData("a.json", "b.json")]
    [InlineData("a.json", "--colour", "blue")]
    [InlineData("a.json", "--no-embedded")]
    [InlineData("--help")]
    public async Task A_wrong_command_line_prints_the_usage(params string[] args)
    {
        var (exitCode, output) = await Run(args);

        Assert.Equal(ValidateCommand.Usage, exitCode);
        Assert.Contains("Usage: DeltaSdk.Samples.Validate <file.json>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_or_a_bad_language_is_a_usage_error()
    {
        var (missing, missingOutput) = await Run(Path.Combine(Path.GetTempPath(), "synthetic-does-not-exist.json"));
        var (language, _) = await Run(Example("synthetic-plan-good.json"), "--lang", "not a tag");

        Assert.Equal(ValidateCommand.Usage, missing);
        Assert.Contains("Cannot read", missingOutput, StringComparison.Ordinal);
        Assert.Equal(ValidateCommand.Usage, language);
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        using var writer = new StringWriter();
        var exitCode = await ValidateCommand.RunAsync(args, writer);
        return (exitCode, writer.ToString().ReplaceLineEndings("\n"));
    }

    private static string Example(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "DeltaSdk.Samples.Validate", "examples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Example {name} not found above the test output directory.");
    }

    private string Temporary(string json)
    {
        var file = Path.Combine(Path.GetTempPath(), $"synthetic-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, json);
        _temporaryFiles.Add(file);
        return file;
    }
}
