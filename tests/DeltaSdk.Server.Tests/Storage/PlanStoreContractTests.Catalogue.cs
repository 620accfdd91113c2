using DeltaSdk.Changes;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Storage;

/// <summary>The catalogue's contract: plan revisions, their history, and plan writes with their preconditions.</summary>
public abstract partial class PlanStoreContractTests
{
    /// <summary>
    /// A synthetic edit of the seeded plan: task 1's title changes, task 2 moves from aspect a2 to a1, task 3 (no
    /// progress) is removed, and task SYN-900 is new in aspect a3.
    /// </summary>
    private static Plan EditedPlan(Plan plan)
    {
        var moved = plan.AllTasks.Single(static t => t.Code == SyntheticPlanData.Code(2)) with { Aspect = SyntheticPlanData.AspectOf(1) };
        var added = new KeyTask { Code = SyntheticPlanData.Code(900), Aspect = SyntheticPlanData.AspectOf(3), Title = LocalizedText.Create("合成新任务", "Synthetic added task") };
        return plan with
        {
            Aspects =
            [
                .. plan.Aspects.Select(a => a with
                {
                    Tasks =
                    [
                        .. a.Tasks
                            .Where(static t => t.Code != SyntheticPlanData.Code(2) && t.Code != SyntheticPlanData.Code(3))
                            .Select(static t => t.Code == SyntheticPlanData.Code(1) ? t with { Title = LocalizedText.Create("改名的合成任务1", "Renamed synthetic task 1") } : t),
                        .. a.Id == SyntheticPlanData.AspectOf(1) ? [moved] : Array.Empty<KeyTask>(),
                        .. a.Id == SyntheticPlanData.AspectOf(3) ? [added] : Array.Empty<KeyTask>(),
                    ],
                }),
            ],
            UnassignedTasks = [.. plan.UnassignedTasks.Where(static t => t.Code != SyntheticPlanData.Code(3))],
        };
    }

    [Fact]
    public async Task A_seeded_plan_is_at_revision_1_from_the_start()
    {
        var current = (await Store.GetPlanRevisionAsync(PlanId, null))!;
        Assert.Equal(1, current.Revision);
        Assert.Equal(Plan.AllTasks.Select(static t => t.Code), current.Plan.AllTasks.Select(static t => t.Code));
        Assert.Equal(1, (await Store.GetPlanRevisionAsync(PlanId, Now))!.Revision);
        var revisions = (await Store.ListPlanRevisionsAsync(PlanId, null, 10))!;
        Assert.Equal(1, Assert.Single(revisions.Items).Revision);
        Assert.Null(revisions.Continuation);
        Assert.Null(await Store.ListPlanRevisionsAsync(PlanId.Parse("other-plan"), null, 10));
        Assert.Null(await Store.GetPlanRevisionAsync(PlanId.Parse("other-plan"), null));
    }

