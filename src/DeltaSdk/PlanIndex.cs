using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using DeltaSdk.Internal;

namespace DeltaSdk;

/// <summary>
/// A read-only query index over one <see cref="DeltaSdk.Plan"/> and the <see cref="RegionTable"/> its tasks refer
/// to: tasks by aspect, region, agency and tag, text search, and region and group look-ups.
/// </summary>
/// <remarks>
/// <para>
/// Build it once with <see cref="Create"/>; every query then answers from dictionaries and lists computed at
/// construction, without walking the plan. The index is immutable and safe to share between threads. It
/// reflects the plan and table as they were when it was built (both are immutable records).
/// </para>
/// <para>
/// Task lists are in plan order (<see cref="Plan.AllTasks"/>: each aspect's tasks in turn, then the unassigned
/// ones) and hold each task once. Region lists are in table order.
/// </para>
/// <para>
/// The index never throws on an inconsistent graph; finding the inconsistencies is validation's job. Where a
/// code or id repeats, the first occurrence wins: later regions, groups and agencies with a repeated key are
/// ignored by every query, and <see cref="TryGetTask"/> returns the first task with a code (tasks with a
/// repeated code still appear in task lists, because each is a catalogued task). Parent cycles end the walk
/// up the table; references to codes the table does not hold simply match nothing.
/// </para>
/// <para>
/// <b>Which tasks concern a region</b> (<see cref="TasksForRegion"/>). The <em>scope</em> of a region is the
/// region itself, its ancestors by <see cref="Region.Parent"/> in the table, and its provincial-level unit by
/// code (<see cref="RegionCode.Province"/>). A task concerns the region when it
/// </para>
/// <list type="number">
/// <item>names a region of the scope in <see cref="KeyTask.Regions"/> (a task about Suzhou concerns Wujiang
/// District; a task about Jiangsu concerns Suzhou and Wujiang);</item>
/// <item>names a group that has a region of the scope as a member (<see cref="GroupsContaining"/>): a task about
/// the G60 corridor, whose members include Suzhou, concerns Wujiang District;</item>
/// <item>names a group of kind <see cref="RegionGroupKind.WholeRegion"/>, when the region is in the table (the
/// table covers the plan's area, so a task for the whole area concerns every region in it);</item>
/// <item>names a region below the region (its children in the table, their children, and any region whose code
/// lies within it by its digits), or a group with such a region as a member: a filter for Jiangsu finds the tasks
/// about Suzhou and about the G60 corridor, whose members include Suzhou.</item>
/// </list>
/// <para>
/// Group membership (<see cref="GroupsContaining"/>) still runs one way only: a group with Qingpu District as a
/// member does not contain Shanghai, although a task about that group concerns Shanghai by the last rule. A region
/// missing from the table has no parent chain, so its scope upwards is itself and its province by code.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var index = PlanIndex.Create(plan, regions);
/// foreach (var task in index.TasksForRegion(RegionCode.Parse("320509")))
/// {
///     Console.WriteLine($"{task.Code}: {task.Title}");
/// }
/// </code>
/// </example>
public sealed class PlanIndex
{
    private static readonly IReadOnlyList<KeyTask> NoTasks = ImmutableArray<KeyTask>.Empty;
    private static readonly IReadOnlyList<Region> NoRegions = ImmutableArray<Region>.Empty;
    private static readonly IReadOnlyList<RegionGroup> NoGroups = ImmutableArray<RegionGroup>.Empty;

    private readonly ImmutableArray<KeyTask> _tasks;
    private readonly ImmutableArray<Region> _regions;
    private readonly ImmutableArray<RegionGroup> _groups;
    private readonly FrozenDictionary<TaskCode, KeyTask> _taskByCode;
    private readonly FrozenDictionary<AspectId, IReadOnlyList<KeyTask>> _tasksByAspect;
    private readonly FrozenDictionary<AgencyId, IReadOnlyList<KeyTask>> _tasksByAgency;
    private readonly FrozenDictionary<string, IReadOnlyList<KeyTask>> _tasksByTag;
    private readonly FrozenDictionary<RegionCode, int[]> _tasksNamingRegion;
    private readonly FrozenDictionary<RegionGroupId, int[]> _tasksNamingGroup;
    private readonly int[] _tasksNamingWholeRegion;
    private readonly FrozenDictionary<RegionCode, Region> _regionByCode;
    private readonly FrozenDictionary<RegionGroupId, RegionGroup> _groupById;
    private readonly FrozenDictionary<RegionCode, int[]> _groupsWithMember;
    private readonly FrozenDictionary<AgencyId, Agency> _agencyById;
    private readonly FrozenDictionary<RegionLevel, IReadOnlyList<Region>> _regionsByLevel;
    private readonly FrozenDictionary<RegionCode, IReadOnlyList<Region>> _children;
    private readonly FrozenDictionary<RegionCode, RegionScope> _scopes;
    private readonly FrozenDictionary<string, IReadOnlyList<Region>> _regionsByName;
    private readonly FrozenDictionary<int, (string Form, int Region)[]> _regionFormsByLength;
    private readonly TextSearchIndex _search;

