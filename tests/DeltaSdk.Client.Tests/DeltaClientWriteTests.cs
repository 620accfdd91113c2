using System.Net;
using DeltaSdk.Api;
using DeltaSdk.Client.Tests.Infrastructure;
using DeltaSdk.Validation;

namespace DeltaSdk.Client.Tests;

/// <summary>Writes through the real client against the real server: conditional progress posts, observations, errors.</summary>
public sealed class DeltaClientWriteTests : IAsyncLifetime
{
    private static readonly PlanId Plan = SyntheticData.PlanId;
    private TestServer _server = null!;
    private DeltaClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PostProgress_stores_the_report_and_moves_the_task_ETag()
    {
        var code = SyntheticData.TaskCode(1, 3);
        var before = await _client.GetTaskAsync(Plan, code);

        var stored = await _client.PostProgressAsync(Plan, code, SyntheticData.Report(code), before.ETag);
        var after = await _client.GetTaskAsync(Plan, code);
        var reports = await _client.ListProgressAsync(Plan, code).ToListAsync();

        Assert.Equal(code, stored.Value.Task);
        Assert.Equal(ImplementationStatus.InProgress, stored.Value.Status);
        Assert.NotNull(stored.Value.RecordedAt);
        Assert.NotEqual(before.ETag, stored.ETag);
        Assert.Equal(stored.ETag, after.ETag);
        var report = Assert.Single(reports);
        Assert.Equal(stored.Value.RecordedAt, report.RecordedAt);
        Assert.Equal("Synthetic progress", report.Narrative!.EnglishText);
    }

    [Fact]
    public async Task A_stale_ETag_raises_the_conflict_exception()
    {
        var code = SyntheticData.TaskCode(1, 4);
        var read = await _client.GetTaskAsync(Plan, code);
        await _client.PostProgressAsync(Plan, code, SyntheticData.Report(code), read.ETag);

        var error = await Assert.ThrowsAsync<DeltaConflictException>(() => _client.PostProgressAsync(Plan, code, SyntheticData.Report(code, ImplementationStatus.Delayed), read.ETag));

        Assert.Equal(HttpStatusCode.PreconditionFailed, error.StatusCode);
        Assert.Equal("precondition_failed", error.ErrorCode);
        Assert.Single(await _client.ListProgressAsync(Plan, code).ToListAsync());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Of_two_concurrent_writers_on_the_same_ETag_exactly_one_wins(int round)
    {
        // Two independent clients (two applications), each with its own connection pool.
        var writerA = _server.CreateClient();
        var writerB = _server.CreateClient();
        var code = SyntheticData.TaskCode(2, round);
        var etag = (await writerA.GetTaskAsync(Plan, code)).ETag;
        Assert.Equal(etag, (await writerB.GetTaskAsync(Plan, code)).ETag);

        using var start = new Barrier(2);
        var attempts = new[] { writerA, writerB }.Select(writer => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await writer.PostProgressAsync(Plan, code, SyntheticData.Report(code), etag);
        })).ToArray();
        var outcome = await Task.WhenAll(attempts.Select(async t =>
        {
            try
            {
                return (Stored: await t, Conflict: (DeltaConflictException?)null);
            }
            catch (DeltaConflictException conflict)
            {
                return (Stored: (Versioned<ProgressReport>?)null, Conflict: conflict);
            }
        }));

