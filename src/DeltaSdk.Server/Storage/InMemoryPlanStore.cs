using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using DeltaSdk.Api;
using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// A store that keeps everything in memory, for tests and benchmarks: fast, isolated, and gone when the process ends.
/// One lock guards the data, so writes are atomic and serialized exactly as in <see cref="SqlitePlanStore"/>.
/// </summary>
public sealed class InMemoryPlanStore : IPlanStore
{
    private readonly Lock _gate = new();
    private readonly PlanStoreSeed _seed;
    private readonly Dictionary<PlanId, PlanState> _plans = [];
    private readonly Dictionary<IndicatorId, IndicatorState> _indicators = [];
    private readonly Dictionary<string, RememberedWrite> _idempotency = new(StringComparer.Ordinal);
    private readonly ChangeClock _clock = new();

    // Every appended report in change order (report ids rise with the change sequence here, since both are taken under the lock).
    private readonly List<(PlanId Plan, StoredProgressReport Report)> _changes = [];
    private StoreCatalog? _catalog;
    private long _nextReportId = 1;
    private long _tasksStamp;

    /// <summary>Initializes a new instance of the <see cref="InMemoryPlanStore"/> class.</summary>
    /// <param name="seed">The data the store starts with.</param>
    public InMemoryPlanStore(PlanStoreSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _seed = seed;
    }

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureInitialized();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<long> GetTasksStampAsync(CancellationToken cancellationToken = default)
        => Task.FromResult(Interlocked.Read(ref _tasksStamp));

