using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using DeltaSdk.Serialization;

namespace DeltaSdk.Changes;

/// <summary>
/// The work behind <see cref="PlanDiff"/>: matches entities by identity through one dictionary per list, compares
/// the matched ones member by member through the serialization contract, and sorts what it found into the
/// direction-independent order a <see cref="ChangeSet"/> promises.
/// </summary>
internal sealed class Differ
{
    private static readonly EntityShape PlanShape = EntityShape.Of<Plan>("aspects", "unassignedTasks", "agencies", "indicators");
    private static readonly EntityShape AspectShape = EntityShape.Of<Aspect>("tasks");
    private static readonly EntityShape TaskShape = EntityShape.Of<KeyTask>();
    private static readonly EntityShape AgencyShape = EntityShape.Of<Agency>();
    private static readonly EntityShape IndicatorShape = EntityShape.Of<Indicator>();
    private static readonly EntityShape RegionTableShape = EntityShape.Of<RegionTable>("regions", "groups");
    private static readonly EntityShape RegionShape = EntityShape.Of<Region>();
    private static readonly EntityShape RegionGroupShape = EntityShape.Of<RegionGroup>();

    private readonly List<Pending> _changes = [];
    private readonly List<CountChange> _counts = [];

    public static ChangeSet ComparePlans(Plan oldPlan, Plan newPlan)
    {
        var differ = new Differ();
        differ.CompareMembers(PlanShape, oldPlan, newPlan, ChangedEntity.Plan, key: null, occurrence: 0, Root, new Slot<Plan>(oldPlan, string.Empty, -1, 0), new Slot<Plan>(newPlan, string.Empty, -1, 0));

        var oldAspects = Slots(oldPlan.Aspects, static a => a.Id.ToString());
        var newAspects = Slots(newPlan.Aspects, static a => a.Id.ToString());
        differ.Compare(oldAspects, newAspects, AspectShape, ChangedEntity.Aspect, static s => Indexed("$.aspects", s.Index), static a => a with { Tasks = [] });

        differ.Compare(TaskSlots(oldPlan), TaskSlots(newPlan), TaskShape, ChangedEntity.Task, static s => TaskPath(s), static t => t, (oldPlan, newPlan));

        differ.Compare(Slots(oldPlan.Agencies, static a => a.Id.ToString()), Slots(newPlan.Agencies, static a => a.Id.ToString()), AgencyShape, ChangedEntity.Agency, static s => Indexed("$.agencies", s.Index), static a => a);
        differ.Compare(Slots(oldPlan.Indicators, static i => i.Id.ToString()), Slots(newPlan.Indicators, static i => i.Id.ToString()), IndicatorShape, ChangedEntity.Indicator, static s => Indexed("$.indicators", s.Index), static i => i);

        differ.Count(CountKind.DeclaredAspects, null, oldPlan.DeclaredAspectCount, newPlan.DeclaredAspectCount);
        differ.Count(CountKind.CataloguedAspects, null, oldPlan.Aspects.Length, newPlan.Aspects.Length);
        differ.Count(CountKind.DeclaredTasks, null, oldPlan.DeclaredTaskCount, newPlan.DeclaredTaskCount);
        differ.Count(CountKind.CataloguedTasks, null, oldPlan.CataloguedTaskCount, newPlan.CataloguedTaskCount);
        differ.Count(CountKind.Agencies, null, oldPlan.Agencies.Length, newPlan.Agencies.Length);
        differ.Count(CountKind.Indicators, null, oldPlan.Indicators.Length, newPlan.Indicators.Length);
        differ.CountAspects(oldAspects, newAspects);

        return differ.Build(ChangeSubject.Plan);
    }

