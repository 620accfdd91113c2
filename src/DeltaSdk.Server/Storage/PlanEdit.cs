using DeltaSdk.Api;
using DeltaSdk.Changes;
using NodaTime;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// What a catalogue write changes, worked out once for every store: the <see cref="ChangeSet"/> from the stored plan to
/// the new one, and which task rows it adds, updates and removes.
/// </summary>
internal sealed class PlanEdit
{
    private PlanEdit(Plan current, Plan next)
    {
        Next = next;
        Changes = PlanDiff.Compare(current, next);
        var oldTasks = current.AllTasks.ToDictionary(static t => t.Code);
        var newTasks = next.AllTasks.ToDictionary(static t => t.Code);
        Added = [.. next.AllTasks.Where(t => !oldTasks.ContainsKey(t.Code))];
        Removed = [.. current.AllTasks.Where(t => !newTasks.ContainsKey(t.Code)).Select(static t => t.Code)];

        // A task whose document differs in any member (a move between aspects included) gets a new version.
        var touched = ChangedKeys(Changes, ChangedEntity.Task);
        Updated = [.. next.AllTasks.Where(t => oldTasks.ContainsKey(t.Code) && touched.Contains(t.Code.ToString()))];

        // An indicator's ETag guards its observations; a new definition (unit, baseline, targets) changes what a
        // figure means, so a writer who read the old one must read again before adding figures under it.
        var oldIndicators = current.Indicators.Select(static i => i.Id).ToHashSet();
        var redefined = ChangedKeys(Changes, ChangedEntity.Indicator);
        RedefinedIndicators = [.. next.Indicators.Where(i => oldIndicators.Contains(i.Id) && redefined.Contains(i.Id.ToString())).Select(static i => i.Id)];
        AddedIndicators = [.. next.Indicators.Where(i => !oldIndicators.Contains(i.Id)).Select(static i => i.Id)];
    }

    /// <summary>Gets the new plan document.</summary>
    public Plan Next { get; }

    /// <summary>Gets the changes from the stored plan to <see cref="Next"/>.</summary>
    public ChangeSet Changes { get; }

    /// <summary>Gets the tasks that are new, in plan order: they get new rows, after every existing one.</summary>
    public IReadOnlyList<KeyTask> Added { get; }

    /// <summary>Gets the tasks whose document changed, in plan order: their rows are updated and their versions raised.</summary>
    public IReadOnlyList<KeyTask> Updated { get; }

    /// <summary>Gets the codes of the tasks the new document no longer holds.</summary>
    public IReadOnlyList<TaskCode> Removed { get; }

    /// <summary>Gets the indicators whose definition changed: their versions (and so their ETags) are raised.</summary>
    public IReadOnlyList<IndicatorId> RedefinedIndicators { get; }

    /// <summary>Gets the indicators the new document adds: they start at version 1, as seeded ones do.</summary>
    public IReadOnlyList<IndicatorId> AddedIndicators { get; }

    /// <summary>Works out the edit from <paramref name="current"/> to <paramref name="next"/>.</summary>
    /// <exception cref="ArgumentException">The plans differ in identifier, or <paramref name="next"/> holds a task code twice.</exception>
    public static PlanEdit Create(Plan current, Plan next)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        if (current.Id != next.Id)
        {
            throw new ArgumentException($"Plan '{next.Id}' cannot replace plan '{current.Id}'.", nameof(next));
        }

        if (next.AllTasks.GroupBy(static t => t.Code).FirstOrDefault(static g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Plan '{next.Id}' catalogues task '{twice.Key}' more than once.", nameof(next));
        }

        return new PlanEdit(current, next);
    }

    /// <summary>The keys of the entities of one kind that both plans hold and that differ in some member, or moved.</summary>
    private static HashSet<string> ChangedKeys(ChangeSet changes, ChangedEntity entity)
        => changes.Changes
            .Where(c => c.Entity == entity && c.Kind is ChangeKind.Changed or ChangeKind.Moved && c.Key is not null)
            .Select(static c => c.Key!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The summary a revision is listed with.</summary>
    public static PlanRevisionSummary Summary(PlanId plan, long revision, Instant recordedAt, ChangeSet changes) => new()
    {
        Plan = plan,
        Revision = revision,
        RecordedAt = recordedAt,
        Added = changes.Changes.Count(static c => c.Kind == ChangeKind.Added),
        Removed = changes.Changes.Count(static c => c.Kind == ChangeKind.Removed),
        Changed = changes.Changes.Count(static c => c.Kind is ChangeKind.Changed or ChangeKind.Moved),
        CountsChanged = changes.Counts.Length,
    };

    /// <summary>The revisions page continuation: the last revision listed (pages go newest first).</summary>
    public static string Continuation(long revision) => StoreHelpers.OrdinalContinuation(revision);
}
