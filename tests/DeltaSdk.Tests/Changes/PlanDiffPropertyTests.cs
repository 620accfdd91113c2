using System.Collections.Immutable;
using CsCheck;
using DeltaSdk.Changes;
using DeltaSdk.Data;
using DeltaSdk.Serialization;

namespace DeltaSdk.Tests.Changes;

/// <summary>
/// The diff's contract stated once and checked over random edits of the embedded plan: a plan equals itself, the
/// diff the other way round is the inverse, and the change set document round-trips. Each generated int is one
/// edit (its remainder picks the kind, the rest picks where), so CsCheck shrinks a failure to the fewest edits.
/// </summary>
public sealed class PlanDiffPropertyTests
{
    private static readonly Plan Embedded = YangtzeRiverDelta.ActionPlan2024To2026;

    private static readonly Gen<Plan> Plans = Gen.Int[0, int.MaxValue].Array[0, 12].Select(static edits => edits.Aggregate(Embedded, Edit));

    [Fact]
    public void A_plan_compared_with_itself_or_its_json_copy_has_no_changes()
        => Plans.Sample(static plan =>
        {
            Assert.True(PlanDiff.Compare(plan, plan).IsEmpty);
            Assert.True(PlanDiff.Compare(plan, DeltaJson.ReadPlan(DeltaJson.WritePlan(plan))).IsEmpty);
        }, iter: 100);

    [Fact]
    public void The_diff_the_other_way_round_is_the_inverse()
        => Gen.Select(Plans, Plans).Sample(static pair =>
        {
            var forward = PlanDiff.Compare(pair.Item1, pair.Item2);
            var backward = PlanDiff.Compare(pair.Item2, pair.Item1);
            Assert.Equal(forward.Invert(), backward);
            Assert.Equal(forward, forward.Invert().Invert());
        }, iter: 100);

    [Fact]
    public void Edits_show_up_as_changes()
        => Gen.Int[0, int.MaxValue].Array[1, 6].Sample(static edits =>
        {
            var edited = edits.Aggregate(Embedded, Edit);
            var diff = PlanDiff.Compare(Embedded, edited);

            // Some edits cancel out or only reorder; the diff is empty exactly when the canonical documents agree
            // up to the order of lists, which the count of catalogued tasks and the set of codes witness.
            var codesBefore = Embedded.AllTasks.Select(static t => t.Code).Order().ToList();
            var codesAfter = edited.AllTasks.Select(static t => t.Code).Order().ToList();
            if (!codesBefore.SequenceEqual(codesAfter))
            {
                Assert.Contains(diff.Changes, static c => c.Entity == ChangedEntity.Task && c.Kind is ChangeKind.Added or ChangeKind.Removed);
            }

            var added = diff.Changes.Where(static c => c is { Entity: ChangedEntity.Task, Kind: ChangeKind.Added }).Select(static c => c.Key!).ToHashSet();
            Assert.Equal(codesAfter.Except(codesBefore).Select(static c => c.ToString()).ToHashSet(), added);
        }, iter: 100);

    [Fact]
    public void Change_set_documents_round_trip()
        => Gen.Select(Plans, Plans).Sample(static pair =>
        {
            var diff = PlanDiff.Compare(pair.Item1, pair.Item2);
            var json = DeltaJson.WriteChangeSet(diff);
            var read = DeltaJson.ReadChangeSet(json);
            Assert.Equal(diff, read);
            Assert.Equal(json, DeltaJson.WriteChangeSet(read));
            Assert.Equal(diff, DeltaJson.ReadChangeSet(json, new DeltaJsonReaderOptions { Strict = true }));
        }, iter: 50);

    /// <summary>Applies one synthetic edit, chosen and placed by <paramref name="seed"/>.</summary>
    private static Plan Edit(Plan plan, int seed)
    {
        var kind = seed % 9;
        var at = seed / 9;
        var tasks = plan.AllTasks.ToList();
        switch (kind)
        {
            case 0 when tasks.Count > 0:
                return ReplaceTask(plan, tasks[at % tasks.Count].Code, t => t with { Title = LocalizedText.Create(t.Title.Chinese, "Synthetic title " + at) });
            case 1 when tasks.Count > 0:
                return RemoveTask(plan, tasks[at % tasks.Count].Code);
            case 2:
                var aspect = at % (plan.Aspects.Length + 1);
                var task = PlantedChanges.SyntheticTask("SYNTHETIC-" + (at % 50));
                return aspect == plan.Aspects.Length
                    ? plan with { UnassignedTasks = plan.UnassignedTasks.Add(task) }
                    : plan with { Aspects = plan.Aspects.SetItem(aspect, plan.Aspects[aspect] with { Tasks = plan.Aspects[aspect].Tasks.Add(task with { Aspect = plan.Aspects[aspect].Id }) }) };
            case 3 when tasks.Count > 0:
                var moving = tasks[at % tasks.Count];
                var target = at % plan.Aspects.Length;
                var without = RemoveTask(plan, moving.Code);
                return without with { Aspects = without.Aspects.SetItem(target, without.Aspects[target] with { Tasks = without.Aspects[target].Tasks.Insert(0, moving with { Aspect = without.Aspects[target].Id }) }) };
            case 4:
                var index = at % plan.Aspects.Length;
                return plan with { Aspects = plan.Aspects.SetItem(index, plan.Aspects[index] with { DeclaredTaskCount = at % 3 == 0 ? null : at % 40 }) };
            case 5 when plan.Agencies.Length > 0:
                return plan with { Agencies = plan.Agencies.RemoveAt(at % plan.Agencies.Length) };
            case 6 when plan.Indicators.Length > 0:
                var indicator = at % plan.Indicators.Length;
                return plan with { Indicators = plan.Indicators.SetItem(indicator, plan.Indicators[indicator] with { Unit = "synthetic-" + (at % 3), Targets = [] }) };
            case 7:
                return plan with { DeclaredTaskCount = at % 200, Notes = at % 2 == 0 ? null : plan.Notes };
            default:
                // Reorders and tag edits: the first is never a change, the second always one of "tags".
                return plan with { Aspects = [.. plan.Aspects.Select(a => a with { Tasks = [.. a.Tasks.Reverse().Select((t, i) => i == 0 && at % 2 == 0 ? t with { Tags = t.Tags.Add("synthetic") } : t)] })] };
        }
    }

    private static Plan ReplaceTask(Plan plan, TaskCode code, Func<KeyTask, KeyTask> change)
        => plan with
        {
            Aspects = [.. plan.Aspects.Select(a => a with { Tasks = [.. a.Tasks.Select(t => t.Code == code ? change(t) : t)] })],
            UnassignedTasks = [.. plan.UnassignedTasks.Select(t => t.Code == code ? change(t) : t)],
        };

    private static Plan RemoveTask(Plan plan, TaskCode code)
        => plan with
        {
            Aspects = [.. plan.Aspects.Select(a => a with { Tasks = RemoveFirst(a.Tasks, code) })],
            UnassignedTasks = RemoveFirst(plan.UnassignedTasks, code),
        };

    private static ImmutableArray<KeyTask> RemoveFirst(ImmutableArray<KeyTask> tasks, TaskCode code)
    {
        var index = tasks.IndexOf(tasks.FirstOrDefault(t => t.Code == code)!);
        return index < 0 ? tasks : tasks.RemoveAt(index);
    }
}
