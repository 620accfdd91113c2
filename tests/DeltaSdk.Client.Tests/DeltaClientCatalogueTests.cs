using System.Net;
using DeltaSdk.Api;
using DeltaSdk.Changes;
using DeltaSdk.Client.Tests.Infrastructure;
using DeltaSdk.Data;
using DeltaSdk.Server.Storage;
using NodaTime;

namespace DeltaSdk.Client.Tests;

/// <summary>
/// The catalogue end to end, through the real client and the real server on SQLite seeded with the embedded plan:
/// dry runs, submits with planted (synthetic) changes, task writes, revisions, asOf and a restart.
/// </summary>
public sealed class DeltaClientCatalogueTests : IAsyncLifetime
{
    private static readonly Plan Embedded = YangtzeRiverDelta.ActionPlan2024To2026;
    private static readonly PlanId PlanId = Embedded.Id;
    private SqliteFileServer _host = null!;
    private DeltaClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await SqliteFileServer.StartAsync(Seed());
        _client = _host.Server.CreateClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// Synthetic edits, made by code (none is a fact about the real plan): task YRD-1-02's English title, a new task
    /// SYNTHETIC-1 in aspect a2, the unit of indicator yrd-gdp, and the plan's notes.
    /// </summary>
    private static Plan Planted(Plan plan)
    {
        var aspects = plan.Aspects.ToBuilder();
        var a1 = aspects[0];
        aspects[0] = a1 with { Tasks = a1.Tasks.SetItem(1, a1.Tasks[1] with { Title = LocalizedText.Create(a1.Tasks[1].Title["zh-Hans"], "Synthetic renamed title") }) };
        aspects[1] = aspects[1] with { Tasks = aspects[1].Tasks.Add(SyntheticTask("SYNTHETIC-1", aspects[1].Id)) };
        var gdp = plan.Indicators.Single(static i => i.Id.ToString() == "yrd-gdp");
        return plan with
        {
            Notes = plan.Notes + " Synthetic note.",
            Aspects = aspects.ToImmutable(),
            Indicators = plan.Indicators.Replace(gdp, gdp with { Unit = "synthetic-unit" }),
        };
    }

    private static KeyTask SyntheticTask(string code, AspectId? aspect) => new()
    {
        Code = TaskCode.Parse(code),
        Aspect = aspect,
        Title = LocalizedText.Create("合成任务", "Synthetic task"),
        Tags = ["synthetic"],
    };

    [Fact]
    public async Task A_dry_run_answers_the_diff_and_changes_nothing()
    {
        var read = await _client.GetVersionedPlanAsync(PlanId);

        var dryRun = await _client.SubmitPlanAsync(Planted(read.Value), default, dryRun: true);

        Assert.Equal(PlanDiff.Compare(Embedded, Planted(Embedded)), dryRun.Value);
        Assert.Equal(read.ETag, dryRun.ETag);
        Assert.Equal(read.ETag, (await _client.GetVersionedPlanAsync(PlanId)).ETag);
        Assert.Single(await _client.ListPlanRevisionsAsync(PlanId).ToListAsync());
        Assert.DoesNotContain(await _client.ListTasksAsync(PlanId).ToListAsync(), static t => t.Task.Code.ToString() == "SYNTHETIC-1");
    }