    private PlanIndex(Plan plan, RegionTable regions)
    {
        Plan = plan;
        Regions = regions;

        // Records built in code (or by a lenient reader) can hold null elements; skip them rather than throw.
        _tasks = [.. plan.Aspects.Where(static a => a is not null).SelectMany(static a => a.Tasks).Concat(plan.UnassignedTasks).Where(static t => t is not null).Distinct(ReferenceEqualityComparer.Instance).Cast<KeyTask>()];
        _regions = [.. regions.Regions.Where(static r => r is not null && !r.Code.IsEmpty).DistinctBy(static r => r.Code)];
        _groups = [.. regions.Groups.Where(static g => g is not null && !g.Id.IsEmpty).DistinctBy(static g => g.Id)];

        _taskByCode = FirstByKey(_tasks.Where(static t => !t.Code.IsEmpty), static t => t.Code);
        _regionByCode = _regions.ToFrozenDictionary(static r => r.Code);
        _groupById = _groups.ToFrozenDictionary(static g => g.Id);
        _agencyById = FirstByKey(plan.Agencies.Where(static a => a is not null && !a.Id.IsEmpty), static a => a.Id);

        _tasksByAspect = plan.Aspects
            .Where(static a => a is not null && !a.Id.IsEmpty)
            .GroupBy(static a => a.Id)
            .ToFrozenDictionary(static g => g.Key, g => TaskList(g.SelectMany(static a => a.Tasks)));
        _tasksByAgency = TaskListsByKey(static t => t.LeadAgencies.Concat(t.ParticipatingAgencies).Where(static a => !a.IsEmpty));
        _tasksByTag = TaskListsByKey(static t => t.Tags.Where(static tag => !string.IsNullOrEmpty(tag)), StringComparer.OrdinalIgnoreCase);
        _tasksNamingRegion = TaskPositionsByKey(static t => t.Regions.Where(static r => !r.IsEmpty));
        _tasksNamingGroup = TaskPositionsByKey(static t => t.RegionGroups.Where(static g => !g.IsEmpty));
        _tasksNamingWholeRegion = [.. _groups
            .Where(static g => g.Kind == RegionGroupKind.WholeRegion)
            .SelectMany(g => _tasksNamingGroup.GetValueOrDefault(g.Id, []))
            .Order()
            .Distinct()];

        _groupsWithMember = Enumerable.Range(0, _groups.Length)
            .SelectMany(i => _groups[i].Members.Where(static m => !m.IsEmpty).Select(m => (Member: m, Group: i)))
            .GroupBy(static p => p.Member, static p => p.Group)
            .ToFrozenDictionary(static g => g.Key, static g => g.Distinct().ToArray());

        _regionsByLevel = _regions
            .GroupBy(static r => r.Level)
            .ToFrozenDictionary(static g => g.Key, static g => (IReadOnlyList<Region>)g.ToImmutableArray());
        _children = _regions
            .Where(static r => r.Parent is { IsEmpty: false } parent && parent != r.Code)
            .GroupBy(static r => r.Parent!.Value)
            .ToFrozenDictionary(static g => g.Key, static g => (IReadOnlyList<Region>)g.ToImmutableArray());

        _scopes = _regions.ToFrozenDictionary(static r => r.Code, r => ComputeScope(r.Code));

        var forms = Enumerable.Range(0, _regions.Length)
            .SelectMany(i => RegionNames.Forms(_regions[i]).Distinct().Select(f => (Form: f, Region: i)))
            .ToList();
        _regionsByName = forms
            .Concat(Enumerable.Range(0, _regions.Length).Select(i => (Form: _regions[i].Code.ToString(), Region: i)))
            .GroupBy(static p => p.Form, static p => p.Region, StringComparer.Ordinal)
            .ToFrozenDictionary(static g => g.Key, g => (IReadOnlyList<Region>)g.Distinct().Order().Select(i => _regions[i]).ToImmutableArray(), StringComparer.Ordinal);
        _regionFormsByLength = forms
            .GroupBy(static p => p.Form.Length)
            .ToFrozenDictionary(static g => g.Key, static g => g.ToArray());

        _search = new TextSearchIndex([.. _tasks.Select(static t => KeywordQuery.SearchFields(t))]);
    }

