using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DeltaSdk.Tool.Tests.Conversion;

public sealed class ConvertCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Observations_json_to_csv_to_json_keep_every_observation()
    {
        var observations = TestFiles.SyntheticObservations(200);
        _dir.Write("in.json", TestFiles.SyntheticObservationBatchJson(200));

        Assert.Equal(ExitCodes.Success, (await InProcessTool.RunAsync(_dir.Path, "convert", "in.json", "mid.csv")).ExitCode);
        var back = await InProcessTool.RunAsync(_dir.Path, "convert", "mid.csv", "out.json");

        Assert.Equal(ExitCodes.Success, back.ExitCode);
        var read = DeltaJson.ReadObservations(await File.ReadAllTextAsync(_dir.File("out.json")));
        Assert.Equal(observations.ToArray(), read.Observations.ToArray());
    }

    [Fact]
    public async Task Observations_csv_to_json_to_csv_is_byte_for_byte_equal()
    {
        _dir.Write("in.json", TestFiles.SyntheticObservationBatchJson(50));
        await InProcessTool.RunAsync(_dir.Path, "convert", "in.json", "first.csv");

        await InProcessTool.RunAsync(_dir.Path, "convert", "first.csv", "mid.json");
        var run = await InProcessTool.RunAsync(_dir.Path, "convert", "mid.json", "second.csv");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(_dir.File("first.csv")), await File.ReadAllBytesAsync(_dir.File("second.csv")));
        var header = (await File.ReadAllLinesAsync(_dir.File("first.csv")))[0];
        Assert.Equal("indicator,region,regionGroup,period,value,qualifier,status,source.title,source.publisher,source.url,source.publishedOn,source.confidence,source.note,notes", header);
    }

    [Fact]
    public async Task A_plan_converts_to_a_task_csv_and_back_to_the_same_tasks()
    {
        _dir.Write("plan.json", TestFiles.EmbeddedPlanJson());

        await InProcessTool.RunAsync(_dir.Path, "convert", "plan.json", "tasks.csv");
        var toJson = await InProcessTool.RunAsync(_dir.Path, "convert", "tasks.csv", "tasks.json");
        var toCsv = await InProcessTool.RunAsync(_dir.Path, "convert", "tasks.json", "tasks2.csv");

        Assert.Equal(ExitCodes.Success, toJson.ExitCode);
        Assert.Equal(ExitCodes.Success, toCsv.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(_dir.File("tasks.csv")), await File.ReadAllBytesAsync(_dir.File("tasks2.csv")));
        var expected = YangtzeRiverDelta.ActionPlan2024To2026.AllTasks.Select(t => JsonSerializerFor(t)).ToList();
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("tasks.json")));
        var actual = document.RootElement.EnumerateArray().Select(e => e.GetRawText()).Select(Normalize).ToList();
        Assert.Equal(expected.Select(Normalize), actual);
    }

    [Fact]
    public async Task Xlsx_export_has_a_header_and_one_row_per_observation_with_numeric_values()
    {
        var observations = TestFiles.SyntheticObservations(30);
        _dir.Write("in.json", TestFiles.SyntheticObservationBatchJson(30));

        var run = await InProcessTool.RunAsync(_dir.Path, "convert", "in.json", "out.xlsx");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var document = SpreadsheetDocument.Open(_dir.File("out.xlsx"), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Observations", sheet.Name!.Value);
        var rows = ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(31, rows.Count);
        Assert.Equal("indicator", rows[0].Elements<Cell>().First().InnerText);
        var valueCell = rows[5].Elements<Cell>().Single(c => c.CellReference!.Value == "E6");
        Assert.Equal(CellValues.Number, valueCell.DataType!.Value);
        Assert.Equal(observations[4].Value, double.Parse(valueCell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Task_xlsx_export_has_one_row_per_task()
    {
        _dir.Write("plan.json", TestFiles.EmbeddedPlanJson());

        var run = await InProcessTool.RunAsync(_dir.Path, "convert", "plan.json", "tasks.xlsx");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var document = SpreadsheetDocument.Open(_dir.File("tasks.xlsx"), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count();
        Assert.Equal(YangtzeRiverDelta.ActionPlan2024To2026.CataloguedTaskCount + 1, rows);
    }

    [Fact]
    public async Task A_bad_csv_cell_names_the_file_line_and_column_and_leaves_no_output()
    {
        _dir.Write("bad.csv", "indicator,period,value\nsynthetic-indicator,2024,1.5\nsynthetic-indicator,2024-Q5,2\n");

        var run = await InProcessTool.RunAsync(_dir.Path, "convert", "bad.csv", "out.json");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("bad.csv:3, column 'period'", run.Error, StringComparison.Ordinal);
        Assert.Contains("2024-Q5", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("out.json")));
        Assert.False(File.Exists(_dir.File("out.json.partial")));
    }

    [Fact]
    public async Task An_unknown_csv_column_is_named_with_the_accepted_ones()
    {
        _dir.Write("bad.csv", "indicator,period,value,colour\nsynthetic-indicator,2024,1,red\n");

        var run = await InProcessTool.RunAsync(_dir.Path, "convert", "bad.csv", "out.json");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("unknown column 'colour'", run.Error, StringComparison.Ordinal);
        Assert.Contains("regionGroup", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_json_names_the_file_line_and_path()
    {
        var json = TestFiles.SyntheticObservationBatchJson(3).Replace("\"value\": -7.25", "\"value\": \"many\"", StringComparison.Ordinal);
        Assert.Contains("\"many\"", json, StringComparison.Ordinal);
        _dir.Write("bad.json", json);

        var run = await InProcessTool.RunAsync(_dir.Path, "convert", "bad.json", "out.csv");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Matches(@"bad\.json:\d+ at \$\.observations\[0\]\.value", run.Error);
        Assert.False(File.Exists(_dir.File("out.csv")));
    }

    [Fact]
    public async Task Same_format_in_and_out_is_a_usage_error()
    {
        _dir.Write("a.csv", "indicator,period,value\n");

        var run = await InProcessTool.RunAsync(_dir.Path, "convert", "a.csv", "b.csv");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("both CSV", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_exits_130_and_leaves_no_output()
    {
        _dir.Write("in.json", TestFiles.SyntheticObservationBatchJson(20_000));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var run = await InProcessTool.RunAsync(_dir.Path, ["convert", "in.json", "out.csv"], cancellationToken: cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.False(File.Exists(_dir.File("out.csv")));
        Assert.False(File.Exists(_dir.File("out.csv.partial")));
    }

    [Fact]
    public async Task Plan_id_is_written_into_the_batch()
    {
        _dir.Write("in.csv", "indicator,period,value\nsynthetic-indicator,2024,1\n");

        await InProcessTool.RunAsync(_dir.Path, "convert", "in.csv", "out.json", "--plan-id", "synthetic-plan");

        Assert.Equal(PlanId.Parse("synthetic-plan"), DeltaJson.ReadObservations(await File.ReadAllTextAsync(_dir.File("out.json"))).Plan);
    }

    private static string JsonSerializerFor(KeyTask task)
        => System.Text.Json.JsonSerializer.Serialize(task, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<KeyTask>)DeltaJson.Options.GetTypeInfo(typeof(KeyTask)));

    private static string Normalize(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