    public static ChangeSet CompareRegionTables(RegionTable oldRegions, RegionTable newRegions)
    {
        var differ = new Differ();
        differ.CompareMembers(RegionTableShape, oldRegions, newRegions, ChangedEntity.RegionTable, key: null, occurrence: 0, Root, new Slot<RegionTable>(oldRegions, string.Empty, -1, 0), new Slot<RegionTable>(newRegions, string.Empty, -1, 0));
        differ.Compare(Slots(oldRegions.Regions, static r => r.Code.ToString()), Slots(newRegions.Regions, static r => r.Code.ToString()), RegionShape, ChangedEntity.Region, static s => Indexed("$.regions", s.Index), static r => r);
        differ.Compare(Slots(oldRegions.Groups, static g => g.Id.ToString()), Slots(newRegions.Groups, static g => g.Id.ToString()), RegionGroupShape, ChangedEntity.RegionGroup, static s => Indexed("$.groups", s.Index), static g => g);
        differ.Count(CountKind.Regions, null, oldRegions.Regions.Length, newRegions.Regions.Length);
        differ.Count(CountKind.RegionGroups, null, oldRegions.Groups.Length, newRegions.Groups.Length);
        return differ.Build(ChangeSubject.RegionTable);
    }

    private static List<Slot<T>> Slots<T>(ImmutableArray<T> items, Func<T, string> key)
    {
        var slots = new List<Slot<T>>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            slots.Add(new Slot<T>(items[i], key(items[i]), -1, i));
        }

