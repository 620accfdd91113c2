using System.Text.Json;
using DeltaSdk.Changes;
using DeltaSdk.Data;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Changes;

public sealed class PlanDiffTests
{
    private static readonly Plan Embedded = YangtzeRiverDelta.ActionPlan2024To2026;

    [Fact]
    public void Embedded_plan_against_a_modified_copy_lists_exactly_the_planted_changes()
    {
        var modified = PlantedChanges.Apply(Embedded);

        var diff = PlanDiff.Compare(Embedded, modified);

        Assert.Equal(ChangeSubject.Plan, diff.Subject);
        Assert.Equal(
            [
                (ChangeKind.Changed, ChangedEntity.Plan, null, "notes", "$.notes", null),
                (ChangeKind.Changed, ChangedEntity.Aspect, "a4", "declaredTaskCount", "$.aspects[3].declaredTaskCount", null),
                (ChangeKind.Added, ChangedEntity.Task, "SYNTHETIC-1", null, "$.aspects[1].tasks[4]", null),
                (ChangeKind.Changed, ChangedEntity.Task, "YRD-1-02", "title", "$.aspects[0].tasks[1].title", null),
                (ChangeKind.Removed, ChangedEntity.Task, "YRD-3-05", null, "$.aspects[2].tasks[4]", null),
                (ChangeKind.Moved, ChangedEntity.Task, "YRD-X-03", null, "$.aspects[4].tasks[0]", "$.unassignedTasks[2]"),
                (ChangeKind.Changed, ChangedEntity.Task, "YRD-X-03", "aspect", "$.aspects[4].tasks[0].aspect", "$.unassignedTasks[2].aspect"),
                (ChangeKind.Removed, ChangedEntity.Agency, "china-railway-shanghai-group", null, "$.agencies[12]", null),
                (ChangeKind.Added, ChangedEntity.Indicator, "synthetic-indicator", null, "$.indicators[8]", null),
                (ChangeKind.Changed, ChangedEntity.Indicator, "yrd-gdp", "unit", "$.indicators[6].unit", null),
            ],
            diff.Changes.Select(static c => (c.Kind, c.Entity, c.Key, c.Member, c.Path, c.OldPath)));
        Assert.Equal(
            [
                (CountKind.Agencies, null, 13, 12),
                (CountKind.Indicators, null, 8, 9),
                (CountKind.CataloguedTasks, "a2", 4, 5),
                (CountKind.CataloguedTasks, "a3", 5, 4),
                (CountKind.DeclaredTasks, "a4", 23, 24),
                (CountKind.CataloguedTasks, "a5", 0, 1),
            ],
            diff.Counts.Select(static c => (c.Count, c.Aspect, c.OldValue, c.NewValue)));
    }

    [Fact]
    public void Values_are_the_canonical_json_of_each_side()
    {
        var diff = PlanDiff.Compare(Embedded, PlantedChanges.Apply(Embedded));

        var renamed = diff.Changes.Single(static c => c.Key == "YRD-1-02");
        Assert.Equal(Embedded.Aspects[0].Tasks[1].Title["zh-Hans"], renamed.OldValue!.Value.GetProperty("zh-Hans").GetString());
        Assert.Equal(PlantedChanges.RenamedTitle, renamed.NewValue!.Value.GetProperty("en").GetString());

        var moved = diff.Changes.Single(static c => c.Kind == ChangeKind.Moved);
        Assert.Null(moved.OldValue);
        Assert.Equal("a5", moved.NewValue!.Value.GetString());

        var removed = diff.Changes.Single(static c => c.Key == "YRD-3-05");
        var removedTask = removed.OldValue!.Value.Deserialize<KeyTask>(DeltaJson.Options)!;
        Assert.Equal(DeltaJson.WritePlan(Embedded with { Aspects = [], UnassignedTasks = [Embedded.Aspects[2].Tasks[4]] }), DeltaJson.WritePlan(Embedded with { Aspects = [], UnassignedTasks = [removedTask] }));
        Assert.Null(removed.NewValue);

        var count = diff.Changes.Single(static c => c.Member == "declaredTaskCount");
        Assert.Equal(23, count.OldValue!.Value.GetInt32());
        Assert.Equal(24, count.NewValue!.Value.GetInt32());
    }