    /// <summary>Gets the plan the index was built from.</summary>
    public Plan Plan { get; }

    /// <summary>Gets the region table the index was built from.</summary>
    public RegionTable Regions { get; }

    /// <summary>Builds an index over a plan and the region table its tasks refer to.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="regions">The region table.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PlanIndex Create(Plan plan, RegionTable regions)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(regions);
        return new PlanIndex(plan, regions);
    }

    /// <summary>Gets the tasks catalogued under an aspect (every aspect with that id, should the id repeat).</summary>
    /// <param name="aspect">The aspect's id.</param>
    /// <returns>The tasks in plan order; empty for an unknown aspect.</returns>
    /// <remarks>Membership is where the plan lists a task; whether <see cref="KeyTask.Aspect"/> agrees is validation's concern.</remarks>
    public IReadOnlyList<KeyTask> TasksByAspect(AspectId aspect) => _tasksByAspect.GetValueOrDefault(aspect, NoTasks);

    /// <summary>Gets the tasks that concern a region, by the rule in the remarks of <see cref="PlanIndex"/>.</summary>
    /// <param name="region">The region's code.</param>
    /// <returns>The tasks in plan order, each once; empty for <c>default(RegionCode)</c>.</returns>
    public IReadOnlyList<KeyTask> TasksForRegion(RegionCode region)
    {
        if (region.IsEmpty)
        {
            return NoTasks;
        }

        return (_scopes.GetValueOrDefault(region) ?? ComputeScope(region)).Tasks;
    }

    /// <summary>Gets the tasks an agency leads or takes part in.</summary>
    /// <param name="agency">The agency's id.</param>
    /// <returns>The tasks in plan order, each once.</returns>
    public IReadOnlyList<KeyTask> TasksByAgency(AgencyId agency) => _tasksByAgency.GetValueOrDefault(agency, NoTasks);

    /// <summary>Gets the tasks carrying a tag, compared case-insensitively.</summary>
    /// <param name="tag">The tag, for example <c>rail</c>.</param>
    /// <returns>The tasks in plan order, each once.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<KeyTask> TasksByTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return _tasksByTag.GetValueOrDefault(tag, NoTasks);
    }

    /// <summary>
    /// Finds the tasks that hold every keyword of <paramref name="keywords"/> in their code, title, summary (in any
    /// language) or a tag, ignoring case: the <see cref="KeywordQuery"/> definition, which the Plan API's <c>q=</c> uses too.
    /// </summary>
    /// <param name="keywords">
    /// Keywords separated by white space, in Chinese or English (for example <c>铁路</c>, <c>rail</c> or <c>rail 铁路</c>).
    /// </param>
    /// <returns>The matching tasks in plan order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keywords"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="keywords"/> is empty or only white space, or breaks a limit of <see cref="KeywordQuery"/>
    /// (<see cref="KeywordQuery.MaxKeywords"/>, <see cref="KeywordQuery.MaxLength"/>).
    /// </exception>
    /// <remarks>
    /// A keyword matches as a substring (<c>rail</c> finds <c>Railway</c>), never across two fields. Candidates
    /// come from an index of the characters and character pairs of every field, then are checked in full.
    /// </remarks>
    public IReadOnlyList<KeyTask> Search(string keywords) => Search(KeywordQuery.Parse(NotBlank(keywords)));

    /// <summary>Finds the tasks a keyword query matches.</summary>
    /// <param name="query">The query; <see cref="KeywordQuery.All"/> gives every task.</param>
    /// <returns>The matching tasks in plan order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<KeyTask> Search(KeywordQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
        {
            return _tasks;
        }

        IEnumerable<int>? matches = null;
        foreach (var keyword in query.Keywords)
        {
            var found = _search.Find(keyword);
            matches = matches is null ? found : matches.Intersect(found);
        }

        return [.. matches!.Order().Select(i => _tasks[i])];
    }

    /// <summary>Gets the task with a code (the first, should the code repeat).</summary>
    /// <param name="code">The task's code.</param>
    /// <param name="task">The task when found.</param>
    /// <returns><see langword="true"/> when the plan catalogues a task with the code.</returns>
    public bool TryGetTask(TaskCode code, [MaybeNullWhen(false)] out KeyTask task) => _taskByCode.TryGetValue(code, out task);

    /// <summary>Gets the region with a code (the first, should the code repeat).</summary>
    /// <param name="code">The region's code.</param>
    /// <param name="region">The region when found.</param>
    /// <returns><see langword="true"/> when the table holds the region.</returns>
    public bool TryGetRegion(RegionCode code, [MaybeNullWhen(false)] out Region region) => _regionByCode.TryGetValue(code, out region);

    /// <summary>Gets the region group with an id (the first, should the id repeat).</summary>
    /// <param name="id">The group's id.</param>
    /// <param name="group">The group when found.</param>
    /// <returns><see langword="true"/> when the table holds the group.</returns>
    public bool TryGetGroup(RegionGroupId id, [MaybeNullWhen(false)] out RegionGroup group) => _groupById.TryGetValue(id, out group);

    /// <summary>Gets the agency with an id (the first, should the id repeat).</summary>
    /// <param name="id">The agency's id.</param>
    /// <param name="agency">The agency when found.</param>
    /// <returns><see langword="true"/> when the plan lists the agency.</returns>
    public bool TryGetAgency(AgencyId id, [MaybeNullWhen(false)] out Agency agency) => _agencyById.TryGetValue(id, out agency);

    /// <summary>Gets the regions of one administrative level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The regions in table order.</returns>
    public IReadOnlyList<Region> RegionsByLevel(RegionLevel level) => _regionsByLevel.GetValueOrDefault(level, NoRegions);

    /// <summary>Gets the regions whose <see cref="Region.Parent"/> is <paramref name="parent"/> (a region is never its own child).</summary>
    /// <param name="parent">The parent's code.</param>
    /// <returns>The children in table order.</returns>
    public IReadOnlyList<Region> Children(RegionCode parent) => _children.GetValueOrDefault(parent, NoRegions);

    /// <summary>
    /// Gets the groups that contain a region: those with the region itself, or a region of its scope (its parent
    /// chain and its province by code), as a member. A group with only a descendant of the region as a member does
    /// not contain it.
    /// </summary>
    /// <param name="region">The region's code.</param>
    /// <returns>The groups in table order.</returns>
    public IReadOnlyList<RegionGroup> GroupsContaining(RegionCode region)
    {
        if (region.IsEmpty)
        {
            return NoGroups;
        }

        return (_scopes.GetValueOrDefault(region) ?? ComputeScope(region)).Groups;
    }

    /// <summary>
    /// Finds the regions whose code or name is exactly <paramref name="nameOrCode"/>, ignoring case and white space
    /// around it. A Chinese name matches with or without its suffix (<c>苏州</c>, <c>苏州市</c>; 市, 省, 区, 县), an
    /// English one with or without the suffix its level implies (<c>Suzhou</c>, <c>Suzhou City</c>; City, District,
    /// County, Province).
    /// </summary>
    /// <param name="nameOrCode">A six-digit code or a name in any language of the table.</param>
    /// <returns>The matching regions in table order; several when names repeat (two cities are "Suzhou").</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nameOrCode"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<Region> FindRegions(string nameOrCode)
    {
        ArgumentNullException.ThrowIfNull(nameOrCode);
        return _regionsByName.GetValueOrDefault(RegionNames.Normalize(nameOrCode), NoRegions);
    }

    /// <summary>
    /// Suggests regions whose name is close to <paramref name="text"/>, for "did you mean" messages: names (with or
    /// without their suffix, ignoring case) within a small edit distance, best first.
    /// </summary>
    /// <param name="text">What was typed, for example <c>Hangzou</c> or <c>苏洲</c>.</param>
    /// <param name="max">The most suggestions to return.</param>
    /// <returns>
    /// Up to <paramref name="max"/> regions, nearest first and in table order among equals. The distance counts
    /// insertions, deletions, substitutions and swaps of adjacent characters; a name is close when the distance is
    /// at most a quarter of the folded text's length, and at least 1. Exact matches come first with distance 0.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="max"/> is negative.</exception>
    public IReadOnlyList<Region> SuggestRegions(string text, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var query = RegionNames.Normalize(text);
        if (query.Length == 0 || max == 0)
        {
            return NoRegions;
        }

        var limit = Math.Max(1, query.Length / 4);
        var best = new Dictionary<int, int>();
        for (var length = Math.Max(1, query.Length - limit); length <= query.Length + limit; length++)
        {
            foreach (var (form, region) in _regionFormsByLength.GetValueOrDefault(length, []))
            {
                var distance = EditDistance.Compute(query, form, limit);
                if (distance <= limit && (!best.TryGetValue(region, out var known) || distance < known))
                {
                    best[region] = distance;
                }
            }
        }

        return [.. best.OrderBy(static p => p.Value).ThenBy(static p => p.Key).Take(max).Select(p => _regions[p.Key])];
    }

    private static string NotBlank(string keywords)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keywords);
        return keywords;
    }

    private static FrozenDictionary<TKey, TValue> FirstByKey<TKey, TValue>(IEnumerable<TValue> items, Func<TValue, TKey> key)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, TValue>();
        foreach (var item in items)
        {
            result.TryAdd(key(item), item);
        }

        return result.ToFrozenDictionary();
    }

    private static IReadOnlyList<KeyTask> TaskList(IEnumerable<KeyTask> tasks) =>
        tasks.Where(static t => t is not null).Distinct(ReferenceEqualityComparer.Instance).Cast<KeyTask>().ToImmutableArray();

    private FrozenDictionary<TKey, IReadOnlyList<KeyTask>> TaskListsByKey<TKey>(Func<KeyTask, IEnumerable<TKey>> keys, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull =>
        TaskPositionsByKey(keys, comparer)
            .ToFrozenDictionary(static p => p.Key, p => (IReadOnlyList<KeyTask>)p.Value.Select(i => _tasks[i]).ToImmutableArray(), comparer);

    private FrozenDictionary<TKey, int[]> TaskPositionsByKey<TKey>(Func<KeyTask, IEnumerable<TKey>> keys, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull =>
        Enumerable.Range(0, _tasks.Length)
            .SelectMany(i => keys(_tasks[i]).Select(k => (Key: k, Task: i)))
            .GroupBy(static p => p.Key, static p => p.Task, comparer)
            .ToFrozenDictionary(static g => g.Key, static g => g.Distinct().ToArray(), comparer);

    private RegionScope ComputeScope(RegionCode region)
    {
        var scope = new List<RegionCode> { region };
        var current = _regionByCode.GetValueOrDefault(region)?.Parent;
        while (current is { IsEmpty: false } parent && !scope.Contains(parent))
        {
            scope.Add(parent);
            current = _regionByCode.GetValueOrDefault(parent)?.Parent;
        }

        if (!scope.Contains(region.Province))
        {
            scope.Add(region.Province);
        }

        var groups = scope
            .SelectMany(code => _groupsWithMember.GetValueOrDefault(code, []))
            .Distinct()
            .Order()
            .ToList();

        // Downwards: a task about a region within this one (or a group with such a member) concerns it too.
        var below = Descendants(region);
        var groupsBelow = below.SelectMany(code => _groupsWithMember.GetValueOrDefault(code, []));
        var tasks = scope.Concat(below).SelectMany(code => _tasksNamingRegion.GetValueOrDefault(code, []))
            .Concat(groups.Concat(groupsBelow).Distinct().SelectMany(g => _tasksNamingGroup.GetValueOrDefault(_groups[g].Id, [])))
            .Concat(_regionByCode.ContainsKey(region) ? _tasksNamingWholeRegion : [])
            .Distinct()
            .Order();
        return new RegionScope(
            [.. groups.Select(g => _groups[g])],
            [.. tasks.Select(i => _tasks[i])]);
    }

    /// <summary>
    /// The regions below <paramref name="region"/>: its children in the table, their children and so on (a cycle ends
    /// the walk), and every region a task or group names whose code lies within it by its digits
    /// (<see cref="RegionCode.IsWithin"/>), so that a region missing from the table still falls under its province.
    /// </summary>
    private HashSet<RegionCode> Descendants(RegionCode region)
    {
        var below = new HashSet<RegionCode>();
        var pending = new Stack<RegionCode>();
        pending.Push(region);
        while (pending.TryPop(out var current))
        {
            foreach (var child in _children.GetValueOrDefault(current, NoRegions))
            {
                if (child.Code != region && below.Add(child.Code))
                {
                    pending.Push(child.Code);
                }
            }
        }

        foreach (var named in _tasksNamingRegion.Keys.Concat(_groupsWithMember.Keys))
        {
            if (named != region && named.IsWithin(region))
            {
                below.Add(named);
            }
        }

        return below;
    }

    /// <summary>What is precomputed for one region: the groups that contain it and the tasks that concern it.</summary>
    private sealed class RegionScope(ImmutableArray<RegionGroup> groups, ImmutableArray<KeyTask> tasks)
    {
        // Boxed once here so that every query returns the same read-only list instead of boxing anew.
        public IReadOnlyList<RegionGroup> Groups { get; } = groups;

        public IReadOnlyList<KeyTask> Tasks { get; } = tasks;
    }
}
