using DeltaSdk.Api;
using DeltaSdk.Client.Tests.Infrastructure;
using DeltaSdk.Server.Storage;
using NodaTime;

namespace DeltaSdk.Client.Tests;

/// <summary>
/// Change tracking end to end through the real client and the real server on SQLite: tracked tasks, the progress feed
/// with updatedSince under concurrent writes, asOf, a restart, and the region filter looking down.
/// </summary>
public sealed class DeltaClientChangeTrackingTests : IAsyncLifetime
{
    private static readonly PlanId Plan = SyntheticData.PlanId;
    private SqliteFileServer _host = null!;
    private DeltaClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await SqliteFileServer.StartAsync(SyntheticData.Seed());
        _client = _host.Server.CreateClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_task_carries_its_latest_progress_per_region_and_when_it_changed()
    {
        var code = SyntheticData.TaskCode(1, 6);
        var city = RegionCode.Parse("330100"); // SYN-1-06 names Zhejiang (330000)
        var untouched = await _client.GetTaskAsync(Plan, code);
        Assert.Empty(untouched.Value.LatestProgress);
        Assert.Null(untouched.Value.UpdatedAt);
        Assert.Equal(1, untouched.Value.Version);

        var whole = await PostAsync(code, SyntheticData.Report(code));
        var inCity = await PostAsync(code, SyntheticData.Report(code, ImplementationStatus.Delayed) with { Region = city });
        var inProvince = await PostAsync(code, SyntheticData.Report(code, ImplementationStatus.Completed, 100) with { Region = SyntheticData.Provinces[2] });

        var tracked = await _client.GetTaskAsync(Plan, code);
        Assert.Equal(4, tracked.Value.Version);
        Assert.Equal(inProvince.RecordedAt, tracked.Value.UpdatedAt);
        // Ordered by region code, the whole-delta report first: 330000 before 330100.
        Assert.Equal([null, SyntheticData.Provinces[2], city], tracked.Value.LatestProgress.Select(static r => r.Region));
        Assert.Equal(Keys(whole, inProvince, inCity), Keys([.. tracked.Value.LatestProgress]));

        // The list says the same as the single read.
        var listed = await _client.ListTasksAsync(Plan, new TaskQuery { Aspect = AspectId.Parse("synthetic-aspect-1") }).SingleAsync(t => t.Task.Code == code);
        Assert.Equal(Json(tracked.Value), Json(listed));
    }

    [Fact]
    public async Task AsOf_returns_the_latest_state_as_it_was_recorded_then()
    {
        var code = SyntheticData.TaskCode(2, 3);
        var first = await PostAsync(code, SyntheticData.Report(code, ImplementationStatus.InProgress, 30));
        var correction = await PostAsync(code, SyntheticData.Report(code, ImplementationStatus.InProgress, 55));

        var before = await _client.GetTaskAsync(Plan, code, first.RecordedAt!.Value);
        Assert.Equal(Keys(first), Keys([.. before.LatestProgress]));
        Assert.Equal(first.RecordedAt, before.UpdatedAt);
        Assert.Equal(Keys(correction), Keys([.. (await _client.GetTaskAsync(Plan, code)).Value.LatestProgress]));
        Assert.Empty((await _client.GetTaskAsync(Plan, code, first.RecordedAt.Value - Duration.FromTicks(10))).LatestProgress);

        var listedThen = await _client.ListTasksAsync(Plan, new TaskQuery { AsOf = first.RecordedAt, Aspect = AspectId.Parse("synthetic-aspect-2") }).SingleAsync(t => t.Task.Code == code);
        Assert.Equal(30, listedThen.LatestProgress.Single().PercentComplete);
        Assert.Equal(Keys(first), Keys([.. await _client.ListProgressAsync(Plan, code, new ProgressQuery { AsOf = first.RecordedAt }).ToListAsync()]));
    }

