using DeltaSdk.Api;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Server.Http;

/// <summary>Builds a plan's progress roll-up from its tasks and their latest reports.</summary>
internal static class ProgressRollup
{
    public static PlanProgressSummary Build(Plan plan, IReadOnlyList<StoredTask> tasks)
    {
        var byAspect = tasks.ToLookup(static t => t.Task.Aspect);
        var aspects = plan.Aspects
            .OrderBy(static a => a.Ordinal)
            .Select(a => Aspect(a.Id, a.Name, a.DeclaredTaskCount, [.. byAspect[a.Id]]))
            .ToList();

        // Tasks whose aspect no source states, and any naming an aspect the plan lacks, are rolled up together.
        var known = plan.Aspects.Select(static a => (AspectId?)a.Id).ToHashSet();
        var unassigned = tasks.Where(t => !known.Contains(t.Task.Aspect)).ToList();
        if (unassigned.Count > 0)
        {
            aspects.Add(Aspect(null, null, null, unassigned));
        }

        return new PlanProgressSummary
        {
            Plan = plan.Id,
            DeclaredTaskCount = plan.DeclaredTaskCount,
            CataloguedTaskCount = tasks.Count,
            ReportedTaskCount = tasks.Count(static t => t.LatestReport is not null),
            TasksByStatus = Count(tasks),
            PercentCompleteMean = Mean(tasks),
            Aspects = [.. aspects],
        };
    }

    private static AspectProgressSummary Aspect(AspectId? id, LocalizedText? name, int? declared, IReadOnlyList<StoredTask> tasks) => new()
    {
        Aspect = id,
        Name = name,
        DeclaredTaskCount = declared,
        CataloguedTaskCount = tasks.Count,
        TasksByStatus = Count(tasks),
        PercentCompleteMean = Mean(tasks),
    };

    private static StatusCounts Count(IReadOnlyList<StoredTask> tasks)
    {
        int Of(ImplementationStatus status) => tasks.Count(t => t.LatestReport?.Status == status);
        return new StatusCounts
        {
            NotStarted = Of(ImplementationStatus.NotStarted),
            InProgress = Of(ImplementationStatus.InProgress),
            Completed = Of(ImplementationStatus.Completed),
            Delayed = Of(ImplementationStatus.Delayed),
            Suspended = Of(ImplementationStatus.Suspended),
            Unreported = tasks.Count(static t => t.LatestReport is null),
        };
    }

    private static double? Mean(IReadOnlyList<StoredTask> tasks)
    {
        var values = tasks.Select(static t => t.LatestReport).OfType<ProgressReport>().Select(Percent).OfType<double>().ToList();
        return values.Count == 0 ? null : Math.Round(values.Average(), 2);
    }

    private static double? Percent(ProgressReport report) => report.PercentComplete ?? report.Status switch
    {
        ImplementationStatus.Completed => 100,
        ImplementationStatus.NotStarted => 0,
        _ => null,
    };
}