    [Fact]
    public void An_added_aspect_leaves_its_tasks_to_their_own_changes()
    {
        var task = PlantedChanges.SyntheticTask("SYNTHETIC-2") with { Aspect = AspectId.Parse("synthetic-aspect") };
        var aspect = new Aspect { Id = AspectId.Parse("synthetic-aspect"), Ordinal = 10, Name = LocalizedText.Create("合成", "Synthetic aspect"), Tasks = [task] };

        var diff = PlanDiff.Compare(Embedded, Embedded with { Aspects = Embedded.Aspects.Add(aspect) });

        Assert.Equal([(ChangeKind.Added, ChangedEntity.Aspect, "synthetic-aspect"), (ChangeKind.Added, ChangedEntity.Task, "SYNTHETIC-2")], diff.Changes.Select(static c => (c.Kind, c.Entity, c.Key)));
        Assert.False(diff.Changes[0].NewValue!.Value.TryGetProperty("tasks", out _));
        Assert.Contains(diff.Counts, static c => c is { Count: CountKind.CataloguedAspects, OldValue: 9, NewValue: 10 });
        Assert.Contains(diff.Counts, static c => c is { Count: CountKind.CataloguedTasks, Aspect: "synthetic-aspect", OldValue: null, NewValue: 1 });
    }

    [Fact]
    public void Reordering_a_list_is_not_a_change_but_an_aspect_ordinal_is()
    {
        var reordered = Embedded with
        {
            Aspects = [.. Embedded.Aspects.Select(static a => a with { Tasks = [.. a.Tasks.Reverse()] })],
            Agencies = [.. Embedded.Agencies.Reverse()],
        };

        Assert.True(PlanDiff.Compare(Embedded, reordered).IsEmpty);

        var renumbered = Embedded with { Aspects = Embedded.Aspects.SetItem(0, Embedded.Aspects[0] with { Ordinal = 99 }) };
        var change = Assert.Single(PlanDiff.Compare(Embedded, renumbered).Changes);
        Assert.Equal(("a1", "ordinal", "$.aspects[0].ordinal"), (change.Key, change.Member, change.Path));
    }

    [Fact]
    public void Null_and_an_empty_list_are_the_same_absent_member()
    {
        var task = Embedded.Aspects[0].Tasks[0];
        var withEmptyTags = Embedded with { Aspects = Embedded.Aspects.SetItem(0, Embedded.Aspects[0] with { Tasks = Embedded.Aspects[0].Tasks.SetItem(0, task with { Tags = [], Notes = task.Notes }) }) };
        Assert.True(PlanDiff.Compare(Embedded with { Aspects = Embedded.Aspects.SetItem(0, Embedded.Aspects[0] with { Tasks = Embedded.Aspects[0].Tasks.SetItem(0, task with { Tags = default }) }) }, withEmptyTags).IsEmpty);

        var tagged = Embedded with { Aspects = Embedded.Aspects.SetItem(0, Embedded.Aspects[0] with { Tasks = Embedded.Aspects[0].Tasks.SetItem(0, task with { Tags = ["synthetic"] }) }) };
        var change = Assert.Single(PlanDiff.Compare(withEmptyTags, tagged).Changes);
        Assert.Equal("tags", change.Member);
        Assert.Null(change.OldValue);
        Assert.Equal(JsonValueKind.Array, change.NewValue!.Value.ValueKind);
    }