        Assert.Single(outcome, o => o.Stored is not null);
        var loser = Assert.Single(outcome, o => o.Conflict is not null).Conflict!;
        Assert.Equal(HttpStatusCode.PreconditionFailed, loser.StatusCode);
        Assert.Single(await _client.ListProgressAsync(Plan, code).ToListAsync());
    }

    [Fact]
    public async Task An_invalid_report_surfaces_the_diagnostics_with_codes_and_paths()
    {
        var code = SyntheticData.TaskCode(1, 6);
        var etag = (await _client.GetTaskAsync(Plan, code)).ETag;
        var invalid = SyntheticData.Report(code, ImplementationStatus.Completed, percent: 150) with { CompletedOn = null };

        var error = await Assert.ThrowsAsync<DeltaApiException>(() => _client.PostProgressAsync(Plan, code, invalid, etag));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal("validation_failed", error.ErrorCode);
        // The server's validator (DeltaSdk.Validation) decides the codes: out-of-range percent, completed without a date.
        Assert.Contains(error.Diagnostics, d => d.Code == "DLT4005" && d.Path == "$.percentComplete" && d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(error.Diagnostics, d => d.Code == "DLT4002" && d.Path == "$.completedOn");
        Assert.Contains("DLT400", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _client.ListProgressAsync(Plan, code).ToListAsync());
    }

    [Fact]
    public async Task Without_an_API_key_a_write_is_unauthorized()
    {
        var anonymous = _server.CreateClient(o => o.ApiKey = null);
        var code = SyntheticData.TaskCode(1, 7);
        var etag = (await anonymous.GetTaskAsync(Plan, code)).ETag;

        var error = await Assert.ThrowsAsync<DeltaApiException>(() => anonymous.PostProgressAsync(Plan, code, SyntheticData.Report(code), etag));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("unauthorized", error.ErrorCode);
    }

    [Fact]
    public async Task With_a_read_only_API_key_a_write_is_forbidden()
    {
        var reader = _server.CreateClient(o => o.ApiKey = TestServer.ReaderKey);
        var code = SyntheticData.TaskCode(1, 8);
        var etag = (await reader.GetTaskAsync(Plan, code)).ETag;

        var error = await Assert.ThrowsAsync<DeltaApiException>(() => reader.PostProgressAsync(Plan, code, SyntheticData.Report(code), etag));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("forbidden", error.ErrorCode);
        Assert.IsNotType<DeltaConflictException>(error);
    }

    [Fact]
    public async Task Posting_again_with_the_same_idempotency_key_writes_once()
    {
        var code = SyntheticData.TaskCode(1, 9);
        var etag = (await _client.GetTaskAsync(Plan, code)).ETag;
        var key = Guid.NewGuid().ToString();

        var first = await _client.PostProgressAsync(Plan, code, SyntheticData.Report(code), etag, key);
        var again = await _client.PostProgressAsync(Plan, code, SyntheticData.Report(code), etag, key);

        Assert.Equal(first.Value.RecordedAt, again.Value.RecordedAt);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Single(await _client.ListProgressAsync(Plan, code).ToListAsync());
    }

    [Fact]
    public async Task The_client_gives_each_post_its_own_idempotency_key()
    {
        var code = SyntheticData.TaskCode(1, 10);
        var read = await _client.GetTaskAsync(Plan, code);
        var stored = await _client.PostProgressAsync(Plan, code, SyntheticData.Report(code), read.ETag);
        await _client.PostProgressAsync(Plan, code, SyntheticData.Report(code, ImplementationStatus.Delayed), stored.ETag);

        var keys = _server.Faults.Requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey).ToList();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k)));
        Assert.NotEqual(keys[0], keys[1]);
        Assert.Equal(2, (await _client.ListProgressAsync(Plan, code).ToListAsync()).Count);
    }

    [Fact]
    public async Task Status_filter_and_summary_follow_the_latest_reports()
    {
        var code = SyntheticData.TaskCode(3, 1);
        var etag = (await _client.GetTaskAsync(Plan, code)).ETag;
        await _client.PostProgressAsync(Plan, code, SyntheticData.Report(code, ImplementationStatus.Completed, percent: 100), etag);

        var completed = await _client.ListTasksAsync(Plan, new TaskQuery { Status = ImplementationStatus.Completed }).ToListAsync();
        var summary = await _client.GetPlanSummaryAsync(Plan);

        Assert.Equal(code, Assert.Single(completed).Task.Code);
        Assert.Equal(1, summary.ReportedTaskCount);
        Assert.Equal(1, summary.TasksByStatus.Completed);
        Assert.Equal(134, summary.TasksByStatus.Unreported);
    }

    [Fact]
    public async Task PostObservations_stores_a_batch_that_the_filters_read_back()
    {
        var batch = new ObservationBatch
        {
            Plan = Plan,
            Observations =
            [
                Observation(SyntheticData.Provinces[1], ReportingPeriod.ForYear(2024), 10),
                Observation(SyntheticData.Provinces[1], ReportingPeriod.ForQuarter(2025, 1), 11),
                Observation(SyntheticData.Provinces[2], ReportingPeriod.ForQuarter(2025, 1), 12),
            ],
        };

        var indicator = await _client.GetIndicatorAsync(SyntheticData.IndicatorId);
        var written = await _client.PostObservationsAsync(SyntheticData.IndicatorId, batch, indicator.ETag);
        var rewritten = await _client.PostObservationsAsync(SyntheticData.IndicatorId, batch with { Observations = [batch.Observations[2] with { Value = 13 }] }, written.ETag);
        var province = await _client.ListObservationsAsync(SyntheticData.IndicatorId, new ObservationQuery { Region = SyntheticData.Provinces[1] }).ToListAsync();
        var in2025 = await _client.ListObservationsAsync(SyntheticData.IndicatorId, new ObservationQuery { From = ReportingPeriod.ForYear(2025), To = ReportingPeriod.ForYear(2025) }).ToListAsync();

        Assert.Equal(SyntheticData.IndicatorId, indicator.Value.Id);
        Assert.Equal(SyntheticData.IndicatorId, written.Value.Indicator);
        Assert.Equal(3, written.Value.Inserted);
        Assert.Equal(1, rewritten.Value.Replaced);
        Assert.Equal(rewritten.ETag, (await _client.GetIndicatorAsync(SyntheticData.IndicatorId)).ETag);
        Assert.Equal([10d, 11d], province.Select(o => o.Value));
        Assert.Equal([11d, 13d], in2025.Select(o => o.Value).Order());
    }

    [Fact]
    public async Task An_invalid_observation_batch_names_each_offending_member()
    {
        var batch = new ObservationBatch
        {
            Observations =
            [
                Observation(SyntheticData.Provinces[1], ReportingPeriod.ForYear(2024), 1),
                Observation(RegionCode.Parse("999999"), ReportingPeriod.ForYear(2024), 2),
            ],
        };

        var etag = (await _client.GetIndicatorAsync(SyntheticData.IndicatorId)).ETag;
        var error = await Assert.ThrowsAsync<DeltaApiException>(() => _client.PostObservationsAsync(SyntheticData.IndicatorId, batch, etag));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("DLT2003", diagnostic.Code);
        Assert.Equal("$.observations[1].region", diagnostic.Path);
        Assert.Contains("999999", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProgressReport_reads_the_report_a_post_answered_with_in_its_Location()
    {
        var code = SyntheticData.TaskCode(2, 3);
        var etag = (await _client.GetTaskAsync(Plan, code)).ETag;

        // The client's post returns the report and the task's ETag; the report's id is in the Location header.
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v1/plans/{Plan}/tasks/{code}/progress")
        {
            Content = new StringContent(DeltaSdk.Serialization.DeltaJson.WriteProgressReport(SyntheticData.Report(code)), System.Text.Encoding.UTF8, "application/json"),
        };
        post.Headers.Add("X-Api-Key", TestServer.WriterKey);
        post.Headers.TryAddWithoutValidation("If-Match", etag.ToString("H"));
        post.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var posted = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var reportId = long.Parse(posted.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var report = await _client.GetProgressReportAsync(Plan, code, reportId);
        var listed = Assert.Single(await _client.ListProgressAsync(Plan, code).ToListAsync());

        Assert.Equal(code, report.Task);
        Assert.Equal(ImplementationStatus.InProgress, report.Status);
        Assert.NotNull(report.RecordedAt);
        Assert.Equal(listed.RecordedAt, report.RecordedAt);
        Assert.Equal("Synthetic progress", report.Narrative!.EnglishText);

        var missing = await Assert.ThrowsAsync<DeltaApiException>(() => _client.GetProgressReportAsync(Plan, code, reportId + 1000));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", missing.ErrorCode);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.GetProgressReportAsync(Plan, code, 0));
    }

    private static Observation Observation(RegionCode region, ReportingPeriod period, double value) => new()
    {
        Indicator = SyntheticData.IndicatorId,
        Region = region,
        Period = period,
        Value = value,
    };
}
