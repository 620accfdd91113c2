using System.Net;
using System.Text.Json;
using DeltaSdk.Analytics;
using DeltaSdk.Api;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Client.Tests;

/// <summary>The model factory builds the client's models as a consumer's tests need them, equal to what the wire gives.</summary>
public sealed class DeltaModelFactoryTests
{
    private static readonly PlanId Plan = PlanId.Parse("synthetic-plan");
    private static readonly LocalDate AsOf = new(2025, 6, 30);

    [Fact]
    public void A_page_carries_its_items_and_says_whether_more_follow()
    {
        var last = DeltaModelFactory.Page(["a", "b"]);
        var first = DeltaModelFactory.Page(["a"], nextPageToken: "t2");

        Assert.Equal(["a", "b"], last.Items.ToArray());
        Assert.False(last.HasMore);
        Assert.True(first.HasMore);
        Assert.Empty(DeltaModelFactory.Page<string>().Items);
    }

    [Fact]
    public void A_plan_summary_from_the_factory_equals_the_one_the_server_derives_from_the_plan()
    {
        var plan = Data.YangtzeRiverDelta.ActionPlan2024To2026;

        var built = DeltaModelFactory.PlanSummary(plan.Id, plan.Title, plan.StartDate, plan.EndDate, plan.DeclaredTaskCount, plan.CataloguedTaskCount);

        Assert.Equal(PlanSummary.From(plan), built);
    }

    [Fact]
    public void Wire_models_from_the_factory_survive_the_wire_unchanged()
    {
        var summary = DeltaModelFactory.PlanProgressSummary(
            Plan,
            cataloguedTaskCount: 4,
            reportedTaskCount: 1,
            aspects: [DeltaModelFactory.AspectProgressSummary(AspectId.Parse("a1"), cataloguedTaskCount: 4, tasksByStatus: DeltaModelFactory.StatusCounts(completed: 1, unreported: 3), percentCompleteMean: 100)]);
        var problem = DeltaModelFactory.ProblemDetails(422, "validation_failed", diagnostics: [DeltaModelFactory.ProblemDiagnostic("DLT4001", "$.percentComplete", "A completed task reports 90% done.")]);
        var written = DeltaModelFactory.ObservationWriteResult(IndicatorId.Parse("synthetic-indicator"), inserted: 3, replaced: 1);

        Assert.Equal(3, summary.TasksByStatus.Unreported);
        AssertRoundTrips(summary);
        AssertRoundTrips(problem);
        Assert.Equal(written, JsonSerializer.Deserialize<ObservationWriteResult>(JsonSerializer.Serialize(written, ApiJson.Options), ApiJson.Options));
    }

    [Fact]
    public void A_progress_roll_up_from_the_factory_is_a_valid_analysis_document()
    {
        var figure = DeltaModelFactory.ProgressFigure(tasksInScope: 4, tasksReported: 1, tasksCompleted: 1, percentComplete: 25, percentCompleteOfReported: 100);
        var rollup = DeltaModelFactory.ProgressSummary(Plan, AsOf, figure, region: RegionCode.Parse("320000"));
        var status = DeltaModelFactory.IndicatorStatus(IndicatorId.Parse("synthetic-indicator"), AsOf, IndicatorProgressStatus.ModerateProgress, "km", new IndicatorPoint(ReportingPeriod.ForYear(2020), 100), new IndicatorPoint(ReportingPeriod.ForYear(2023), 115.7625), ratio: 0.6966);

        var json = AnalysisJson.Write(new AnalysisDocument { Plan = Plan, AsOf = AsOf, Progress = rollup, IndicatorStatuses = [status] });
        var read = AnalysisJson.Read(json);

        Assert.Equal(0.25, figure.Coverage);
        Assert.Equal(figure, read.Progress!.Overall);
        Assert.Equal(AnalyticsMethodology.EqualWeightTaskRollup, read.Progress.Methodology);
        Assert.Equal(IndicatorProgressStatus.ModerateProgress, Assert.Single(read.IndicatorStatuses).Status);
        Assert.Null(read.IndicatorStatuses[0].NotAvailableReason);
        Assert.Equal(StatusNotAvailableReason.NoObservations, DeltaModelFactory.IndicatorStatus(IndicatorId.Parse("synthetic-indicator"), AsOf).NotAvailableReason);
    }

    [Fact]
    public async Task A_consumer_s_fake_client_answers_with_factory_models()
    {
        // What a consumer's unit test does: derive from DeltaClient, override the calls the code under test makes.
        DeltaClient client = new FakeClient();

        var task = await client.GetTaskAsync(Plan, TaskCode.Parse("T-1"));
        var error = await Assert.ThrowsAsync<DeltaApiException>(() => client.PostObservationsAsync(IndicatorId.Parse("synthetic-indicator"), new ObservationBatch(), new ETag("v1")));

        Assert.Equal(new ETag("v1"), task.ETag);
        Assert.Equal("DLT6001", Assert.Single(error.Diagnostics).Code);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
    }

    private static void AssertRoundTrips<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, ApiJson.Options);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, ApiJson.Options), ApiJson.Options));
    }

    private sealed class FakeClient : DeltaClient
    {
        public override Task<Versioned<TrackedTask>> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
            => Task.FromResult(DeltaModelFactory.Versioned(DeltaModelFactory.TrackedTask(new KeyTask { Code = code, Title = LocalizedText.Create(null, "Synthetic task") })));

        public override Task<Versioned<ObservationWriteResult>> PostObservationsAsync(IndicatorId indicatorId, ObservationBatch batch, ETag ifMatch, string? idempotencyKey = null, CancellationToken cancellationToken = default)
            => throw new DeltaApiException(
                "The batch is not valid.",
                HttpStatusCode.UnprocessableEntity,
                DeltaModelFactory.ProblemDetails(422, "validation_failed", diagnostics: [DeltaModelFactory.ProblemDiagnostic("DLT6001", "$.observations[0].value", "Synthetic diagnostic.")]));
    }
}