    [Fact]
    public void Unknown_members_from_a_newer_writer_are_compared_too()
    {
        var json = DeltaJson.WritePlan(Embedded);
        var newer = DeltaJson.ReadPlan(json.Replace("\"id\": \"yrd-2024-2026\",", "\"id\": \"yrd-2024-2026\",\n  \"futureMember\": [1, 2],", StringComparison.Ordinal));

        var change = Assert.Single(PlanDiff.Compare(Embedded, newer).Changes);

        Assert.Equal((ChangeKind.Changed, "futureMember", "$.futureMember"), (change.Kind, change.Member, change.Path));
        Assert.Null(change.OldValue);
        Assert.Equal("[1,2]", change.NewValue!.Value.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Repeated_codes_are_matched_occurrence_by_occurrence()
    {
        var task = Embedded.Aspects[0].Tasks[0];
        var twice = Embedded with { UnassignedTasks = Embedded.UnassignedTasks.Add(task) };

        var diff = PlanDiff.Compare(Embedded, twice);

        var change = Assert.Single(diff.Changes);
        Assert.Equal((ChangeKind.Added, task.Code.ToString(), "$.unassignedTasks[17]"), (change.Kind, change.Key, change.Path));
        Assert.Equal(diff.Invert(), PlanDiff.Compare(twice, Embedded));
    }

    [Fact]
    public void Region_tables_are_compared_by_code_and_id()
    {
        var regions = YangtzeRiverDelta.Regions;
        var region = regions.Regions[5];
        var changed = regions with
        {
            Regions = regions.Regions.SetItem(5, region with { Name = LocalizedText.Create("合成", "Synthetic") }),
            Groups = regions.Groups.RemoveAt(0),
        };

        var diff = PlanDiff.Compare(regions, changed);

        Assert.Equal(ChangeSubject.RegionTable, diff.Subject);
        Assert.Equal(
            [
                (ChangeKind.Changed, ChangedEntity.Region, region.Code.ToString(), "name", "$.regions[5].name"),
                (ChangeKind.Removed, ChangedEntity.RegionGroup, regions.Groups[0].Id.ToString(), null, "$.groups[0]"),
            ],
            diff.Changes.Select(static c => (c.Kind, c.Entity, c.Key, c.Member, c.Path)));
        Assert.Equal([(CountKind.RegionGroups, 13, 12)], diff.Counts.Select(static c => (c.Count, c.OldValue, c.NewValue)));
    }

    [Fact]
    public void Text_form_groups_member_changes_under_their_entity()
    {
        var text = PlanDiff.Compare(Embedded, PlantedChanges.Apply(Embedded)).ToString();

        Assert.StartsWith("Plan: 2 added, 2 removed, 5 changed, 1 moved\n", text, StringComparison.Ordinal);
        Assert.Contains("\n~ task YRD-1-02 at $.aspects[0].tasks[1]\n    title: {\"zh-Hans\":", text, StringComparison.Ordinal);
        Assert.Contains("\n- task YRD-3-05 at $.aspects[2].tasks[4]\n", text, StringComparison.Ordinal);
        Assert.Contains("\n> task YRD-X-03 moved from $.unassignedTasks[2] to $.aspects[4].tasks[0]: (absent) → \"a5\"\n", text, StringComparison.Ordinal);
        Assert.Contains("\nCounts:\n  agencies 13 → 12 (-1)\n", text, StringComparison.Ordinal);
        Assert.Contains("\n  declaredTasks of aspect a4 23 → 24 (+1)\n", text, StringComparison.Ordinal);
        Assert.Equal("Plan: no changes\n", PlanDiff.Compare(Embedded, Embedded).ToString());
    }

    [Fact]
    public void Long_values_are_shortened_in_text_but_whole_in_json()
    {
        var longNotes = new string('长', 300);
        var diff = PlanDiff.Compare(Embedded, Embedded with { Notes = longNotes });

        var line = Assert.Single(diff.Changes).ToString();
        Assert.True(line.Length < 250, line);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
        Assert.Equal(longNotes, DeltaJson.ReadChangeSet(DeltaJson.WriteChangeSet(diff)).Changes[0].NewValue!.Value.GetString());
    }
}