    [Fact]
    public async Task Paging_the_feed_with_updatedSince_while_writes_go_on_misses_nothing_and_repeats_nothing()
    {
        var start = (await PostAsync(SyntheticData.TaskCode(3, 1), SyntheticData.Report(SyntheticData.TaskCode(3, 1)))).RecordedAt!.Value;

        // Four writers post to their own tasks (synthetic reports generated here) while the reader pages with a small page size.
        const int PerWriter = 15;
        using var writing = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var posted = new List<ProgressReport>();
            var code = SyntheticData.TaskCode(3, 10 + w);
            for (var i = 0; i < PerWriter; i++)
            {
                posted.Add(await PostAsync(code, SyntheticData.Report(code, ImplementationStatus.InProgress, i)));
            }

            return posted;
        })).ToList();

        // The nightly-job pattern: poll from the high-water mark until the writers are done and a poll finds nothing new.
        var seen = new List<ProgressReport>();
        var mark = start;
        var allDone = false;
        while (true)
        {
            var found = 0;
            await foreach (var report in _client.ListPlanProgressAsync(Plan, new ProgressQuery { UpdatedSince = mark, PageSize = 3 }))
            {
                seen.Add(report);
                Assert.True(report.RecordedAt > mark, "A report recorded at or before the high-water mark came again.");
                mark = report.RecordedAt!.Value;
                found++;
            }

            if (allDone && found == 0)
            {
                break;
            }

            allDone = writers.All(static w => w.IsCompleted);
        }

        var written = (await Task.WhenAll(writers)).SelectMany(static r => r).ToList();
        Assert.Equal(written.Count, seen.Count);
        Assert.Equal(Keys([.. written.OrderBy(static r => r.RecordedAt)]), Keys([.. seen]));
        Assert.Equal(seen.Count, seen.Select(static r => r.RecordedAt).Distinct().Count());

        // The same feed read once more from the start agrees, and tasks changed since the start come by their last change.
        Assert.Equal(Keys([.. seen]), Keys([.. await _client.ListPlanProgressAsync(Plan, new ProgressQuery { UpdatedSince = start, PageSize = 7 }).ToListAsync()]));
        var changed = await _client.ListTasksAsync(Plan, new TaskQuery { UpdatedSince = start, PageSize = 1 }).ToListAsync();
        Assert.Equal(
            written.GroupBy(static r => r.Task).Select(static g => g.Max(static r => r.RecordedAt)).Order(),
            changed.Select(static t => t.UpdatedAt));
    }

    [Fact]
    public async Task A_restart_on_the_same_file_keeps_the_tracked_state_and_the_feed()
    {
        var code = SyntheticData.TaskCode(1, 9);
        var whole = await PostAsync(code, SyntheticData.Report(code));
        var inCity = await PostAsync(code, SyntheticData.Report(code, ImplementationStatus.Delayed) with { Region = RegionCode.Parse("320200") }); // SYN-1-09 names Jiangsu
        var before = await _client.GetTaskAsync(Plan, code);
        var feed = await _client.ListPlanProgressAsync(Plan).ToListAsync();

        _client = await _host.RestartAsync();

        var after = await _client.GetTaskAsync(Plan, code);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(Json(before.Value), Json(after.Value));
        Assert.Equal(Keys(whole, inCity), Keys([.. after.Value.LatestProgress]));
        Assert.Equal(Keys([.. feed]), Keys([.. await _client.ListPlanProgressAsync(Plan).ToListAsync()]));
        Assert.Equal(Keys(inCity), Keys([.. await _client.ListPlanProgressAsync(Plan, new ProgressQuery { UpdatedSince = whole.RecordedAt }).ToListAsync()]));
    }

    [Fact]
    public async Task A_province_filter_finds_the_tasks_about_its_cities()
    {
        await using var cities = await SqliteFileServer.StartAsync(SeedWithCityTask(out var cityTask, out var city));
        _client = cities.Server.CreateClient();

        var province = city.Province;
        var found = await _client.ListTasksAsync(Plan, new TaskQuery { Region = province, PageSize = 200 }).Select(static t => t.Task.Code).ToListAsync();
        Assert.Contains(cityTask, found);
        Assert.Equal(SyntheticData.TasksNaming(province).Append(cityTask).Order(), found.Order());

        // Looking down only: another province does not find it, the city itself does.
        Assert.DoesNotContain(cityTask, await _client.ListTasksAsync(Plan, new TaskQuery { Region = SyntheticData.Provinces[3], PageSize = 200 }).Select(static t => t.Task.Code).ToListAsync());
        Assert.Contains(cityTask, await _client.ListTasksAsync(Plan, new TaskQuery { Region = city, PageSize = 200 }).Select(static t => t.Task.Code).ToListAsync());
    }

    private static PlanStoreSeed SeedWithCityTask(out TaskCode cityTask, out RegionCode city)
    {
        var seed = SyntheticData.Seed();
        var plan = seed.Plans[0];
        var task = plan.Aspects[0].Tasks[3]; // SYN-1-04 names Shanghai; it moves to a city of Jiangsu
        city = RegionCode.Parse("320300");
        cityTask = task.Code;
        var moved = task with { Regions = [city] };
        var aspects = plan.Aspects.SetItem(0, plan.Aspects[0] with { Tasks = plan.Aspects[0].Tasks.SetItem(3, moved) });
        return seed with { Plans = [plan with { Aspects = aspects }] };
    }

    private async Task<ProgressReport> PostAsync(TaskCode code, ProgressReport report)
    {
        // Each writer owns its task, so reading the ETag just before posting never goes stale.
        var etag = (await _client.GetTaskAsync(Plan, code)).ETag;
        return (await _client.PostProgressAsync(Plan, code, report, etag)).Value;
    }

    /// <summary>What tells reports apart here, compared as values (a report read back is another instance).</summary>
    private static List<(TaskCode Task, RegionCode? Region, ImplementationStatus Status, double? Percent, Instant? RecordedAt)> Keys(params ProgressReport[] reports)
        => [.. reports.Select(static r => (r.Task, r.Region, r.Status, r.PercentComplete, r.RecordedAt))];

    private static string Json(TrackedTask task) => System.Text.Json.JsonSerializer.Serialize(task, ApiJson.Options);
}
