using System.Globalization;
using DeltaSdk.Changes;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using DeltaSdk.Tool.Tests.Infrastructure;

namespace DeltaSdk.Tool.Tests.Changes;

public sealed class DiffCommandTests : IDisposable
{
    private static readonly Plan Embedded = YangtzeRiverDelta.ActionPlan2024To2026;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_tree_lists_exactly_the_planted_changes_and_exits_1()
    {
        var planted = PlantedPlan.Create(Embedded);
        _dir.Write("old.json", TestFiles.EmbeddedPlanJson());
        _dir.Write("new.json", DeltaJson.WritePlan(planted.Plan));

        var run = await InProcessTool.RunAsync(_dir.Path, "diff", "old.json", "new.json");

        Assert.True(run.ExitCode == ExitCodes.Differences, run.ToString());
        Assert.Contains("Plan: 1 added, 1 removed, 3 changed, 0 moved (old.json → new.json)", run.Output, StringComparison.Ordinal);
        Assert.Contains($"+ {PlantedPlan.AddedCode}  {PlantedPlan.AddedTitle} at $.aspects[1].tasks[{planted.Plan.Aspects[1].Tasks.Length - 1}]", run.Output, StringComparison.Ordinal);
        Assert.Contains($"- {planted.RemovedCode}  {planted.RemovedTitle} at $.aspects[2].tasks[0]", run.Output, StringComparison.Ordinal);
        Assert.Contains($"~ {planted.RenamedCode} at $.aspects[0].tasks[0]", run.Output, StringComparison.Ordinal);
        Assert.Contains(PlantedPlan.RenamedTitle, run.Output, StringComparison.Ordinal);
        Assert.Contains($"notes: {Quoted(Embedded.Notes)} → {Quoted(planted.Plan.Notes)}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"unit: {Quoted(planted.OldUnit)} → \"{PlantedPlan.NewUnit}\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("cataloguedTasks of aspect a2: " + Count(Embedded.Aspects[1].Tasks.Length) + " → " + Count(Embedded.Aspects[1].Tasks.Length + 1) + " (+1)", run.Output, StringComparison.Ordinal);

        // Exactly the planted tasks: no other task of the plan is mentioned.
        var mentioned = Embedded.AllTasks.Select(static t => t.Code.ToString()).Where(code => run.Output.Contains(code, StringComparison.Ordinal)).ToHashSet();
        Assert.Equal([planted.RenamedCode, planted.RemovedCode], mentioned.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_json_is_the_change_set_document_with_exactly_the_planted_changes()
    {
        var planted = PlantedPlan.Create(Embedded);
        _dir.Write("old.json", TestFiles.EmbeddedPlanJson());
        _dir.Write("new.json", DeltaJson.WritePlan(planted.Plan));

        var run = await InProcessTool.RunAsync(_dir.Path, "diff", "old.json", "new.json", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Differences, run.ToString());
        var changeSet = DeltaJson.ReadChangeSet(run.Output);
        Assert.Equal(ChangeSubject.Plan, changeSet.Subject);
        Assert.Equal(
            [
                (ChangeKind.Changed, ChangedEntity.Plan, null, "notes"),
                (ChangeKind.Added, ChangedEntity.Task, PlantedPlan.AddedCode, null),
                (ChangeKind.Changed, ChangedEntity.Task, planted.RenamedCode, "title"),
                (ChangeKind.Removed, ChangedEntity.Task, planted.RemovedCode, null),
                (ChangeKind.Changed, ChangedEntity.Indicator, planted.IndicatorId, "unit"),
            ],
            changeSet.Changes.Select(static c => (c.Kind, c.Entity, c.Key, c.Member)).OrderBy(static c => c.Entity).ThenBy(static c => c.Key, StringComparer.Ordinal));
        Assert.Equal(PlantedPlan.RenamedTitle, changeSet.Changes.Single(static c => c.Member == "title").NewValue!.Value.GetProperty("en").GetString());
        Assert.Equal(PlantedPlan.NewUnit, changeSet.Changes.Single(static c => c.Member == "unit").NewValue!.Value.GetString());
        Assert.Equal(
            [(CountKind.CataloguedTasks, "a2", Embedded.Aspects[1].Tasks.Length, Embedded.Aspects[1].Tasks.Length + 1), (CountKind.CataloguedTasks, "a3", Embedded.Aspects[2].Tasks.Length, Embedded.Aspects[2].Tasks.Length - 1)],
            changeSet.Counts.Select(static c => (c.Count, c.Aspect, c.OldValue, c.NewValue)));
    }

    [Theory]
    [InlineData("tree")]
    [InlineData("json")]
    public async Task Equal_files_exit_0(string format)
    {
        _dir.Write("old.json", TestFiles.EmbeddedPlanJson());

        // The same plan written again, with its members in another indentation: equal documents, not equal bytes.
        _dir.Write("new.json", TestFiles.EmbeddedPlanJson().Replace("\n  ", "\n    ", StringComparison.Ordinal));

        var run = await InProcessTool.RunAsync(_dir.Path, "diff", "old.json", "new.json", "--format", format);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        if (format == "json")
        {
            Assert.True(DeltaJson.ReadChangeSet(run.Output).IsEmpty);
        }
        else
        {
            Assert.Equal("Plan: no changes (old.json → new.json)", run.Output.TrimEnd());
        }
    }

    [Fact]
    public async Task Region_tables_are_recognised_and_compared()
    {
        var regions = YangtzeRiverDelta.Regions;
        var renamed = regions.Regions[0];
        var removed = regions.Regions[^1];
        var modified = regions with
        {
            Regions = regions.Regions.SetItem(0, renamed with { Name = LocalizedText.Create(renamed.Name["zh-Hans"], "Synthetic region name") }).RemoveAt(regions.Regions.Length - 1),
        };
        _dir.Write("old.json", DeltaJson.WriteRegions(regions));
        _dir.Write("new.json", DeltaJson.WriteRegions(modified));

        var run = await InProcessTool.RunAsync(_dir.Path, "diff", "old.json", "new.json", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Differences, run.ToString());
        var changeSet = DeltaJson.ReadChangeSet(run.Output);
        Assert.Equal(ChangeSubject.RegionTable, changeSet.Subject);
        Assert.Equal(
            [
                (ChangeKind.Removed, removed.Code.ToString(), null),
                (ChangeKind.Changed, renamed.Code.ToString(), "name"),
            ],
            changeSet.Changes.Where(static c => c.Entity == ChangedEntity.Region).Select(static c => (c.Kind, c.Key, c.Member)).OrderBy(static c => c.Kind)); // Added, Removed, Changed, Moved
    }

    [Fact]
    public async Task A_malformed_file_exits_2_naming_the_file_line_and_path()
    {
        var declared = "\"declaredTaskCount\": " + Embedded.DeclaredTaskCount!.Value.ToString(CultureInfo.InvariantCulture);
        var json = TestFiles.EmbeddedPlanJson();
        Assert.Contains(declared, json, StringComparison.Ordinal);
        _dir.Write("old.json", json);
        _dir.Write("broken.json", json.Replace(declared, "\"declaredTaskCount\": \"many\"", StringComparison.Ordinal));

        var run = await InProcessTool.RunAsync(_dir.Path, "diff", "old.json", "broken.json");

        Assert.True(run.ExitCode == ExitCodes.UsageOrIo, run.ToString());
        var line = json.Split('\n').TakeWhile(l => !l.Contains(declared, StringComparison.Ordinal)).Count() + 1;
        Assert.Contains($"broken.json:{line.ToString(CultureInfo.InvariantCulture)} at $.declaredTaskCount", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Truncated_json_exits_2_naming_the_file()
    {
        var json = TestFiles.EmbeddedPlanJson();
        _dir.Write("old.json", json);
        _dir.Write("cut.json", json[..(json.Length / 2)]);

        var run = await InProcessTool.RunAsync(_dir.Path, "diff", "cut.json", "old.json");

        Assert.True(run.ExitCode == ExitCodes.UsageOrIo, run.ToString());
        Assert.Contains("cut.json:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_of_different_kinds_or_a_missing_file_exit_2()
    {
        _dir.Write("plan.json", TestFiles.EmbeddedPlanJson());
        _dir.Write("regions.json", DeltaJson.WriteRegions(YangtzeRiverDelta.Regions));
        _dir.Write("observations.json", TestFiles.SyntheticObservationBatchJson(3));

        var mixed = await InProcessTool.RunAsync(_dir.Path, "diff", "plan.json", "regions.json");
        var observations = await InProcessTool.RunAsync(_dir.Path, "diff", "observations.json", "observations.json");
        var missing = await InProcessTool.RunAsync(_dir.Path, "diff", "plan.json", "missing.json");

        Assert.Equal(ExitCodes.UsageOrIo, mixed.ExitCode);
        Assert.Contains("'plan.json' is a plan and 'regions.json' is a region table", mixed.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, observations.ExitCode);
        Assert.Contains("'observations.json' is an observation batch", observations.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrIo, missing.ExitCode);
        Assert.Contains("missing.json", missing.Error, StringComparison.Ordinal);
    }

    private static string Quoted(string? text) => text is null ? "(absent)" : ChangeTreeValue(text);

    private static string ChangeTreeValue(string text) => Tool.Changes.ChangeTree.Value(System.Text.Json.JsonSerializer.SerializeToElement(text));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Synthetic edits of the embedded plan, made by code (none is a fact about the plan): the first task of a1
    /// renamed, a synthetic task added to a2, the first task of a3 removed, the plan's notes extended and the first
    /// indicator's unit changed.
    /// </summary>
    private sealed record PlantedPlan(Plan Plan, string RenamedCode, string RemovedCode, string RemovedTitle, string IndicatorId, string? OldUnit)
    {
        public const string AddedCode = "SYNTHETIC-TOOL-1";
        public const string AddedTitle = "Synthetic task";
        public const string RenamedTitle = "Synthetic renamed title";
        public const string NewUnit = "synthetic-unit";

        public static PlantedPlan Create(Plan plan)
        {
            var aspects = plan.Aspects.ToBuilder();
            var renamed = aspects[0].Tasks[0];
            aspects[0] = aspects[0] with { Tasks = aspects[0].Tasks.SetItem(0, renamed with { Title = LocalizedText.Create(renamed.Title["zh-Hans"], RenamedTitle) }) };
            var added = new KeyTask { Code = TaskCode.Parse(AddedCode), Aspect = aspects[1].Id, Title = LocalizedText.Create("合成任务", AddedTitle) };
            aspects[1] = aspects[1] with { Tasks = aspects[1].Tasks.Add(added) };
            var removed = aspects[2].Tasks[0];
            aspects[2] = aspects[2] with { Tasks = aspects[2].Tasks.RemoveAt(0) };
            var indicator = plan.Indicators[0];
            var modified = plan with
            {
                Notes = plan.Notes + " Synthetic note.",
                Aspects = aspects.ToImmutable(),
                Indicators = plan.Indicators.SetItem(0, indicator with { Unit = NewUnit }),
            };
            return new PlantedPlan(modified, renamed.Code.ToString(), removed.Code.ToString(), removed.Title.Get("en"), indicator.Id.ToString(), indicator.Unit);
        }
    }
}