    [Fact]
    public async Task A_submit_answers_exactly_the_planted_changes_and_the_plan_and_tasks_show_them()
    {
        var read = await _client.GetVersionedPlanAsync(PlanId);
        var taskBefore = await _client.GetTaskAsync(PlanId, TaskCode.Parse("YRD-1-02"));

        var submitted = await _client.SubmitPlanAsync(Planted(read.Value), read.ETag);

        Assert.Equal(
            [
                (ChangeKind.Changed, ChangedEntity.Plan, null, "notes"),
                (ChangeKind.Added, ChangedEntity.Task, "SYNTHETIC-1", null),
                (ChangeKind.Changed, ChangedEntity.Task, "YRD-1-02", "title"),
                (ChangeKind.Changed, ChangedEntity.Indicator, "yrd-gdp", "unit"),
            ],
            submitted.Value.Changes.Select(static c => (c.Kind, c.Entity, c.Key, c.Member)));
        Assert.Equal([(CountKind.CataloguedTasks, null), (CountKind.CataloguedTasks, "a2")], submitted.Value.Counts.Select(static c => (c.Count, c.Aspect)));
        Assert.NotEqual(read.ETag, submitted.ETag);

        var after = await _client.GetVersionedPlanAsync(PlanId);
        Assert.Equal(submitted.ETag, after.ETag);
        Assert.True(PlanDiff.Compare(Planted(Embedded), after.Value).IsEmpty);
        var renamed = await _client.GetTaskAsync(PlanId, TaskCode.Parse("YRD-1-02"));
        Assert.Equal("Synthetic renamed title", renamed.Value.Task.Title.EnglishText);
        Assert.NotEqual(taskBefore.ETag, renamed.ETag);
        Assert.Equal("SYNTHETIC-1", (await _client.ListTasksAsync(PlanId).ToListAsync())[^1].Task.Code.ToString());
        Assert.Equal("synthetic-unit", (await _client.ListIndicatorsAsync().ToListAsync()).Single(static i => i.Id.ToString() == "yrd-gdp").Unit);

        var revisions = await _client.ListPlanRevisionsAsync(PlanId).ToListAsync();
        Assert.Equal([2L, 1L], revisions.Select(static r => r.Revision));
        Assert.Equal((1, 0, 3, 2), (revisions[0].Added, revisions[0].Removed, revisions[0].Changed, revisions[0].CountsChanged));
    }

