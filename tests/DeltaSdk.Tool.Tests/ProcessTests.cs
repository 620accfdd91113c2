using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DeltaSdk.Tool.Tests.Infrastructure;

namespace DeltaSdk.Tool.Tests;

/// <summary>The tool as a separate process, with redirected streams, as scripts and CI jobs run it.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Validate_exits_1_on_errors_and_writes_no_colour_codes_when_redirected()
    {
        _dir.Write("bad.json", TestFiles.PlanWithDuplicateTaskCode());

        var run = await ProcessTool.RunAsync(_dir.Path, ["validate", "bad.json"]);

        Assert.Equal(ExitCodes.Findings, run.ExitCode);
        Assert.Contains("DLT1011", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Output + run.Error);
    }

    [Fact]
    public async Task Validate_reads_standard_input_and_writes_sarif()
    {
        var run = await ProcessTool.RunAsync(_dir.Path, ["validate", "-", "--format", "sarif"], standardInput: TestFiles.EmbeddedPlanJson());

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Convert_round_trips_through_csv()
    {
        _dir.Write("in.json", TestFiles.SyntheticObservationBatchJson(100));

        var toCsv = await ProcessTool.RunAsync(_dir.Path, ["convert", "in.json", "out.csv"]);
        var toJson = await ProcessTool.RunAsync(_dir.Path, ["convert", "out.csv", "out.json"]);

        Assert.Equal(ExitCodes.Success, toCsv.ExitCode);
        Assert.Equal(ExitCodes.Success, toJson.ExitCode);
        Assert.Equal(TestFiles.SyntheticObservations(100).ToArray(), Serialization.DeltaJson.ReadObservations(await File.ReadAllTextAsync(_dir.File("out.json"))).Observations.ToArray());
    }

    [Fact]
    public async Task Diff_exits_1_with_the_change_set_when_plans_differ_and_0_when_they_are_equal()
    {
        var plan = Data.YangtzeRiverDelta.ActionPlan2024To2026;
        _dir.Write("old.json", TestFiles.EmbeddedPlanJson());
        _dir.Write("new.json", Serialization.DeltaJson.WritePlan(plan with { Notes = plan.Notes + " Synthetic note." }));

        var differ = await ProcessTool.RunAsync(_dir.Path, ["diff", "old.json", "new.json", "--format", "json"]);
        var same = await ProcessTool.RunAsync(_dir.Path, ["diff", "old.json", "old.json"]);

        Assert.True(differ.ExitCode == ExitCodes.Differences, differ.ToString());
        var change = Assert.Single(Serialization.DeltaJson.ReadChangeSet(differ.Output).Changes);
        Assert.Equal("$.notes", change.Path);
        Assert.True(same.ExitCode == ExitCodes.Success, same.ToString());
        Assert.DoesNotContain('\u001b', same.Output);
    }

    [Fact]
    public async Task Usage_errors_exit_2_on_standard_error_without_a_stack_trace()
    {
        var run = await ProcessTool.RunAsync(_dir.Path, ["convert", "missing.json", "out.csv"]);

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("missing.json", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Status_writes_an_analysis_document_and_exits_2_on_a_bad_file()
    {
        _dir.Write("progress.json", SyntheticStatusInputs.ArrayJson(SyntheticStatusInputs.ProgressReports()));
        _dir.Write("observations.json", Serialization.DeltaJson.WriteObservations(SyntheticStatusInputs.Observations()));
        _dir.Write("bad.json", "[{\"plan\": ");

        var good = await ProcessTool.RunAsync(_dir.Path, ["status", "--progress", "progress.json", "--observations", "observations.json", "--region", "320000", "--as-of", "2025-06-30", "--format", "json"]);
        var table = await ProcessTool.RunAsync(_dir.Path, ["status", "--progress", "progress.json", "--as-of", "2025-06-30"]);
        var bad = await ProcessTool.RunAsync(_dir.Path, ["status", "--progress", "bad.json"]);

        Assert.True(good.ExitCode == ExitCodes.Success, good.ToString());
        var document = Serialization.AnalysisJson.Read(good.Output);
        var expected = new Analytics.ProgressRollup(Data.YangtzeRiverDelta.Index, Analytics.ProgressLedger.Create(SyntheticStatusInputs.ProgressReports()))
            .Summarize(SyntheticStatusInputs.AsOf, SyntheticStatusInputs.Jiangsu);
        Assert.Equal(expected.Overall, document.Progress!.Overall);
        Assert.Equal(expected.Tasks.ToArray(), document.Progress.Tasks.ToArray());
        Assert.NotEmpty(document.IndicatorStatuses);
        Assert.True(table.ExitCode == ExitCodes.Success, table.ToString());
        Assert.Contains("| All aspects", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', table.Output + table.Error);
        Assert.Equal(ExitCodes.UsageOrIo, bad.ExitCode);
        Assert.StartsWith("error: bad.json:", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.Error, StringComparison.Ordinal);
        Assert.Empty(bad.Output);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await ProcessTool.RunAsync(_dir.Path, ["--help"]);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        foreach (var command in new[] { "validate", "schema", "show", "convert", "diff", "pull", "status" })
        {
            Assert.Contains(command, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("delta", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_stops_a_pull_cleanly_with_exit_code_130()
    {
        // A server that accepts the connection and never answers keeps the pull waiting until it is interrupted.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var process = ProcessTool.Start(_dir.Path, ["pull", "--server", $"http://127.0.0.1:{port}", "-o", "out"]);
        var error = process.StandardError.ReadToEndAsync();
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // SIGINT is what Ctrl+C sends; .NET raises Console.CancelKeyPress for it.
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExitCodes.Cancelled, process.ExitCode);
        Assert.Contains("Cancelled.", await error, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(_dir.File("out")) ? Directory.GetFiles(_dir.File("out")) : []);
    }
}
