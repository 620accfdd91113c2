using System.CommandLine;
using DeltaSdk.Changes;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tool.Changes;

/// <summary>
/// <c>delta diff OLD NEW</c>: compares two plans, or two region tables, with <see cref="PlanDiff"/> and prints the
/// change set as a tree for people or as the canonical change-set document. Exit code 0 when the documents are equal,
/// 1 when they differ (as <c>diff</c> does), 2 when a file cannot be read or is not a plan or region table.
/// </summary>
internal static class DiffCommand
{
    /// <summary>Creates the command.</summary>
    /// <param name="context">Where it reads and writes.</param>
    /// <returns>The command.</returns>
    public static Command Create(ToolContext context)
    {
        var oldFile = new Argument<string>("OLD") { Description = "The earlier document: a plan or a region table in the canonical JSON format." };
        var newFile = new Argument<string>("NEW") { Description = "The later document, of the same kind as OLD." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output: 'tree' for people (changes grouped by entity kind, old → new values), or 'json' for programs (the change-set document, change-set.schema.json, with whole values).",
            DefaultValueFactory = static _ => "tree",
        };
        format.AcceptOnlyFromAmong("tree", "json");
        var language = new Option<string>("--lang") { Description = "Language of the titles shown beside added and removed entities: 'en' or 'zh-Hans'.", DefaultValueFactory = static _ => LocalizedText.English };
        language.AcceptOnlyFromAmong(LocalizedText.English, LocalizedText.SimplifiedChinese);

        var command = new Command(
            "diff",
            "Compare two plans or two region tables (the kind is read from each file): entities added, removed and moved, members changed with old and new values, counts that moved. " +
            "Exit code 0 when they are equal, 1 when they differ, 2 when a file cannot be read.")
        {
            oldFile, newFile, format, language,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var oldPath = parseResult.GetValue(oldFile)!;
            var newPath = parseResult.GetValue(newFile)!;
            var oldDocument = await DiffDocument.ReadAsync(context, oldPath, cancellationToken).ConfigureAwait(false);
            var newDocument = await DiffDocument.ReadAsync(context, newPath, cancellationToken).ConfigureAwait(false);
            var changeSet = Compare(oldDocument, newDocument);

            if (parseResult.GetValue(format) == "json")
            {
                await context.Out.WriteLineAsync(DeltaJson.WriteChangeSet(changeSet)).ConfigureAwait(false);
            }
            else
            {
                ChangeTree.Write(context.Console, changeSet, oldPath, newPath, parseResult.GetValue(language)!);
            }

            return changeSet.IsEmpty ? ExitCodes.Success : ExitCodes.Differences;
        });
        return command;
    }

    private static ChangeSet Compare(DiffDocument oldDocument, DiffDocument newDocument) => (oldDocument.Value, newDocument.Value) switch
    {
        (Plan oldPlan, Plan newPlan) => PlanDiff.Compare(oldPlan, newPlan),
        (RegionTable oldRegions, RegionTable newRegions) => PlanDiff.Compare(oldRegions, newRegions),
        _ => throw new ToolException(
            $"'{oldDocument.File}' is {DiffDocument.Describe(oldDocument.Kind)} and '{newDocument.File}' is {DiffDocument.Describe(newDocument.Kind)}: " +
            "delta diff compares two plans or two region tables."),
    };
}
