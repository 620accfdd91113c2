using System.CommandLine;
using System.Text.Json;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tool.Schemas;

/// <summary><c>delta schema KIND</c>: prints the JSON Schema of a document kind (<see cref="DeltaJson.GetSchema"/>).</summary>
internal static class SchemaCommand
{
    private static readonly Dictionary<string, DeltaDocumentKind> Kinds = new(StringComparer.Ordinal)
    {
        ["plan"] = DeltaDocumentKind.Plan,
        ["region-table"] = DeltaDocumentKind.RegionTable,
        ["observation-batch"] = DeltaDocumentKind.ObservationBatch,
        ["progress-report"] = DeltaDocumentKind.ProgressReport,
    };

    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(ToolContext context)
    {
        var kind = new Argument<string>("KIND") { Description = "The document kind: plan, region-table, observation-batch or progress-report." };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var output = new Option<string>("--output", "-o") { Description = "Write the schema to this file instead of standard output." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of a document kind of the canonical format.") { kind, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var schema = DeltaJson.GetSchema(Kinds[parseResult.GetValue(kind)!]).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            if (parseResult.GetValue(output) is { } path)
            {
                try
                {
                    await File.WriteAllTextAsync(context.Resolve(path), schema + Environment.NewLine, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new ToolException($"Cannot write '{path}': {exception.Message} Check that the directory exists and is writable.", exception);
                }
            }
            else
            {
                await context.Out.WriteLineAsync(schema).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