    [Fact]
    public async Task A_stale_ETag_gets_the_conflict_exception_and_changes_nothing()
    {
        var read = await _client.GetVersionedPlanAsync(PlanId);
        await _client.SubmitPlanAsync(read.Value with { Notes = read.Value.Notes + " Synthetic first writer." }, read.ETag);
        var current = await _client.GetVersionedPlanAsync(PlanId);

        var error = await Assert.ThrowsAsync<DeltaConflictException>(() => _client.SubmitPlanAsync(Planted(read.Value), read.ETag));
        var dryRunError = await Assert.ThrowsAsync<DeltaConflictException>(() => _client.SubmitPlanAsync(Planted(read.Value), read.ETag, dryRun: true));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, dryRunError.StatusCode);
        Assert.Equal(current.ETag, (await _client.GetVersionedPlanAsync(PlanId)).ETag);
        Assert.Equal(2, (await _client.ListPlanRevisionsAsync(PlanId).ToListAsync()).Count);
    }

    [Fact]
    public async Task An_invalid_plan_gets_422_with_diagnostics_naming_json_paths()
    {
        var read = await _client.GetVersionedPlanAsync(PlanId);
        var a1 = read.Value.Aspects[0];
        var invalid = read.Value with { Aspects = read.Value.Aspects.SetItem(0, a1 with { Tasks = a1.Tasks.Add(SyntheticTask("SYNTHETIC-2", AspectId.Parse("synthetic-missing-aspect"))) }) };

        var error = await Assert.ThrowsAsync<DeltaApiException>(() => _client.SubmitPlanAsync(invalid, read.ETag));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Contains(error.Diagnostics, d => d.Path.StartsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$.aspects[0].tasks[{a1.Tasks.Length}]"), StringComparison.Ordinal));
        Assert.Equal(read.ETag, (await _client.GetVersionedPlanAsync(PlanId)).ETag);
    }

    [Fact]
    public async Task Tasks_are_added_and_updated_one_at_a_time_under_their_ETags()
    {
        var a3 = Embedded.Aspects[2].Id;
        var added = await _client.PutTaskAsync(PlanId, SyntheticTask("SYNTHETIC-3", a3), ifMatch: null);
        Assert.Equal("SYNTHETIC-3", added.Value.Code.ToString());
        Assert.Equal(added.ETag, (await _client.GetTaskAsync(PlanId, added.Value.Code)).ETag);
        Assert.Contains((await _client.GetPlanAsync(PlanId)).Aspects[2].Tasks, static t => t.Code.ToString() == "SYNTHETIC-3");

        var again = await Assert.ThrowsAsync<DeltaConflictException>(() => _client.PutTaskAsync(PlanId, SyntheticTask("SYNTHETIC-3", a3), ifMatch: null));
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);

        var updated = await _client.PutTaskAsync(PlanId, added.Value with { Title = LocalizedText.Create("合成任务", "Synthetic task, updated") }, added.ETag);
        Assert.NotEqual(added.ETag, updated.ETag);
        Assert.Equal("Synthetic task, updated", (await _client.GetTaskAsync(PlanId, added.Value.Code)).Value.Task.Title.EnglishText);
        await Assert.ThrowsAsync<DeltaConflictException>(() => _client.PutTaskAsync(PlanId, added.Value, added.ETag));

        var unknownAspect = await Assert.ThrowsAsync<DeltaApiException>(() => _client.PutTaskAsync(PlanId, SyntheticTask("SYNTHETIC-4", AspectId.Parse("synthetic-missing-aspect")), ifMatch: null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownAspect.StatusCode);
        Assert.Equal(3, (await _client.ListPlanRevisionsAsync(PlanId).ToListAsync()).Count);
    }

    [Fact]
    public async Task An_indicator_is_added_and_changed_under_the_plan_ETag_and_a_new_definition_refuses_figures_for_the_old()
    {
        var read = await _client.GetVersionedPlanAsync(PlanId);
        var indicator = new Indicator { Id = IndicatorId.Parse("synthetic-indicator"), Name = LocalizedText.Create("合成指标", "Synthetic indicator"), Unit = "count" };

        var added = await _client.PutIndicatorAsync(PlanId, indicator, read.ETag);
        var readBeforeChange = await _client.GetIndicatorAsync(indicator.Id);
        var changed = await _client.PutIndicatorAsync(PlanId, indicator with { Unit = "synthetic-unit" }, added.ETag);
        var stale = await Assert.ThrowsAsync<DeltaConflictException>(() => _client.PutIndicatorAsync(PlanId, indicator, added.ETag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // A figure for the old unit is refused: the new definition raised the indicator's own ETag.
        var figures = new ObservationBatch { Observations = [new Observation { Indicator = indicator.Id, Region = RegionCode.Parse("310000"), Period = ReportingPeriod.ForYear(2024), Value = 1 }] };
        var oldUnit = await Assert.ThrowsAsync<DeltaConflictException>(() => _client.PostObservationsAsync(indicator.Id, figures, readBeforeChange.ETag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, oldUnit.StatusCode);
        var current = await _client.GetIndicatorAsync(indicator.Id);
        Assert.Equal("synthetic-unit", current.Value.Unit);
        Assert.NotEqual(readBeforeChange.ETag, current.ETag);
        Assert.Equal(1, (await _client.PostObservationsAsync(indicator.Id, figures, current.ETag)).Value.Inserted);
        Assert.Equal(changed.ETag, (await _client.GetVersionedPlanAsync(PlanId)).ETag);
        Assert.Equal("synthetic-unit", (await _client.ListIndicatorsAsync().ToListAsync()).Single(static i => i.Id.ToString() == "synthetic-indicator").Unit);
        var revisions = await _client.ListPlanRevisionsAsync(PlanId).ToListAsync();
        Assert.Equal([3L, 2L, 1L], revisions.Select(static r => r.Revision));
        Assert.Equal((1, 1), (revisions[1].Added, revisions[0].Changed));
    }

    [Fact]
    public async Task A_restart_keeps_every_revision_and_asOf_returns_the_earlier_plan()
    {
        var read = await _client.GetVersionedPlanAsync(PlanId);
        var submitted = await _client.SubmitPlanAsync(Planted(read.Value), read.ETag);
        var revisions = await _client.ListPlanRevisionsAsync(PlanId).ToListAsync();

        _client = await _host.RestartAsync();

        Assert.Equal(revisions, await _client.ListPlanRevisionsAsync(PlanId).ToListAsync());
        Assert.Equal(submitted.ETag, (await _client.GetVersionedPlanAsync(PlanId)).ETag);
        var before = await _client.GetPlanAsync(PlanId, revisions[0].RecordedAt - Duration.FromTicks(10));
        Assert.True(PlanDiff.Compare(Embedded, before).IsEmpty);
        var atWrite = await _client.GetPlanAsync(PlanId, revisions[0].RecordedAt);
        Assert.True(PlanDiff.Compare(Planted(Embedded), atWrite).IsEmpty);
    }

    private static PlanStoreSeed Seed() => new()
    {
        Plans = [Embedded],
        Regions = YangtzeRiverDelta.Regions,
        Observations = YangtzeRiverDelta.Observations.Observations,
    };
}
