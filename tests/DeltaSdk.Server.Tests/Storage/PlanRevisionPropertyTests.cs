using System.Globalization;
using CsCheck;
using DeltaSdk.Changes;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Storage;

/// <summary>
/// Plan writes stated as properties over random sequences of synthetic edits (each int one edit: its remainder picks
/// the kind, the rest picks the task), on the in-memory store: after every write the stored plan is the written one,
/// the task rows are exactly its tasks, each changed task's version went up by one, and every revision stays readable
/// as of its recording time.
/// </summary>
public sealed class PlanRevisionPropertyTests
{
    private static readonly Plan Seeded = SyntheticPlanData.Plan(24);
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 0, 0);

    [Fact]
    public void Every_write_is_a_readable_revision_and_the_task_rows_follow_it()
        => Gen.Int[0, int.MaxValue].Array[1, 8].Sample(static edits => CheckAsync(edits).GetAwaiter().GetResult(), iter: 60);

    private static async Task CheckAsync(int[] edits)
    {
        var store = new InMemoryPlanStore(new PlanStoreSeed { Plans = [Seeded], Regions = SyntheticPlanData.Regions() });
        var revisions = new List<StoredPlan> { (await store.GetPlanRevisionAsync(Seeded.Id, null))! };
        var plan = Seeded;
        for (var i = 0; i < edits.Length; i++)
        {
            var next = Edit(plan, edits[i], i);
            var before = (await store.ListTasksAsync(Seeded.Id, TaskFilter.All, null, 1000))!.Items.ToDictionary(static t => t.Task.Code, static t => t.Version);

            var written = await store.WritePlanAsync(next, new PlanPrecondition { Revision = revisions[^1].Revision }, Start + Duration.FromMinutes(i));

            Assert.Equal(WriteOutcome.Written, written.Outcome);
            Assert.Equal(PlanDiff.Compare(plan, next), written.Value!.Changes);
            if (!written.Value.Changes.IsEmpty)
            {
                revisions.Add(written.Value.Plan);
            }

            var rows = (await store.ListTasksAsync(Seeded.Id, TaskFilter.All, null, 1000))!.Items;
            Assert.Equal((written.Value.Changes.IsEmpty ? plan : next).AllTasks.Select(static t => t.Code).Order(), rows.Select(static t => t.Task.Code).Order());
            var changed = written.Value.Changes.Changes.Where(static c => c.Entity == ChangedEntity.Task && c.Kind is ChangeKind.Changed or ChangeKind.Moved).Select(static c => c.Key).ToHashSet();
            foreach (var row in rows)
            {
                var expected = !before.TryGetValue(row.Task.Code, out var old) ? 1 : changed.Contains(row.Task.Code.ToString()) ? old + 1 : old;
                Assert.Equal(expected, row.Version);
            }

            // An edit that only reorders a list is no change (PlanDiff ignores order within a list): nothing is
            // recorded, and the stored document keeps its order.
            plan = written.Value.Changes.IsEmpty ? plan : next;
        }

        Assert.True(PlanDiff.Compare(plan, (await store.GetPlanAsync(Seeded.Id))!).IsEmpty);
        Assert.Equal(revisions.Select(static r => r.Revision).Reverse(), (await store.ListPlanRevisionsAsync(Seeded.Id, null, 100))!.Items.Select(static r => r.Revision));
        foreach (var revision in revisions)
        {
            Assert.True(PlanDiff.Compare(revision.Plan, (await store.GetPlanRevisionAsync(Seeded.Id, revision.RecordedAt))!.Plan).IsEmpty);
        }
    }

    /// <summary>One synthetic edit: rename a task, move it to another aspect, remove it, add a new one, or change the notes.</summary>
    private static Plan Edit(Plan plan, int seed, int step)
    {
        var tasks = plan.AllTasks.ToList();
        var target = tasks.Count == 0 ? null : tasks[(seed / 5) % tasks.Count];
        switch (seed % 5)
        {
            case 0 when target is not null:
                return Replace(plan, target.Code, t => t with { Title = LocalizedText.Create("改名的合成任务", string.Create(CultureInfo.InvariantCulture, $"Renamed synthetic task {step}")) });
            case 1 when target is not null:
                var aspect = SyntheticPlanData.AspectOf(1 + ((seed / 7) % 3));
                return Add(Remove(plan, target.Code), target with { Aspect = aspect });
            case 2 when target is not null:
                return Remove(plan, target.Code);
            case 3:
                return Add(plan, new KeyTask { Code = TaskCode.Parse(string.Create(CultureInfo.InvariantCulture, $"SYN-N{step:D2}")), Aspect = SyntheticPlanData.AspectOf(2), Title = LocalizedText.Create("合成新任务", "Synthetic new task") });
            default:
                return plan with { Notes = string.Create(CultureInfo.InvariantCulture, $"Synthetic note {seed % 3}.") };
        }
    }

    private static Plan Replace(Plan plan, TaskCode code, Func<KeyTask, KeyTask> change) => plan with
    {
        Aspects = [.. plan.Aspects.Select(a => a with { Tasks = [.. a.Tasks.Select(t => t.Code == code ? change(t) : t)] })],
        UnassignedTasks = [.. plan.UnassignedTasks.Select(t => t.Code == code ? change(t) : t)],
    };

    private static Plan Remove(Plan plan, TaskCode code) => plan with
    {
        Aspects = [.. plan.Aspects.Select(a => a with { Tasks = [.. a.Tasks.Where(t => t.Code != code)] })],
        UnassignedTasks = [.. plan.UnassignedTasks.Where(t => t.Code != code)],
    };

    private static Plan Add(Plan plan, KeyTask task) => plan with
    {
        Aspects = [.. plan.Aspects.Select(a => a.Id == task.Aspect ? a with { Tasks = a.Tasks.Add(task) } : a)],
    };
}