    /// <inheritdoc />
    public Task<IReadOnlyList<PlanSummary>> ListPlansAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureInitialized();
            return Task.FromResult(EnsureInitialized().PlanSummaries);
        }
    }

    /// <inheritdoc />
    public Task<Plan?> GetPlanAsync(PlanId planId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(EnsureInitialized().Plans.GetValueOrDefault(planId));
        }
    }

    /// <inheritdoc />
    public Task<StoredPlan?> GetPlanRevisionAsync(PlanId planId, Instant? asOf, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureInitialized();
            if (!_plans.TryGetValue(planId, out var plan))
            {
                return Task.FromResult<StoredPlan?>(null);
            }

            return Task.FromResult(asOf is { } instant ? plan.Revisions.LastOrDefault(r => r.Stored.RecordedAt <= instant)?.Stored : plan.Revisions[^1].Stored);
        }
    }

    /// <inheritdoc />
    public Task<StorePage<PlanRevisionSummary>?> ListPlanRevisionsAsync(PlanId planId, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var before = continuation is null ? long.MaxValue : StoreHelpers.ParseOrdinalContinuation(continuation);
        lock (_gate)
        {
            EnsureInitialized();
            if (!_plans.TryGetValue(planId, out var plan))
            {
                return Task.FromResult<StorePage<PlanRevisionSummary>?>(null);
            }

            var matches = plan.Revisions.AsEnumerable().Reverse().Where(r => r.Stored.Revision < before).Take(limit + 1).ToList();
            var items = matches.Take(limit).Select(static r => r.Summary).ToList();
            var next = matches.Count > limit ? PlanEdit.Continuation(items[^1].Revision) : null;
            return Task.FromResult<StorePage<PlanRevisionSummary>?>(new StorePage<PlanRevisionSummary> { Items = items, Continuation = next });
        }
    }

    /// <inheritdoc />
    public Task<WriteResult<PlanWritten>> WritePlanAsync(Plan plan, PlanPrecondition precondition, Instant now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(precondition);
        lock (_gate)
        {
            EnsureInitialized();
            if (!_plans.TryGetValue(plan.Id, out var state))
            {
                return Task.FromResult(WriteResult<PlanWritten>.NotFound);
            }

            long? taskVersion = null;
            if (precondition.Task is { } code)
            {
                taskVersion = state.ByCode.TryGetValue(code, out var target) ? target.Version : 0;
                if (taskVersion != precondition.TaskVersion)
                {
                    return Task.FromResult(WriteResult<PlanWritten>.Mismatch(taskVersion.Value));
                }
            }

            var current = state.Revisions[^1].Stored;
            if (current.Revision != precondition.Revision)
            {
                return Task.FromResult(WriteResult<PlanWritten>.Mismatch(current.Revision));
            }

            var edit = PlanEdit.Create(current.Plan, plan);
            if (edit.Changes.IsEmpty)
            {
                return Task.FromResult(WriteResult<PlanWritten>.Written(new PlanWritten { Plan = current, Changes = edit.Changes, TaskVersion = taskVersion }));
            }

            if (edit.Removed.Any(c => state.ByCode[c].Latest is not null))
            {
                return Task.FromResult(WriteResult<PlanWritten>.Conflicted);
            }

            var stamp = _clock.Next(now);
            var stored = new StoredPlan { Plan = plan, Revision = current.Revision + 1, RecordedAt = stamp.RecordedAt };
            state.Revisions.Add(new PlanRevisionState(stored, PlanEdit.Summary(plan.Id, stored.Revision, stamp.RecordedAt, edit.Changes)));
            foreach (var removed in edit.Removed)
            {
                // The list index is the task's ordinal (what continuations name), so a removed task leaves a gap.
                state.Tasks[state.ByCode[removed].Ordinal] = null;
                state.ByCode.Remove(removed);
            }

            foreach (var task in edit.Updated)
            {
                var old = state.ByCode[task.Code];
                var updated = new TaskState(task, old.Ordinal) { Version = old.Version + 1, Latest = old.Latest };
                updated.Reports.AddRange(old.Reports);
                state.Tasks[old.Ordinal] = updated;
                state.ByCode[task.Code] = updated;
            }

            foreach (var task in edit.Added)
            {
                var added = new TaskState(task, state.Tasks.Count);
                state.Tasks.Add(added);
                state.ByCode.Add(task.Code, added);
            }

            foreach (var indicator in edit.AddedIndicators)
            {
                // An indicator removed earlier and added again keeps its history and its version.
                _indicators.TryAdd(indicator, new IndicatorState());
            }

            foreach (var indicator in edit.RedefinedIndicators)
            {
                _indicators[indicator].Version++;   // a redefined indicator was in the plan before, so it has a state
            }

            Interlocked.Increment(ref _tasksStamp);
            _catalog = _catalog!.WithPlan(stored);
            var version = precondition.Task is { } written && state.ByCode.TryGetValue(written, out var now2) ? now2.Version : (long?)null;
            return Task.FromResult(WriteResult<PlanWritten>.Written(new PlanWritten { Plan = stored, Changes = edit.Changes, TaskVersion = version }));
        }
    }

    /// <inheritdoc />
    public Task<StorePage<StoredTask>?> ListTasksAsync(PlanId planId, TaskFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var after = continuation is null ? -1 : StoreHelpers.ParseOrdinalContinuation(continuation);
        var codes = filter.Codes?.ToHashSet();
        lock (_gate)
        {
            EnsureInitialized();
            if (!_plans.TryGetValue(planId, out var plan))
            {
                return Task.FromResult<StorePage<StoredTask>?>(null);
            }

            if (filter.UpdatedSince is { } since)
            {
                return Task.FromResult<StorePage<StoredTask>?>(ChangedTasks(plan, filter, codes, since, after, limit));
            }

            var items = new List<StoredTask>(Math.Min(limit, plan.Tasks.Count));
            string? next = null;
            var lastOrdinal = -1;
            for (var i = (int)Math.Min(after + 1, plan.Tasks.Count); i < plan.Tasks.Count; i++)
            {
                var task = plan.Tasks[i];
                if (task is null || !Matches(task, filter, codes))
                {
                    continue;
                }

                if (items.Count == limit)
                {
                    next = StoreHelpers.OrdinalContinuation(lastOrdinal);
                    break;
                }

                items.Add(task.Snapshot());
                lastOrdinal = i;
            }

            return Task.FromResult<StorePage<StoredTask>?>(new StorePage<StoredTask> { Items = items, Continuation = next });
        }
    }

    /// <inheritdoc />
    public Task<StoredTask?> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureInitialized();
            return Task.FromResult(FindTask(planId, code)?.Snapshot());
        }
    }

    /// <inheritdoc />
    public Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, TaskCode code, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        (LocalDate ReportedOn, long Id)? after = continuation is null ? null : StoreHelpers.ParseProgressContinuation(continuation);
        lock (_gate)
        {
            EnsureInitialized();
            if (FindTask(planId, code) is not { } task)
            {
                return Task.FromResult<StorePage<StoredProgressReport>?>(null);
            }

            var remaining = task.Reports
                .Where(r => after is not { } a || r.Report.ReportedOn > a.ReportedOn || (r.Report.ReportedOn == a.ReportedOn && r.Id > a.Id))
                .Take(limit + 1)
                .ToList();
            var items = remaining.Take(limit).ToList();
            var next = remaining.Count > limit ? StoreHelpers.ProgressContinuation(items[^1]) : null;
            return Task.FromResult<StorePage<StoredProgressReport>?>(new StorePage<StoredProgressReport> { Items = items, Continuation = next });
        }
    }

    /// <inheritdoc />
    public Task<StorePage<StoredProgressReport>?> ListProgressAsync(PlanId planId, ProgressFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (!filter.InChangeOrder)
        {
            (LocalDate ReportedOn, long Id)? after = continuation is null ? null : StoreHelpers.ParseProgressContinuation(continuation);
            lock (_gate)
            {
                EnsureInitialized();
                if (FindTask(planId, filter.Task!.Value) is not { } task)
                {
                    return Task.FromResult<StorePage<StoredProgressReport>?>(null);
                }

                var remaining = task.Reports
                    .Where(r => Recorded(r.Report, filter) && (after is not { } a || r.Report.ReportedOn > a.ReportedOn || (r.Report.ReportedOn == a.ReportedOn && r.Id > a.Id)))
                    .Take(limit + 1)
                    .ToList();
                var items = remaining.Take(limit).ToList();
                var next = remaining.Count > limit ? StoreHelpers.ProgressContinuation(items[^1]) : null;
                return Task.FromResult<StorePage<StoredProgressReport>?>(new StorePage<StoredProgressReport> { Items = items, Continuation = next });
            }
        }

        var afterId = continuation is null ? 0 : StoreHelpers.ParseOrdinalContinuation(continuation);
        lock (_gate)
        {
            EnsureInitialized();
            if (!_plans.ContainsKey(planId) || (filter.Task is { } code && FindTask(planId, code) is null))
            {
                return Task.FromResult<StorePage<StoredProgressReport>?>(null);
            }

            var start = _changes.BinarySearch((planId, new StoredProgressReport { Id = afterId, Report = null! }), ChangeById.Instance);
            start = start < 0 ? ~start : start + 1;
            var remaining = new List<StoredProgressReport>(Math.Min(limit + 1, 256));
            for (var i = start; i < _changes.Count && remaining.Count <= limit; i++)
            {
                var (plan, stored) = _changes[i];
                if (plan == planId && (filter.Task is not { } task || stored.Report.Task == task) && Recorded(stored.Report, filter))
                {
                    remaining.Add(stored);
                }
            }

            var items = remaining.Take(limit).ToList();
            var next = remaining.Count > limit ? StoreHelpers.OrdinalContinuation(items[^1].Id) : null;
            return Task.FromResult<StorePage<StoredProgressReport>?>(new StorePage<StoredProgressReport> { Items = items, Continuation = next });
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<TaskCode, TaskProgressState>> GetProgressStatesAsync(PlanId planId, IReadOnlyCollection<TaskCode> codes, Instant? asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var states = new Dictionary<TaskCode, TaskProgressState>();
        lock (_gate)
        {
            EnsureInitialized();
            foreach (var code in codes)
            {
                if (FindTask(planId, code) is not { } task)
                {
                    continue;
                }

                // Reports are kept by state date, then in recording order: the last of each region is its latest.
                var counted = task.Reports.Where(r => asOf is not { } at || r.Report.RecordedAt <= at).ToList();
                if (counted.Count == 0)
                {
                    continue;
                }

                var latest = counted.GroupBy(static r => r.Report.Region).Select(static g => g.Last().Report);
                states[code] = TaskProgressState.From(latest, counted.Max(static r => r.Report.RecordedAt));
            }
        }

        return Task.FromResult<IReadOnlyDictionary<TaskCode, TaskProgressState>>(states);
    }

    /// <inheritdoc />
    public Task<StoredProgressReport?> GetProgressAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnsureInitialized();
            return Task.FromResult(FindTask(planId, code)?.Reports.Find(r => r.Id == reportId));
        }
    }

    /// <inheritdoc />
    public Task<WriteResult<AppendedProgress>> AppendProgressAsync(ProgressReport report, long expectedVersion, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            EnsureInitialized();
            if (StoreHelpers.CheckIdempotency<AppendedProgress>(Remembered(idempotency), idempotency) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            if (FindTask(report.Plan, report.Task) is not { } task)
            {
                return Task.FromResult(WriteResult<AppendedProgress>.NotFound);
            }

            if (task.Version != expectedVersion)
            {
                return Task.FromResult(WriteResult<AppendedProgress>.Mismatch(task.Version));
            }

            var stamp = _clock.Next(report.RecordedAt ?? throw new ArgumentException("The report has no RecordedAt.", nameof(report)));
            report = report with { RecordedAt = stamp.RecordedAt };
            var stored = new StoredProgressReport { Id = _nextReportId++, Report = report };
            task.Version++;
            Interlocked.Increment(ref _tasksStamp);
            var index = task.Reports.FindLastIndex(r => r.Report.ReportedOn <= report.ReportedOn) + 1;
            task.Reports.Insert(index, stored);
            _changes.Add((report.Plan, stored));
            if (StoreHelpers.IsLatest(report, task.Latest))
            {
                task.Latest = report;
            }

            var appended = new AppendedProgress { Report = stored, TaskVersion = task.Version };
            Remember(idempotency, appended);
            return Task.FromResult(WriteResult<AppendedProgress>.Written(appended));
        }
    }

    /// <inheritdoc />
    public Task<StorePage<Region>> ListRegionsAsync(RegionFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(EnsureInitialized().RegionPage(filter, continuation, limit));
        }
    }

    /// <inheritdoc />
    public Task<RegionTable> GetRegionTableAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(EnsureInitialized().Regions);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Indicator>> ListIndicatorsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(EnsureInitialized().Indicators);
        }
    }

    /// <inheritdoc />
    public Task<StoredIndicator?> GetIndicatorAsync(IndicatorId indicator, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var catalog = EnsureInitialized();
            // A removed indicator keeps its state (its history stays), but the catalogue no longer defines it.
            return Task.FromResult(_indicators.TryGetValue(indicator, out var state) && catalog.Indicators.FirstOrDefault(i => i.Id == indicator) is { } defined
                ? new StoredIndicator { Indicator = defined, Version = state.Version }
                : null);
        }
    }

    /// <summary>
    /// Finds an indicator the catalogue defines, as the SQL stores do: one a plan write removed keeps its state (its
    /// history comes back if it is added again) but is unknown until then. The caller holds the lock.
    /// </summary>
    private bool TryGetDefinedIndicator(IndicatorId indicator, [NotNullWhen(true)] out IndicatorState? state)
    {
        state = null;
        return EnsureInitialized().IndicatorIds.Contains(indicator) && _indicators.TryGetValue(indicator, out state);
    }

    /// <inheritdoc />
    public Task<StorePage<Observation>?> ListObservationsAsync(IndicatorId indicator, ObservationFilter filter, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var changesAfter = filter.UpdatedSince is not null && continuation is not null ? ObservationChanges.ParseContinuation(continuation) : ((long, string)?)null;
        lock (_gate)
        {
            EnsureInitialized();
            if (!TryGetDefinedIndicator(indicator, out var state))
            {
                return Task.FromResult<StorePage<Observation>?>(null);
            }

            if (filter.UpdatedSince is { } since)
            {
                var changes = state.Changes
                    .Where(c => c.Observation.RecordedAt > since && (filter.AsOf is not { } upTo || c.Observation.RecordedAt <= upTo))
                    .Where(c => changesAfter is not { } position || ObservationChanges.IsAfter(c.Sequence, c.Key, position))
                    .Where(c => StoreHelpers.MatchesObservation(c.Observation, filter))
                    .Take(limit + 1)
                    .ToList();
                var kept = changes.Take(limit).ToList();
                var nextChange = changes.Count > limit ? ObservationChanges.Continuation(kept[^1].Sequence, kept[^1].Key) : null;
                return Task.FromResult<StorePage<Observation>?>(new StorePage<Observation> { Items = [.. kept.Select(static c => c.Observation)], Continuation = nextChange });
            }

            var matches = state.Observations
                .Where(key => continuation is null || string.CompareOrdinal(key, continuation) > 0)
                .Select(key => (key, observation: filter.AsOf is { } asOf ? state.Revisions[key].LastOrDefault(r => r.RecordedAt <= asOf) : state.Revisions[key][^1]))
                .Where(x => x.observation is not null && StoreHelpers.MatchesObservation(x.observation, filter))
                .Take(limit + 1)
                .ToList();
            var items = matches.Take(limit).ToList();
            var next = matches.Count > limit ? items[^1].key : null;
            return Task.FromResult<StorePage<Observation>?>(new StorePage<Observation> { Items = [.. items.Select(static x => x.observation!)], Continuation = next });
        }
    }

    /// <inheritdoc />
    public Task<StorePage<Observation>?> ListObservationRevisionsAsync(IndicatorId indicator, ReportingPeriod period, RegionCode? region, RegionGroupId? regionGroup, string? continuation, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var key = StoreHelpers.ObservationSortKey(period, StoreHelpers.ObservationScope(region, regionGroup));
        var after = continuation is null ? 0 : StoreHelpers.ParseOrdinalContinuation(continuation);
        lock (_gate)
        {
            EnsureInitialized();
            if (!TryGetDefinedIndicator(indicator, out var state))
            {
                return Task.FromResult<StorePage<Observation>?>(null);
            }

            var remaining = state.Revisions.GetValueOrDefault(key, []).Where(r => r.Revision > after).Take(limit + 1).ToList();
            var items = remaining.Take(limit).ToList();
            var next = remaining.Count > limit ? StoreHelpers.OrdinalContinuation(items[^1].Revision!.Value) : null;
            return Task.FromResult<StorePage<Observation>?>(new StorePage<Observation> { Items = items, Continuation = next });
        }
    }

    /// <inheritdoc />
    public Task<WriteResult<AddedObservations>> AddObservationsAsync(IndicatorId indicator, IReadOnlyList<Observation> observations, long expectedVersion, Instant now, IdempotencyRequest? idempotency, CancellationToken cancellationToken = default)
    {
        var batch = StoreHelpers.ObservationBatch(indicator, observations);
        lock (_gate)
        {
            EnsureInitialized();
            if (StoreHelpers.CheckIdempotency<AddedObservations>(Remembered(idempotency), idempotency) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            if (!TryGetDefinedIndicator(indicator, out var state))
            {
                return Task.FromResult(WriteResult<AddedObservations>.NotFound);
            }

            if (state.Version != expectedVersion)
            {
                return Task.FromResult(WriteResult<AddedObservations>.Mismatch(state.Version));
            }

            var revised = batch.Keys.Count(state.Revisions.ContainsKey);
            state.Record(batch, _clock.Next(now));
            state.Version++;
            var added = new AddedObservations
            {
                Counts = new ObservationWriteResult { Indicator = indicator, Inserted = batch.Count - revised, Replaced = revised },
                IndicatorVersion = state.Version,
            };
            Remember(idempotency, added);
            return Task.FromResult(WriteResult<AddedObservations>.Written(added));
        }
    }

    private RememberedWrite? Remembered(IdempotencyRequest? request)
        => request is not null && _idempotency.TryGetValue(request.Key, out var entry) ? entry : null;

    private void Remember(IdempotencyRequest? request, object result)
    {
        if (request is null)
        {
            return;
        }

        foreach (var expired in _idempotency.Where(e => StoreHelpers.IsExpired(e.Value.CreatedAt, request)).Select(static e => e.Key).ToList())
        {
            _idempotency.Remove(expired);
        }

        _idempotency[request.Key] = new RememberedWrite(request.Fingerprint, request.ReceivedAt, result);
    }

    private TaskState? FindTask(PlanId planId, TaskCode code)
        => _plans.TryGetValue(planId, out var plan) && plan.ByCode.TryGetValue(code, out var task) ? task : null;

    private static bool Matches(TaskState task, TaskFilter filter, HashSet<TaskCode>? codes)
        => (filter.Aspect is not { } aspect || task.Task.Aspect == aspect)
            && (filter.Status is not { } status || task.Latest?.Status == status)
            && (codes is null || codes.Contains(task.Task.Code))
            && StoreHelpers.MatchesKeywords(task.SearchText, filter.Keywords);

    private static bool Recorded(ProgressReport report, ProgressFilter filter)
        => (filter.UpdatedSince is not { } since || report.RecordedAt > since) && (filter.AsOf is not { } asOf || report.RecordedAt <= asOf);

    /// <summary>The tasks whose last change up to <see cref="TaskFilter.AsOf"/> was recorded after <paramref name="since"/>, by that change's report id (its place in change order here).</summary>
    private static StorePage<StoredTask> ChangedTasks(PlanState plan, TaskFilter filter, HashSet<TaskCode>? codes, Instant since, long after, int limit)
    {
        var changed = plan.Tasks
            .OfType<TaskState>()
            .Where(task => Matches(task, filter, codes))
            .Select(task => (Task: task, Last: task.Reports.Where(r => filter.AsOf is not { } asOf || r.Report.RecordedAt <= asOf).MaxBy(static r => r.Id)))
            .Where(x => x.Last is { } last && last.Report.RecordedAt > since && last.Id > after)
            .OrderBy(static x => x.Last!.Id)
            .Take(limit + 1)
            .ToList();
        var items = changed.Take(limit).ToList();
        return new StorePage<StoredTask>
        {
            Items = [.. items.Select(static x => x.Task.Snapshot())],
            Continuation = changed.Count > limit ? StoreHelpers.OrdinalContinuation(items[^1].Last!.Id) : null,
        };
    }

    private StoreCatalog EnsureInitialized()
    {
        if (_catalog is not null)
        {
            return _catalog;
        }

        var catalog = new StoreCatalog(_seed.Plans, _seed.Regions);
        StoreHelpers.CheckSeedObservations(_seed, catalog.Indicators);
        var stored = new List<StoredPlan>();
        foreach (var plan in catalog.OrderedPlans)
        {
            var first = new StoredPlan { Plan = plan, Revision = 1, RecordedAt = _clock.Next(NodaConstants.UnixEpoch).RecordedAt };
            stored.Add(first);
            var empty = new Changes.ChangeSet { Subject = Changes.ChangeSubject.Plan };
            _plans.Add(plan.Id, new PlanState([.. StoreHelpers.TasksInOrder(plan).Select(static (task, ordinal) => new TaskState(task, ordinal))]) { Revisions = { new PlanRevisionState(first, PlanEdit.Summary(plan.Id, 1, first.RecordedAt, empty)) } });
        }

        catalog = new StoreCatalog(stored, catalog.Regions);

        foreach (var indicator in catalog.Indicators)
        {
            _indicators.Add(indicator.Id, new IndicatorState());
        }

        if (!_seed.Observations.IsEmpty)
        {
            // The seed is one write, as in the SQL stores: one stamp at the clock's floor, every observation at revision 1
            // (see SqlQueries.StampUnstampedObservationsAsync).
            var stamp = _clock.Next(NodaConstants.UnixEpoch);
            foreach (var byIndicator in _seed.Observations.GroupBy(static o => o.Indicator))
            {
                var seedBatch = new SortedDictionary<string, Observation>(StringComparer.Ordinal);
                foreach (var observation in byIndicator)
                {
                    seedBatch[StoreHelpers.ObservationSortKey(observation)] = observation;
                }

                _indicators[byIndicator.Key].Record(seedBatch, stamp);
            }
        }

        _catalog = catalog;
        return catalog;
    }

    private sealed class PlanState(List<TaskState?> tasks)
    {
        /// <summary>Gets the tasks by ordinal; a task a plan write removed leaves <see langword="null"/> behind.</summary>
        public List<TaskState?> Tasks { get; } = tasks;

        public Dictionary<TaskCode, TaskState> ByCode { get; } = tasks.OfType<TaskState>().ToDictionary(static t => t.Task.Code);

        /// <summary>Gets the plan's revisions, oldest first; the last is the current one.</summary>
        public List<PlanRevisionState> Revisions { get; } = [];
    }

    private sealed record PlanRevisionState(StoredPlan Stored, PlanRevisionSummary Summary);

    private sealed class TaskState(KeyTask task, int ordinal)
    {
        public KeyTask Task { get; } = task;

        public int Ordinal { get; } = ordinal;

        public string SearchText { get; } = StoreHelpers.SearchText(task);

        public long Version { get; set; } = 1;

        public ProgressReport? Latest { get; set; }

        public List<StoredProgressReport> Reports { get; } = [];

        public StoredTask Snapshot() => new() { Task = Task, Version = Version, LatestReport = Latest };
    }

    private sealed class IndicatorState
    {
        /// <summary>Gets the sort keys of the observations, in period order.</summary>
        public SortedSet<string> Observations { get; } = new(StringComparer.Ordinal);

        /// <summary>Gets every revision of each observation by sort key, oldest first: the last is the current one.</summary>
        public Dictionary<string, List<Observation>> Revisions { get; } = new(StringComparer.Ordinal);

        /// <summary>Gets every revision in change order (sequence, then sort key).</summary>
        public List<(long Sequence, string Key, Observation Observation)> Changes { get; } = [];

        public long Version { get; set; } = 1;

        /// <summary>Records a batch (in sort-key order) under one stamp, each observation as its next revision.</summary>
        public void Record(SortedDictionary<string, Observation> batch, ChangeStamp stamp)
        {
            foreach (var (key, observation) in batch)
            {
                if (!Revisions.TryGetValue(key, out var revisions))
                {
                    Revisions[key] = revisions = [];
                    Observations.Add(key);
                }

                var stored = observation with { RecordedAt = stamp.RecordedAt, Revision = revisions.Count + 1 };
                revisions.Add(stored);
                Changes.Add((stamp.Sequence, key, stored));
            }
        }
    }

    private sealed class ChangeById : IComparer<(PlanId Plan, StoredProgressReport Report)>
    {
        public static readonly ChangeById Instance = new();

        public int Compare((PlanId Plan, StoredProgressReport Report) x, (PlanId Plan, StoredProgressReport Report) y) => x.Report.Id.CompareTo(y.Report.Id);
    }
}