    [Fact]
    public async Task A_plan_write_records_a_revision_and_updates_the_tasks_it_changes()
    {
        var before = (await Store.ListTasksAsync(PlanId, TaskFilter.All, null, 1000))!.Items.ToDictionary(static t => t.Task.Code);
        var edited = EditedPlan(Plan);
        var at = Now + Duration.FromHours(1);

        var written = await Store.WritePlanAsync(edited, new PlanPrecondition { Revision = 1 }, at);

        Assert.Equal(WriteOutcome.Written, written.Outcome);
        Assert.Equal(2, written.Value!.Plan.Revision);
        Assert.Equal(PlanDiff.Compare(Plan, edited), written.Value.Changes);
        Assert.True(written.Value.Plan.RecordedAt >= at);
        Assert.Equal(2, (await Store.GetPlanRevisionAsync(PlanId, null))!.Revision);
        Assert.Equal(edited.AllTasks.Select(static t => t.Code).Order(), (await Store.GetPlanAsync(PlanId))!.AllTasks.Select(static t => t.Code).Order());

        var after = (await Store.ListTasksAsync(PlanId, TaskFilter.All, null, 1000))!.Items;
        Assert.Equal(SyntheticPlanData.Code(900), after[^1].Task.Code);     // a new task comes after every existing one
        Assert.Equal(1, after[^1].Version);
        var byCode = after.ToDictionary(static t => t.Task.Code);
        Assert.Equal(before[SyntheticPlanData.Code(1)].Version + 1, byCode[SyntheticPlanData.Code(1)].Version);
        Assert.Equal("Renamed synthetic task 1", byCode[SyntheticPlanData.Code(1)].Task.Title.EnglishText);
        Assert.Equal(before[SyntheticPlanData.Code(2)].Version + 1, byCode[SyntheticPlanData.Code(2)].Version);
        Assert.Equal(before[SyntheticPlanData.Code(4)].Version, byCode[SyntheticPlanData.Code(4)].Version);
        Assert.False(byCode.ContainsKey(SyntheticPlanData.Code(3)));
        Assert.Null(await Store.GetTaskAsync(PlanId, SyntheticPlanData.Code(3)));
        Assert.Equal([SyntheticPlanData.Code(2)], (await Store.ListTasksAsync(PlanId, new TaskFilter { Aspect = SyntheticPlanData.AspectOf(1), Codes = [SyntheticPlanData.Code(2)] }, null, 10))!.Items.Select(static t => t.Task.Code));
        Assert.Single((await Store.ListTasksAsync(PlanId, new TaskFilter { Keywords = ["renamed"] }, null, 10))!.Items);

        // History: newest first, with the change counts; asOf before the write still finds the seeded document.
        var revisions = (await Store.ListPlanRevisionsAsync(PlanId, null, 1))!;
        var newest = Assert.Single(revisions.Items);
        Assert.Equal((2L, 1, 1), (newest.Revision, newest.Added, newest.Removed));
        Assert.Equal(written.Value.Changes.Changes.Count(static c => c.Kind is ChangeKind.Changed or ChangeKind.Moved), newest.Changed);
        Assert.Equal(1, Assert.Single((await Store.ListPlanRevisionsAsync(PlanId, revisions.Continuation, 1))!.Items).Revision);
        Assert.Equal(Plan.AllTasks.Select(static t => t.Code), (await Store.GetPlanRevisionAsync(PlanId, at - Duration.FromTicks(10)))!.Plan.AllTasks.Select(static t => t.Code));
        Assert.Equal(2, (await Store.GetPlanRevisionAsync(PlanId, written.Value.Plan.RecordedAt))!.Revision);
    }

    [Fact]
    public async Task A_stale_revision_or_task_version_writes_nothing()
    {
        var edited = EditedPlan(Plan);
        Assert.Equal(WriteOutcome.Written, (await Store.WritePlanAsync(edited, new PlanPrecondition { Revision = 1 }, Now)).Outcome);

        var stale = await Store.WritePlanAsync(Plan, new PlanPrecondition { Revision = 1 }, Now);
        Assert.Equal((WriteOutcome.VersionMismatch, 2L), (stale.Outcome, stale.CurrentVersion));

        var task1 = (await Store.GetTaskAsync(PlanId, SyntheticPlanData.Code(1)))!;
        var staleTask = await Store.WritePlanAsync(Plan, new PlanPrecondition { Revision = 2, Task = SyntheticPlanData.Code(1), TaskVersion = task1.Version - 1 }, Now);
        Assert.Equal((WriteOutcome.VersionMismatch, task1.Version), (staleTask.Outcome, staleTask.CurrentVersion));

        var exists = await Store.WritePlanAsync(Plan, new PlanPrecondition { Revision = 2, Task = SyntheticPlanData.Code(1), TaskVersion = 0 }, Now);
        Assert.Equal(WriteOutcome.VersionMismatch, exists.Outcome);

        Assert.Equal(2, (await Store.GetPlanRevisionAsync(PlanId, null))!.Revision);
        Assert.Equal(2, (await Store.ListPlanRevisionsAsync(PlanId, null, 10))!.Items.Count);
        Assert.Equal(WriteOutcome.NotFound, (await Store.WritePlanAsync(Plan with { Id = PlanId.Parse("other-plan") }, new PlanPrecondition { Revision = 1 }, Now)).Outcome);
    }

    [Fact]
    public async Task Removing_a_task_with_progress_is_a_conflict_and_writes_nothing()
    {
        Assert.Equal(WriteOutcome.Written, (await AppendAsync(SyntheticPlanData.Code(3), 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1))).Outcome);

        var refused = await Store.WritePlanAsync(EditedPlan(Plan), new PlanPrecondition { Revision = 1 }, Now);

