using System.Text.Json;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Tests.Infrastructure;

namespace DeltaSdk.Tool.Tests.Schemas;

public sealed class SchemaCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("plan", DeltaDocumentKind.Plan)]
    [InlineData("observation-batch", DeltaDocumentKind.ObservationBatch)]
    public async Task Prints_the_schema_of_the_kind(string kind, DeltaDocumentKind documentKind)
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "schema", kind);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(DeltaJson.GetSchemaUri(documentKind).AbsoluteUri, json.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public async Task Writes_to_a_file()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "schema", "progress-report", "-o", "s.json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("s.json")));
        Assert.Equal(DeltaJson.GetSchemaUri(DeltaDocumentKind.ProgressReport).AbsoluteUri, json.RootElement.GetProperty("$id").GetString());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_usage_error_listing_the_kinds()
    {
        var run = await InProcessTool.RunAsync(_dir.Path, "schema", "plans");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("observation-batch", run.Error, StringComparison.Ordinal);
    }
}
