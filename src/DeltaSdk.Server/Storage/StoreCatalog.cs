using DeltaSdk.Api;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// The catalogue part of a store, in memory: plans (at their current revisions), their summaries and indicators, the
/// region table. Every store holds one, loaded from the seed or the database, so that these answers are alike and cost
/// no query. It is immutable: a catalogue write makes a new one (<see cref="WithPlan"/>), and a store swaps it in.
/// </summary>
internal sealed class StoreCatalog
{
    private readonly Dictionary<(PlanId, string), KeyTask> _tasks;

    /// <summary>A catalog of plans at revision 1 (what a seed is before it is stored).</summary>
    public StoreCatalog(IReadOnlyList<Plan> plans, RegionTable regions)
        : this([.. plans.Select(static p => new StoredPlan { Plan = p, Revision = 1, RecordedAt = NodaTime.NodaConstants.UnixEpoch })], regions)
    {
    }

    public StoreCatalog(IReadOnlyList<StoredPlan> stored, RegionTable regions)
    {
        StoredPlans = stored.ToDictionary(static p => p.Plan.Id);
        var plans = stored.Select(static p => p.Plan).ToList();
        var byId = new Dictionary<PlanId, Plan>();
        foreach (var plan in plans)
        {
            if (!byId.TryAdd(plan.Id, plan))
            {
                throw new InvalidOperationException($"The seed holds plan '{plan.Id}' more than once.");
            }
        }

        Plans = byId;
        OrderedPlans = plans;
        PlanSummaries = [.. plans.Select(PlanSummary.From).OrderBy(static p => p.Id)];
        Regions = regions;
        Indicators = StoreHelpers.IndicatorsInOrder(plans);
        IndicatorIds = Indicators.Select(static i => i.Id).ToHashSet();

        // Tasks are read-only: rows name them and the plans in memory hold them, so a page costs no JSON parsing and
        // hands out the same task instances every time (which the server's JSON cache relies on).
        _tasks = plans
            .SelectMany(static p => StoreHelpers.TasksInOrder(p).Select(t => (Key: (p.Id, t.Code.ToString()), Task: t)))
            .ToDictionary(static x => x.Key, static x => x.Task);
    }

    public IReadOnlyDictionary<PlanId, Plan> Plans { get; }

    /// <summary>Gets each plan with its current revision.</summary>
    public IReadOnlyDictionary<PlanId, StoredPlan> StoredPlans { get; }

    public IReadOnlyList<Plan> OrderedPlans { get; }

    public IReadOnlyList<PlanSummary> PlanSummaries { get; }

    public RegionTable Regions { get; }

    public IReadOnlyList<Indicator> Indicators { get; }

    public IReadOnlySet<IndicatorId> IndicatorIds { get; }

    /// <summary>Gets a task of a plan by code.</summary>
    /// <exception cref="StaleCatalogException">The catalog does not hold it: a catalogue write this catalog predates added it.</exception>
    public KeyTask Task(PlanId plan, string code)
        => _tasks.TryGetValue((plan, code), out var task)
            ? task
            : throw new StaleCatalogException($"The database lists task '{code}' of plan '{plan}', which the plan document in memory does not hold.");

    /// <summary>Whether the catalog holds every plan at the given revisions, and no other plan.</summary>
    public bool IsAt(IReadOnlyDictionary<PlanId, long> revisions)
        => revisions.Count == StoredPlans.Count && revisions.All(r => StoredPlans.TryGetValue(r.Key, out var p) && p.Revision == r.Value);

    /// <summary>A catalog like this one with <paramref name="plan"/> in place of the revision it holds.</summary>
    public StoreCatalog WithPlan(StoredPlan plan)
        => new([.. OrderedPlans.Select(p => p.Id == plan.Plan.Id ? plan : StoredPlans[p.Id])], Regions);

    /// <summary>A page of regions in table order; the table is small (tens of regions), so it is filtered in memory.</summary>
    public StorePage<Region> RegionPage(RegionFilter filter, string? continuation, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var after = continuation is null ? -1 : StoreHelpers.ParseOrdinalContinuation(continuation);
        var matches = Regions.Regions
            .Select(static (region, ordinal) => (region, ordinal))
            .Where(x => x.ordinal > after
                && (filter.Level is not { } level || x.region.Level == level)
                && (filter.Parent is not { } parent || x.region.Parent == parent))
            .Take(limit + 1)
            .ToList();
        var items = matches.Take(limit).ToList();
        return new StorePage<Region>
        {
            Items = [.. items.Select(static x => x.region)],
            Continuation = matches.Count > limit ? StoreHelpers.OrdinalContinuation(items[^1].ordinal) : null,
        };
    }
}
