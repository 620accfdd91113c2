using System.Net;
using DeltaSdk.Api;
using DeltaSdk.Client.Tests.Infrastructure;
using NodaTime;

namespace DeltaSdk.Client.Tests;

/// <summary>
/// The history of observations end to end: the real client against the real server on a SQLite file. Corrections are
/// guarded by the indicator's ETag, nothing written is ever lost, and earlier values and every change stay readable.
/// </summary>
public sealed class DeltaClientObservationHistoryTests : IAsyncLifetime
{
    private static readonly IndicatorId Indicator = SyntheticData.IndicatorId;
    private static readonly RegionCode Shanghai = SyntheticData.Provinces[0];
    private SqliteFileServer _host = null!;
    private DeltaClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await SqliteFileServer.StartAsync(SyntheticData.Seed());
        _client = _host.Server.CreateClient();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Two_concurrent_corrections_one_wins_the_other_gets_a_conflict_and_nothing_vanishes()
    {
        var original = await PostAsync((await _client.GetIndicatorAsync(Indicator)).ETag, 100);

        // Two agencies read the same version and correct the same figure at once.
        var read = (await _client.GetIndicatorAsync(Indicator)).ETag;
        var attempts = await Task.WhenAll(new[] { 101d, 102d }.Select(value => Task.Run(async () =>
        {
            try
            {
                await PostAsync(read, value);
                return (Value: value, Error: (DeltaConflictException?)null);
            }
            catch (DeltaConflictException conflict)
            {
                return (Value: value, Error: conflict);
            }
        })));

        var winner = Assert.Single(attempts, static a => a.Error is null);
        var loser = Assert.Single(attempts, static a => a.Error is not null);
        Assert.Equal(HttpStatusCode.PreconditionFailed, loser.Error!.StatusCode);
        Assert.Equal(winner.Value, Assert.Single(await _client.ListObservationsAsync(Indicator, new ObservationQuery { Region = Shanghai }).ToListAsync()).Value);
        Assert.Equal([100d, winner.Value], await RevisionValuesAsync());

        // The loser reads again and, deciding its correction still stands, writes it as the next revision.
        await PostAsync((await _client.GetIndicatorAsync(Indicator)).ETag, loser.Value);
        Assert.Equal([100d, winner.Value, loser.Value], await RevisionValuesAsync());
        Assert.NotEqual(original, (await _client.GetIndicatorAsync(Indicator)).ETag);
    }

    [Fact]
    public async Task As_of_an_instant_before_a_correction_reads_the_earlier_value()
    {
        await PostAsync((await _client.GetIndicatorAsync(Indicator)).ETag, 7);
        var before = Assert.Single(await _client.ListObservationsAsync(Indicator).ToListAsync());
        await PostAsync((await _client.GetIndicatorAsync(Indicator)).ETag, 8);

        var asOf = await _client.ListObservationsAsync(Indicator, new ObservationQuery { AsOf = before.RecordedAt }).ToListAsync();
        var now = await _client.ListObservationsAsync(Indicator).ToListAsync();

        Assert.Equal((7d, 1), (Assert.Single(asOf).Value, asOf[0].Revision!.Value));
        Assert.Equal((8d, 2), (Assert.Single(now).Value, now[0].Revision!.Value));
        Assert.True(now[0].RecordedAt > before.RecordedAt);
        Assert.Empty(await _client.ListObservationsAsync(Indicator, new ObservationQuery { AsOf = before.RecordedAt!.Value - Duration.FromMilliseconds(1) }).ToListAsync());
    }