        return slots;
    }

    /// <summary>Every task of a plan with where it sits: <see cref="Slot{T}.Outer"/> is its aspect's index, or -1 when unassigned.</summary>
    private static List<Slot<KeyTask>> TaskSlots(Plan plan)
    {
        var slots = new List<Slot<KeyTask>>(plan.CataloguedTaskCount);
        for (var a = 0; a < plan.Aspects.Length; a++)
        {
            var tasks = plan.Aspects[a].Tasks;
            for (var t = 0; t < tasks.Length; t++)
            {
                slots.Add(new Slot<KeyTask>(tasks[t], tasks[t].Code.ToString(), a, t));
            }
        }

        for (var t = 0; t < plan.UnassignedTasks.Length; t++)
        {
            slots.Add(new Slot<KeyTask>(plan.UnassignedTasks[t], plan.UnassignedTasks[t].Code.ToString(), -1, t));
        }

        return slots;
    }

    private static string Indexed(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    private static string TaskPath(Slot<KeyTask> slot) => slot.Outer >= 0
        ? string.Create(CultureInfo.InvariantCulture, $"$.aspects[{slot.Outer}].tasks[{slot.Index}]")
        : Indexed("$.unassignedTasks", slot.Index);

    /// <summary>
    /// Matches two lists by key and records what differs. Keys are looked up in one dictionary of the new list, whose
    /// values chain repeated keys in document order, so the n-th occurrence of a key meets the n-th on the other side.
    /// </summary>
    private void Compare<T>(
        List<Slot<T>> olds,
        List<Slot<T>> news,
        EntityShape shape,
        ChangedEntity entity,
        Func<Slot<T>, string> path,
        Func<T, T> asValue,
        (Plan Old, Plan New)? containers = null)
        where T : class
    {
        var next = new int[news.Count];
        var heads = new Dictionary<string, int>(news.Count, StringComparer.Ordinal);
        for (var i = news.Count - 1; i >= 0; i--)
        {
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(heads, news[i].Key, out var exists);
            next[i] = exists ? head : -1;
            head = i;
        }

        var matched = new bool[news.Count];
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var old in olds)
        {
            var occurrence = Occurrence(occurrences, old.Key);
            ref var head = ref CollectionsMarshal.GetValueRefOrNullRef(heads, old.Key);
            if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref head) || head < 0)
            {
                var removedPath = path(old);
                Add(entity, old.Key, occurrence, 0, null, new Change { Kind = ChangeKind.Removed, Entity = entity, Key = old.Key, Path = removedPath, OldValue = Serialize(asValue(old.Item), shape) });
                continue;
            }

            var index = head;
            head = next[index];
            matched[index] = true;
            var current = news[index];
            if (ReferenceEquals(old.Item, current.Item) && old.Outer == current.Outer && old.Index == current.Index)
            {
                continue;
            }

            if (containers is { } plans && Container(plans.Old, old.Outer) is var was && Container(plans.New, current.Outer) is var now && !string.Equals(was, now, StringComparison.Ordinal))
            {
                var oldPath = path(old);
                var newPath = path(current);
                Add(entity, old.Key, occurrence, 0, null, new Change
                {
                    Kind = ChangeKind.Moved,
                    Entity = entity,
                    Key = old.Key,
                    Path = newPath,
                    OldPath = oldPath,
                    OldValue = was is null ? null : JsonSerializer.SerializeToElement(was, DeltaJsonContract.TypeInfo<string>(DeltaJsonContract.Lenient)),
                    NewValue = now is null ? null : JsonSerializer.SerializeToElement(now, DeltaJsonContract.TypeInfo<string>(DeltaJsonContract.Lenient)),
                });
            }

            CompareMembers(shape, old.Item, current.Item, entity, old.Key, occurrence, path, old, current);
        }

        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < news.Count; i++)
        {
            // Occurrences of added entities count on from those matched, so that the sort keys mirror a removal's.
            var occurrence = Occurrence(added, news[i].Key);
            if (!matched[i])
            {
                Add(entity, news[i].Key, occurrence, 0, null, new Change { Kind = ChangeKind.Added, Entity = entity, Key = news[i].Key, Path = path(news[i]), NewValue = Serialize(asValue(news[i].Item), shape) });
            }
        }
    }

    private static string Root<T>(Slot<T> slot) => "$";

    private static string? Container(Plan plan, int aspect) => aspect >= 0 ? plan.Aspects[aspect].Id.ToString() : null;

    private static int Occurrence(Dictionary<string, int> seen, string key)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(seen, key, out _);
        return count++;
    }

    /// <summary>
    /// Records each member of a matched pair that differs, and each unknown member that differs or is on one side
    /// only. Paths are rendered only once a difference is found: most pairs of a large plan are equal.
    /// </summary>
    private void CompareMembers<T>(EntityShape shape, object old, object current, ChangedEntity entity, string? key, int occurrence, Func<Slot<T>, string> path, Slot<T> oldSlot, Slot<T> newSlot)
    {
        string? oldPath = null;
        string? newPath = null;
        var differentPaths = false;
        for (var i = 0; i < shape.Members.Length; i++)
        {
            var member = shape.Members[i];
            var before = member.Get(old);
            var after = member.Get(current);
            if (ValueEquality.AreEqual(before, after, member.TypeInfo))
            {
                continue;
            }

            if (newPath is null)
            {
                (oldPath, newPath) = (path(oldSlot), path(newSlot));
                differentPaths = !string.Equals(oldPath, newPath, StringComparison.Ordinal);
            }

            var segment = JsonPaths.Property(member.Name);
            Add(entity, key, occurrence, i + 1, null, new Change
            {
                Kind = ChangeKind.Changed,
                Entity = entity,
                Key = key,
                Member = member.Name,
                Path = newPath + segment,
                OldPath = differentPaths ? oldPath + segment : null,
                OldValue = ValueEquality.ToFragment(before, member.TypeInfo),
                NewValue = ValueEquality.ToFragment(after, member.TypeInfo),
            });
        }

        if (shape.Extension?.Get is not { } extension)
        {
            return;
        }

        var unknownBefore = extension(old) as IReadOnlyDictionary<string, JsonElement>;
        var unknownAfter = extension(current) as IReadOnlyDictionary<string, JsonElement>;
        if (unknownBefore is null && unknownAfter is null)
        {
            return;
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(unknownBefore?.Keys ?? []);
        names.UnionWith(unknownAfter?.Keys ?? []);
        foreach (var name in names)
        {
            JsonElement? before = unknownBefore is not null && unknownBefore.TryGetValue(name, out var b) ? b : null;
            JsonElement? after = unknownAfter is not null && unknownAfter.TryGetValue(name, out var a) ? a : null;
            if (before is { } x && after is { } y && JsonElement.DeepEquals(x, y))
            {
                continue;
            }

            if (newPath is null)
            {
                (oldPath, newPath) = (path(oldSlot), path(newSlot));
                differentPaths = !string.Equals(oldPath, newPath, StringComparison.Ordinal);
            }

            var segment = JsonPaths.Property(name);
            Add(entity, key, occurrence, shape.Members.Length + 1, name, new Change
            {
                Kind = ChangeKind.Changed,
                Entity = entity,
                Key = key,
                Member = name,
                Path = newPath + segment,
                OldPath = differentPaths ? oldPath + segment : null,
                OldValue = before,
                NewValue = after,
            });
        }
    }

    private static JsonElement Serialize<T>(T value, EntityShape shape) => JsonSerializer.SerializeToElement(value, shape.TypeInfo);

    private void CountAspects(List<Slot<Aspect>> olds, List<Slot<Aspect>> news)
    {
        // The first occurrence of each aspect id speaks for it; a repeated id is a validation finding, not a count.
        var before = new Dictionary<string, Aspect>(StringComparer.Ordinal);
        foreach (var slot in olds)
        {
            before.TryAdd(slot.Key, slot.Item);
        }

        var after = new Dictionary<string, Aspect>(StringComparer.Ordinal);
        foreach (var slot in news)
        {
            after.TryAdd(slot.Key, slot.Item);
        }

        var ids = new SortedSet<string>(before.Keys, StringComparer.Ordinal);
        ids.UnionWith(after.Keys);
        foreach (var id in ids)
        {
            var was = before.GetValueOrDefault(id);
            var now = after.GetValueOrDefault(id);
            Count(CountKind.DeclaredTasks, id, was?.DeclaredTaskCount, now?.DeclaredTaskCount);
            Count(CountKind.CataloguedTasks, id, was?.Tasks.Length, now?.Tasks.Length);
        }
    }

    private void Count(CountKind count, string? aspect, int? before, int? after)
    {
        if (before != after)
        {
            _counts.Add(new CountChange { Count = count, Aspect = aspect, OldValue = before, NewValue = after });
        }
    }

    private void Add(ChangedEntity entity, string? key, int occurrence, int order, string? unknownMember, Change change)
        => _changes.Add(new Pending(entity, key, occurrence, order, unknownMember, change));

    private ChangeSet Build(ChangeSubject subject)
    {
        _changes.Sort(static (x, y) =>
        {
            var byEntity = x.Entity.CompareTo(y.Entity);
            if (byEntity != 0)
            {
                return byEntity;
            }

            var byKey = string.CompareOrdinal(x.Key, y.Key);
            if (byKey != 0)
            {
                return byKey;
            }

            var byOccurrence = x.Occurrence.CompareTo(y.Occurrence);
            if (byOccurrence != 0)
            {
                return byOccurrence;
            }

            var byOrder = x.Order.CompareTo(y.Order);
            return byOrder != 0 ? byOrder : string.CompareOrdinal(x.UnknownMember, y.UnknownMember);
        });

        var changes = ImmutableArray.CreateBuilder<Change>(_changes.Count);
        foreach (var pending in _changes)
        {
            changes.Add(pending.Change);
        }

        return new ChangeSet { Subject = subject, Changes = changes.MoveToImmutable(), Counts = [.. _counts] };
    }

    private readonly record struct Slot<T>(T Item, string Key, int Outer, int Index);

    private readonly record struct Pending(ChangedEntity Entity, string? Key, int Occurrence, int Order, string? UnknownMember, Change Change);
}
