using CsCheck;
using DeltaSdk.Api;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Tests.Support;
using NodaTime;

namespace DeltaSdk.Server.Tests.Storage;

/// <summary>The history of observations every store keeps: revisions, the indicator version, as-of and change reads.</summary>
public abstract partial class PlanStoreContractTests
{
    private static readonly IndicatorId Indicator = SyntheticPlanData.Indicator;

    [Fact]
    public async Task Seeded_observations_are_revision_one_and_the_indicator_starts_at_version_one()
    {
        var indicator = (await Store.GetIndicatorAsync(Indicator))!;
        Assert.Equal(1, indicator.Version);
        Assert.Equal(Indicator, indicator.Indicator.Id);
        Assert.Null(await Store.GetIndicatorAsync(IndicatorId.Parse("nothing")));

        var current = await AllAsync(new ObservationFilter());
        Assert.Equal(4, current.Count);
        Assert.All(current, static o => Assert.Equal(1, o.Revision));
        Assert.Single(current.Select(static o => o.RecordedAt).Distinct());
        Assert.NotNull(current[0].RecordedAt);
    }

    [Fact]
    public async Task A_correction_is_a_new_revision_and_the_earlier_value_stays_readable()
    {
        var first = await WriteAsync(1, Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForYear(2025), 1), Obs(SyntheticPlanData.Shanghai, ReportingPeriod.ForYear(2024), 99));
        Assert.Equal(WriteOutcome.Written, first.Outcome);
        Assert.Equal(new ObservationWriteResult { Indicator = Indicator, Inserted = 1, Replaced = 1 }, first.Value!.Counts);
        Assert.Equal(2, first.Value.IndicatorVersion);
        var second = await WriteAsync(2, Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForYear(2025), 2));
        Assert.Equal(3, second.Value!.IndicatorVersion);
        Assert.Equal(3, (await Store.GetIndicatorAsync(Indicator))!.Version);

        var revisions = (await Store.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2025), SyntheticPlanData.Zhejiang, null, null, 10))!;
        Assert.Equal([1.0, 2.0], revisions.Items.Select(static o => o.Value));
        Assert.Equal([1, 2], revisions.Items.Select(static o => o.Revision!.Value));
        Assert.True(revisions.Items[0].RecordedAt < revisions.Items[1].RecordedAt);

        var paged = (await Store.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), SyntheticPlanData.Shanghai, null, null, 1))!;
        Assert.Equal(12, Assert.Single(paged.Items).Value);
        var rest = (await Store.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), SyntheticPlanData.Shanghai, null, paged.Continuation, 1))!;
        Assert.Equal(99, Assert.Single(rest.Items).Value);
        Assert.Null(rest.Continuation);
        Assert.Empty((await Store.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2030), null, SyntheticPlanData.Whole, null, 10))!.Items);
        Assert.Null(await Store.ListObservationRevisionsAsync(IndicatorId.Parse("nothing"), ReportingPeriod.ForYear(2024), SyntheticPlanData.Shanghai, null, null, 10));

        var current = (await Store.ListObservationsAsync(Indicator, new ObservationFilter { Region = SyntheticPlanData.Zhejiang }, null, 10))!;
        var now = Assert.Single(current.Items);
        Assert.Equal((2.0, 2), (now.Value, now.Revision!.Value));

        // As of the first correction's instant, and just before the second: the first value.
        var firstAt = revisions.Items[0].RecordedAt!.Value;
        var secondAt = revisions.Items[1].RecordedAt!.Value;
        Assert.Equal(1, Assert.Single(await AllAsync(new ObservationFilter { Region = SyntheticPlanData.Zhejiang, AsOf = firstAt })).Value);
        Assert.Equal(1, Assert.Single(await AllAsync(new ObservationFilter { Region = SyntheticPlanData.Zhejiang, AsOf = secondAt - Duration.FromTicks(10) })).Value);
        Assert.Equal(2, Assert.Single(await AllAsync(new ObservationFilter { Region = SyntheticPlanData.Zhejiang, AsOf = secondAt })).Value);

        // Before it was first recorded, the observation did not exist; the seeded ones did, with their seeded values.
        var before = await AllAsync(new ObservationFilter { AsOf = firstAt - Duration.FromTicks(10) });
        Assert.DoesNotContain(before, static o => o.Region == SyntheticPlanData.Zhejiang);
        Assert.Equal(12, Assert.Single(before, static o => o.Region == SyntheticPlanData.Shanghai && o.Period == ReportingPeriod.ForYear(2024)).Value);
    }

    /// <summary>Writers holding one version correct one observation at once: exactly one wins, and only its revision is added.</summary>
    [Fact]
    public async Task Concurrent_writers_at_one_version_one_wins_and_no_revision_is_lost()
    {
        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => WriteAsync(1, Obs(SyntheticPlanData.Shanghai, ReportingPeriod.ForYear(2024), 100 + i)))));
        var winner = Assert.Single(results, static r => r.Outcome == WriteOutcome.Written);
        Assert.All(results.Where(r => r != winner), static r => Assert.Equal((WriteOutcome.VersionMismatch, 2L), (r.Outcome, r.CurrentVersion!.Value)));
        var revisions = (await Store.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), SyntheticPlanData.Shanghai, null, null, 10))!.Items;
        Assert.Equal(2, revisions.Count);
        Assert.Equal(12, revisions[0].Value);
        Assert.InRange(revisions[1].Value, 101, 106);
    }

    [Fact]
    public async Task A_write_at_a_stale_version_is_refused_and_changes_nothing()
    {
        Assert.Equal(WriteOutcome.Written, (await WriteAsync(1, Obs(SyntheticPlanData.Jiangsu, ReportingPeriod.ForYear(2024), 21))).Outcome);
        var stale = await WriteAsync(1, Obs(SyntheticPlanData.Jiangsu, ReportingPeriod.ForYear(2024), 22));
        Assert.Equal(WriteOutcome.VersionMismatch, stale.Outcome);
        Assert.Equal(2, stale.CurrentVersion);
        Assert.Equal(2, (await Store.GetIndicatorAsync(Indicator))!.Version);
        var revisions = (await Store.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2024), SyntheticPlanData.Jiangsu, null, null, 10))!;
        Assert.Equal([20.0, 21.0], revisions.Items.Select(static o => o.Value));
        Assert.Equal(WriteOutcome.NotFound, (await Store.AddObservationsAsync(IndicatorId.Parse("nothing"), [], 1, Now, null)).Outcome);
    }

    [Fact]
    public async Task A_replayed_observation_write_returns_the_first_result_even_after_the_version_moved_on()
    {
        Observation[] batch = [Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForYear(2025), 1)];
        var key = Idempotency("obs", "f-obs", Now);
        var first = await Store.AddObservationsAsync(Indicator, batch, 1, Now, key);
        var other = await WriteAsync(2, Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForYear(2025), 3));
        var again = await Store.AddObservationsAsync(Indicator, [batch[0] with { Value = 2 }], 1, Now, key);
        Assert.Equal(WriteOutcome.Written, first.Outcome);
        Assert.Equal(WriteOutcome.Written, other.Outcome);
        Assert.Equal(WriteOutcome.Replayed, again.Outcome);
        Assert.Equal(first.Value, again.Value);
        Assert.Equal(2, again.Value!.IndicatorVersion);
        var revisions = (await Store.ListObservationRevisionsAsync(Indicator, ReportingPeriod.ForYear(2025), SyntheticPlanData.Zhejiang, null, null, 10))!;
        Assert.Equal([1.0, 3.0], revisions.Items.Select(static o => o.Value));

        var progressKeyOnObservations = await AppendAsync(SyntheticPlanData.Code(10), 1, ImplementationStatus.InProgress, new LocalDate(2024, 6, 1), Idempotency("obs", "f-other", Now));
        Assert.Equal(WriteOutcome.IdempotencyKeyReused, progressKeyOnObservations.Outcome);
        Assert.Equal(1, (await Store.GetTaskAsync(PlanId, SyntheticPlanData.Code(10)))!.Version);
    }

    [Fact]
    public async Task Current_observations_page_in_period_order()
    {
        await WriteAsync(1, Obs(SyntheticPlanData.Shanghai, ReportingPeriod.ForYear(2024), 99), Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForHalf(2024, 1), 5));
        var periods = new List<string>();
        string? continuation = null;
        do
        {
            var page = (await Store.ListObservationsAsync(Indicator, new ObservationFilter(), continuation, 2))!;
            periods.AddRange(page.Items.Select(static o => $"{o.Period}:{o.Region}:{o.Value}:{o.Revision}"));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(["2023:310000:10:1", "2024:310000:99:2", "2024:320000:20:1", "2024-H1:330000:5:1", "2024-Q3:320000:6:1"], periods);
        var filtered = (await Store.ListObservationsAsync(Indicator, new ObservationFilter { Region = SyntheticPlanData.Jiangsu, From = ReportingPeriod.ForHalf(2024, 2) }, null, 10))!;
        Assert.Equal(6, Assert.Single(filtered.Items).Value);
        Assert.Null(await Store.ListObservationsAsync(IndicatorId.Parse("nothing"), new ObservationFilter(), null, 10));
    }

    /// <summary>Writes land between the pages of a change read: the read misses none of them and repeats none.</summary>
    [Fact]
    public async Task Updated_since_pages_miss_nothing_and_repeat_nothing_while_writes_continue()
    {
        var since = (await AllAsync(new ObservationFilter())).Max(static o => o.RecordedAt)!.Value;
        var version = 1L;
        var written = new List<(string Key, double Value)>();
        async Task WriteBatchAsync(int batch)
        {
            // Three observations a batch, two of them corrections of earlier batches' ones.
            var observations = Enumerable.Range(0, 3).Select(i => Obs(SyntheticPlanData.Zhejiang, ReportingPeriod.ForYear(2030 + ((batch + i) % 5)), (batch * 10) + i)).ToArray();
            var result = await WriteAsync(version, observations);
            Assert.Equal(WriteOutcome.Written, result.Outcome);
            version = result.Value!.IndicatorVersion;
            written.AddRange(observations.OrderBy(static o => StoreHelpers.ObservationSortKey(o), StringComparer.Ordinal).Select(static o => (o.Period.ToString(), o.Value)));
        }

        for (var batch = 0; batch < 4; batch++)
        {
            await WriteBatchAsync(batch);
        }

        var read = new List<Observation>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = (await Store.ListObservationsAsync(Indicator, new ObservationFilter { UpdatedSince = since }, continuation, 2))!;
            read.AddRange(page.Items);
            continuation = page.Continuation;
            if (pages++ < 3)
            {
                await WriteBatchAsync(10 + pages);
            }
        }
        while (continuation is not null);

        Assert.Equal(written, read.Select(static o => (o.Period.ToString(), o.Value)));
        Assert.Equal(read.Select(static o => o.RecordedAt), read.Select(static o => o.RecordedAt).Order());
        Assert.All(read, o => Assert.True(o.RecordedAt > since));

        // From the last instant seen, nothing; from just before it, the last write's revisions.
        var last = read[^1].RecordedAt!.Value;
        Assert.Empty(await AllAsync(new ObservationFilter { UpdatedSince = last }));
        Assert.Equal(3, (await AllAsync(new ObservationFilter { UpdatedSince = last - Duration.FromTicks(10) })).Count);
        await Assert.ThrowsAsync<FormatException>(() => Store.ListObservationsAsync(Indicator, new ObservationFilter { UpdatedSince = since }, "not-a-continuation", 2));
    }

    /// <summary>Random write sequences against a model: current values, revisions, as-of and changes all agree with it.</summary>
    [Fact]
    public async Task Random_write_sequences_agree_with_a_model_of_revisions()
    {
        RegionCode[] regions = [SyntheticPlanData.Shanghai, SyntheticPlanData.Jiangsu, SyntheticPlanData.Zhejiang];
        var batchGen = Gen.Select(Gen.Int[0, 2], Gen.Int[2040, 2042], Gen.Int[0, 1000]).Array[1, 4];
        var round = 0;
        await Gen.Select(batchGen.Array[1, 5], Gen.Int[1, 4]).SampleAsync(
            async sample =>
            {
                var (batches, pageSize) = sample;
                round++;
                var before = await AllAsync(new ObservationFilter());
                var since = before.Max(static o => o.RecordedAt)!.Value;
                var model = before.ToDictionary(static o => StoreHelpers.ObservationSortKey(o), static o => new List<double> { o.Value });
                foreach (var key in model.Keys)
                {
                    model[key] = [.. (await RevisionsAsync(before.First(o => StoreHelpers.ObservationSortKey(o) == key))).Select(static o => o.Value)];
                }

                var version = (await Store.GetIndicatorAsync(Indicator))!.Version;
                var changes = new List<(string Key, double Value, int Revision)>();
                foreach (var batch in batches)
                {
                    // Distinct keys per batch: a batch names each observation once (a later duplicate would win).
                    var observations = batch.DistinctBy(static b => (b.Item1, b.Item2)).Select(b => Obs(regions[b.Item1], ReportingPeriod.ForYear(b.Item2), b.Item3 + (round * 10000))).ToArray();
                    var result = await WriteAsync(version, observations);
                    Assert.Equal(WriteOutcome.Written, result.Outcome);
                    Assert.Equal(version + 1, result.Value!.IndicatorVersion);
                    version++;
                    foreach (var o in observations.OrderBy(static o => StoreHelpers.ObservationSortKey(o), StringComparer.Ordinal))
                    {
                        var key = StoreHelpers.ObservationSortKey(o);
                        var history = model.TryGetValue(key, out var h) ? h : model[key] = [];
                        history.Add(o.Value);
                        changes.Add((key, o.Value, history.Count));
                    }
                }

                var current = await AllAsync(new ObservationFilter());
                Assert.Equal(model.OrderBy(static m => m.Key, StringComparer.Ordinal).Select(static m => (m.Value[^1], m.Value.Count)), current.Select(static o => (o.Value, o.Revision!.Value)));

                var read = await AllAsync(new ObservationFilter { UpdatedSince = since }, pageSize);
                Assert.Equal(changes, read.Select(static o => (StoreHelpers.ObservationSortKey(o), o.Value, o.Revision!.Value)));

                foreach (var o in current)
                {
                    Assert.Equal(model[StoreHelpers.ObservationSortKey(o)], (await RevisionsAsync(o)).Select(static r => r.Value));
                }

                // As of the first batch's instant: the values before the sequence, overlaid with the first batch.
                var firstAt = read[0].RecordedAt!.Value;
                var expected = before.ToDictionary(static o => StoreHelpers.ObservationSortKey(o), static o => o.Value);
                foreach (var o in read.TakeWhile(o => o.RecordedAt == firstAt))
                {
                    expected[StoreHelpers.ObservationSortKey(o)] = o.Value;
                }

                var asOf = await AllAsync(new ObservationFilter { AsOf = firstAt }, pageSize);
                Assert.Equal(expected.OrderBy(static e => e.Key, StringComparer.Ordinal).Select(static e => e.Value), asOf.Select(static o => o.Value));
            },
            iter: 8,
            threads: 1);
    }

    private static Observation Obs(RegionCode region, ReportingPeriod period, double value) => new() { Indicator = Indicator, Region = region, Period = period, Value = value };

    private Task<WriteResult<AddedObservations>> WriteAsync(long expectedVersion, params Observation[] observations)
        => Store.AddObservationsAsync(Indicator, observations, expectedVersion, Now, null);

    private async Task<List<Observation>> AllAsync(ObservationFilter filter, int pageSize = 3)
    {
        var all = new List<Observation>();
        string? continuation = null;
        do
        {
            var page = (await Store.ListObservationsAsync(Indicator, filter, continuation, pageSize))!;
            all.AddRange(page.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return all;
    }

    private async Task<IReadOnlyList<Observation>> RevisionsAsync(Observation observation)
        => (await Store.ListObservationRevisionsAsync(Indicator, observation.Period, observation.Region, observation.RegionGroup, null, 1000))!.Items;
}