    [Fact]
    public async Task A_restart_on_the_same_file_keeps_every_revision_the_feed_and_the_ETag()
    {
        foreach (var value in new[] { 1d, 2d, 3d })
        {
            await PostAsync((await _client.GetIndicatorAsync(Indicator)).ETag, value);
        }

        var revisions = await _client.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), Shanghai).ToListAsync();
        var feed = await _client.ListObservationChangesAsync(Indicator, NodaConstants.UnixEpoch).ToListAsync();
        var etag = (await _client.GetIndicatorAsync(Indicator)).ETag;

        _client = await _host.RestartAsync();

        Assert.Equal([1d, 2d, 3d], revisions.Select(static o => o.Value));
        Assert.Equal(revisions, await _client.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), Shanghai).ToListAsync());
        Assert.Equal(feed, await _client.ListObservationChangesAsync(Indicator, NodaConstants.UnixEpoch).ToListAsync());
        Assert.Equal(etag, (await _client.GetIndicatorAsync(Indicator)).ETag);
        var asOfSecond = await _client.ListObservationsAsync(Indicator, new ObservationQuery { Region = Shanghai, AsOf = revisions[1].RecordedAt }).ToListAsync();
        Assert.Equal(2d, Assert.Single(asOfSecond).Value);

        // The next correction continues the history: revision 4, after every earlier recording time.
        await PostAsync(etag, 4);
        var continued = await _client.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), Shanghai).ToListAsync();
        Assert.Equal((4d, 4), (continued[^1].Value, continued[^1].Revision!.Value));
        Assert.True(continued[^1].RecordedAt > revisions[^1].RecordedAt);
    }

    /// <summary>
    /// A poller reads changes page by page (two per page) while writers keep writing and correcting: polling again
    /// from the last recording time it saw, it sees every revision exactly once.
    /// </summary>
    [Fact]
    public async Task Updated_since_polling_under_concurrent_writes_misses_nothing_and_repeats_nothing()
    {
        const int Writers = 3;
        const int BatchesPerWriter = 8;
        var writing = Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; batch < BatchesPerWriter; batch++)
            {
                // Each batch writes two periods out of four, so later batches correct earlier ones.
                var observations = new[] { 2020 + ((writer + batch) % 4), 2020 + ((writer + batch + 1) % 4) }
                    .Select(year => new Observation { Indicator = Indicator, Region = SyntheticData.Provinces[writer], Period = ReportingPeriod.ForYear(year), Value = (writer * 1000) + batch })
                    .ToList();
                while (true)
                {
                    try
                    {
                        await _client.PostObservationsAsync(Indicator, new ObservationBatch { Observations = [.. observations] }, (await _client.GetIndicatorAsync(Indicator)).ETag);
                        break;
                    }
                    catch (DeltaConflictException)
                    {
                        // Another writer came first: read the version again and retry.
                    }
                }
            }
        })));

        var seen = new List<Observation>();
        var since = Instant.FromUtc(2000, 1, 1, 0, 0);
        async Task PollAsync()
        {
            await foreach (var change in _client.ListObservationChangesAsync(Indicator, since, new ObservationQuery { PageSize = 2 }))
            {
                seen.Add(change);
            }

            if (seen.Count > 0)
            {
                since = seen[^1].RecordedAt!.Value;
            }
        }

        while (!writing.IsCompleted)
        {
            await PollAsync();
        }

        await writing;
        await PollAsync();

        var all = new List<Observation>();
        foreach (var current in await _client.ListObservationsAsync(Indicator).ToListAsync())
        {
            all.AddRange(await _client.ListObservationRevisionsAsync(Indicator, current.Period, current.Region).ToListAsync());
        }

        Assert.Equal(Writers * BatchesPerWriter * 2, all.Count);
        var seenKeys = seen.Select(static o => (o.Region, o.Period, o.Revision)).ToList();
        Assert.Equal(seenKeys.Count, seenKeys.Distinct().Count());
        Assert.Equal(all.Select(static o => (o.Region, o.Period, o.Revision, o.Value)).Order(), seen.Select(static o => (o.Region, o.Period, o.Revision, o.Value)).Order());
        Assert.Equal(seen.Select(static o => o.RecordedAt), seen.Select(static o => o.RecordedAt).Order());
    }

    [Fact]
    public async Task A_retried_write_is_stored_once_and_answered_alike_even_after_the_version_moved_on()
    {
        var etag = (await _client.GetIndicatorAsync(Indicator)).ETag;
        var batch = new ObservationBatch { Observations = [new Observation { Indicator = Indicator, Region = Shanghai, Period = ReportingPeriod.ForYear(2024), Value = 1 }] };
        var first = await _client.PostObservationsAsync(Indicator, batch, etag, "retry-key");
        await PostAsync(first.ETag, 2);
        var again = await _client.PostObservationsAsync(Indicator, batch, etag, "retry-key");

        Assert.Equal(first, again);
        Assert.Equal([1d, 2d], await RevisionValuesAsync());
        var stale = await Assert.ThrowsAsync<DeltaConflictException>(() => _client.PostObservationsAsync(Indicator, batch, etag));
        Assert.Equal("precondition_failed", stale.ErrorCode);
    }

    private async Task<ETag> PostAsync(ETag etag, double value)
        => (await _client.PostObservationsAsync(Indicator, new ObservationBatch { Observations = [new Observation { Indicator = Indicator, Region = Shanghai, Period = ReportingPeriod.ForYear(2024), Value = value }] }, etag)).ETag;

    private async Task<List<double>> RevisionValuesAsync()
        => [.. (await _client.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), Shanghai).ToListAsync()).Select(static o => o.Value)];
}