        Assert.Equal(WriteOutcome.Conflict, refused.Outcome);
        Assert.Equal(1, (await Store.GetPlanRevisionAsync(PlanId, null))!.Revision);
        Assert.NotNull(await Store.GetTaskAsync(PlanId, SyntheticPlanData.Code(3)));
        Assert.Null(await Store.GetTaskAsync(PlanId, SyntheticPlanData.Code(900)));
    }

    [Fact]
    public async Task An_unchanged_document_records_no_revision()
    {
        var same = await Store.WritePlanAsync(Plan, new PlanPrecondition { Revision = 1, Task = SyntheticPlanData.Code(5), TaskVersion = 1 }, Now);

        Assert.Equal(WriteOutcome.Written, same.Outcome);
        Assert.True(same.Value!.Changes.IsEmpty);
        Assert.Equal((1L, 1L), (same.Value.Plan.Revision, same.Value.TaskVersion));
        Assert.Single((await Store.ListPlanRevisionsAsync(PlanId, null, 10))!.Items);
    }

    [Fact]
    public async Task Of_concurrent_plan_writes_at_one_revision_exactly_one_is_written()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() =>
            Store.WritePlanAsync(Plan with { DeclaredTaskCount = Plan.DeclaredTaskCount + i }, new PlanPrecondition { Revision = 1 }, Now))));

        Assert.Single(results, static r => r.Outcome == WriteOutcome.Written);
        Assert.Equal(5, results.Count(static r => r.Outcome == WriteOutcome.VersionMismatch));
        Assert.Equal(2, (await Store.ListPlanRevisionsAsync(PlanId, null, 10))!.Items.Count);
    }

    /// <summary>
    /// A plan write that redefines an indicator raises its version, so a figure written under the old definition is
    /// refused; one that adds an indicator makes it writable at version 1; one that removes it hides it, history kept.
    /// </summary>
    [Fact]
    public async Task Plan_writes_raise_the_version_of_the_indicators_they_redefine()
    {
        Assert.Equal(WriteOutcome.Written, (await WriteAsync(1, Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForYear(2024), 5))).Outcome);
        var added = IndicatorId.Parse("synthetic-added-indicator");
        var redefined = Plan with
        {
            Indicators =
            [
                .. Plan.Indicators.Select(static i => i.Id == Indicator ? i with { Unit = "synthetic-unit" } : i),
                new Indicator { Id = added, Name = LocalizedText.Create("合成新指标", "Synthetic added indicator"), Unit = "km" },
            ],
        };

        Assert.Equal(WriteOutcome.Written, (await Store.WritePlanAsync(redefined, new PlanPrecondition { Revision = 1 }, Now)).Outcome);

        Assert.Equal(3, (await Store.GetIndicatorAsync(Indicator))!.Version);
        Assert.Equal("synthetic-unit", (await Store.GetIndicatorAsync(Indicator))!.Indicator.Unit);
        var stale = await WriteAsync(2, Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForYear(2024), 6));
        Assert.Equal((WriteOutcome.VersionMismatch, 3L), (stale.Outcome, stale.CurrentVersion!.Value));
        Assert.Equal(1, (await Store.GetIndicatorAsync(added))!.Version);
        var first = await Store.AddObservationsAsync(added, [new Observation { Indicator = added, Region = SyntheticPlanData.Shanghai, Period = ReportingPeriod.ForYear(2024), Value = 1 }], 1, Now, null);
        Assert.Equal((WriteOutcome.Written, 2L), (first.Outcome, first.Value!.IndicatorVersion));

        // Renaming only the added indicator leaves the other's version alone.
        var renamed = redefined with { Indicators = [.. redefined.Indicators.Select(i => i.Id == added ? i with { Name = LocalizedText.Create("改名的合成指标", "Renamed synthetic indicator") } : i)] };
        Assert.Equal(WriteOutcome.Written, (await Store.WritePlanAsync(renamed, new PlanPrecondition { Revision = 2 }, Now)).Outcome);
        Assert.Equal(3, (await Store.GetIndicatorAsync(Indicator))!.Version);
        Assert.Equal(3, (await Store.GetIndicatorAsync(added))!.Version);

        var removed = renamed with { Indicators = [.. renamed.Indicators.Where(i => i.Id != added)] };
        Assert.Equal(WriteOutcome.Written, (await Store.WritePlanAsync(removed, new PlanPrecondition { Revision = 3 }, Now)).Outcome);
        Assert.Null(await Store.GetIndicatorAsync(added));
        Assert.Null(await Store.ListObservationRevisionsAsync(added, ReportingPeriod.ForYear(2024), SyntheticPlanData.Shanghai, null, null, 10));
        Assert.Equal(WriteOutcome.NotFound, (await Store.AddObservationsAsync(added, [], 3, Now, null)).Outcome);

        // Added again, it comes back with its history and its version: removing it from the plan lost nothing.
        Assert.Equal(WriteOutcome.Written, (await Store.WritePlanAsync(renamed, new PlanPrecondition { Revision = 4 }, Now)).Outcome);
        Assert.Equal(3, (await Store.GetIndicatorAsync(added))!.Version);
        Assert.Equal(1, Assert.Single((await Store.ListObservationRevisionsAsync(added, ReportingPeriod.ForYear(2024), SyntheticPlanData.Shanghai, null, null, 10))!.Items).Value);
    }
}
