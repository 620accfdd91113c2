using System.Runtime.CompilerServices;

namespace DeltaSdk.Validation;

/// <summary>
/// The plan's identifiers in dictionaries, built once per validation so that every reference resolves in constant
/// time. The first of two equal identifiers wins; the later ones are listed in <see cref="Duplicates"/>.
/// </summary>
internal sealed class PlanLookup
{
    // Plans are immutable, so a plan used again as a reference (many reports or batches validated against one plan)
    // is indexed once; the table holds it weakly, so the index goes when the plan does.
    private static readonly ConditionalWeakTable<Plan, PlanLookup> References = new();

    private PlanLookup(Plan plan)
    {
        Plan = plan;
        var taskCount = 0;
        foreach (var aspect in plan.Aspects)
        {
            taskCount += aspect?.Tasks.Length ?? 0;
        }

        taskCount += plan.UnassignedTasks.Length;
        Aspects = new Dictionary<AspectId, int>(plan.Aspects.Length);
        Tasks = new Dictionary<TaskCode, TaskLocation>(taskCount);
        Agencies = new Dictionary<AgencyId, int>(plan.Agencies.Length);
        Indicators = new Dictionary<IndicatorId, int>(plan.Indicators.Length);
    }

    public Plan Plan { get; }

    public Dictionary<AspectId, int> Aspects { get; }

    public Dictionary<TaskCode, TaskLocation> Tasks { get; }

    public Dictionary<AgencyId, int> Agencies { get; }

    public Dictionary<IndicatorId, int> Indicators { get; }

    /// <summary>Gets the later occurrences of identifiers already seen: where, the identifier, and where it was first used.</summary>
    public List<Duplicate> Duplicates { get; } = [];

    /// <summary>Gets a value indicating whether the plan period is a real interval, so that "inside the period" means something.</summary>
    public bool HasValidPeriod => Plan.EndDate >= Plan.StartDate;

    /// <summary>The index of a plan that a document refers to, built once per plan instance.</summary>
    public static PlanLookup For(Plan plan) => References.GetValue(plan, static p => Build(p));

    /// <summary>A fresh index of a plan being validated: a document is usually new, and its index is not kept.</summary>
    public static PlanLookup Build(Plan plan)
    {
        var index = new PlanLookup(plan);
        for (var a = 0; a < plan.Aspects.Length; a++)
        {
            var aspect = plan.Aspects[a];
            if (aspect is null)
            {
                continue;
            }

            if (!aspect.Id.IsEmpty && !index.Aspects.TryAdd(aspect.Id, a))
            {
                index.Duplicates.Add(new(new PathRef("$.aspects[{0}]", ".id", a), aspect.Id.ToString(), new PathRef("$.aspects[{0}]", a: index.Aspects[aspect.Id])));
            }

            for (var t = 0; t < aspect.Tasks.Length; t++)
            {
                index.AddTask(aspect.Tasks[t], a, t);
            }
        }

        for (var t = 0; t < plan.UnassignedTasks.Length; t++)
        {
            index.AddTask(plan.UnassignedTasks[t], -1, t);
        }

        for (var i = 0; i < plan.Agencies.Length; i++)
        {
            var agency = plan.Agencies[i];
            if (agency is not null && !agency.Id.IsEmpty && !index.Agencies.TryAdd(agency.Id, i))
            {
                index.Duplicates.Add(new(new PathRef("$.agencies[{0}]", ".id", i), agency.Id.ToString(), new PathRef("$.agencies[{0}]", a: index.Agencies[agency.Id])));
            }
        }

        for (var i = 0; i < plan.Indicators.Length; i++)
        {
            var indicator = plan.Indicators[i];
            if (indicator is not null && !indicator.Id.IsEmpty && !index.Indicators.TryAdd(indicator.Id, i))
            {
                index.Duplicates.Add(new(new PathRef("$.indicators[{0}]", ".id", i), indicator.Id.ToString(), new PathRef("$.indicators[{0}]", a: index.Indicators[indicator.Id])));
            }
        }

        return index;
    }

    public Indicator? FindIndicator(IndicatorId id) => Indicators.TryGetValue(id, out var i) ? Plan.Indicators[i] : null;

    private void AddTask(KeyTask? task, int aspectIndex, int taskIndex)
    {
        if (task is null || task.Code.IsEmpty)
        {
            return;
        }

        var location = new TaskLocation(task, aspectIndex, taskIndex);
        if (!Tasks.TryAdd(task.Code, location))
        {
            Duplicates.Add(new(location.Path.At(".code"), task.Code.ToString(), Tasks[task.Code].Path.Self));
        }
    }
}
