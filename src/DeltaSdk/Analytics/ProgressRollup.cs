using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>
/// Rolls task progress up, task → aspect → plan, for a region or the whole delta as of a date, by the method
/// <see cref="AnalyticsMethodology.EqualWeightTaskRollup"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Scope.</b> For the whole delta: every catalogued task and every report. For a region: the tasks that concern
/// it (<see cref="PlanIndex.TasksForRegion"/>) and the tasks naming a region within it (a province's scope includes
/// its cities' tasks), with the reports of the region and of the regions within it. A whole-delta report (no
/// region) counts only for the whole delta.
/// </para>
/// <para>
/// <b>Figures.</b> A report's figure is its percentage, else 100 for <see cref="ImplementationStatus.Completed"/> and
/// 0 for <see cref="ImplementationStatus.NotStarted"/>; other statuses without a percentage have none. A task's
/// figure is the mean over its reporting regions in scope (each region's latest report as of the date); a scope's
/// figure gives each task the same weight and counts tasks without a figure by <see cref="UnreportedTaskTreatment"/>.
/// </para>
/// <para>The date comes from the caller or an <see cref="IClock"/>, never from the system clock. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ProgressRollup
{
    private const string WeightingDescription = "equalPerTask; within a task, equalPerReportingRegion";

    private readonly PlanIndex _index;
    private readonly ProgressLedger _ledger;
    private readonly ImmutableArray<(KeyTask Task, Aspect? Aspect)> _tasks;

    /// <summary>Creates a roll-up over a plan and a ledger of its reports.</summary>
    /// <param name="index">The plan and its region table.</param>
    /// <param name="ledger">The reports.</param>
    public ProgressRollup(PlanIndex index, ProgressLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(ledger);
        _index = index;
        _ledger = ledger;
        var tasks = ImmutableArray.CreateBuilder<(KeyTask, Aspect?)>();
        foreach (var aspect in index.Plan.Aspects)
        {
            if (aspect is null)
            {
                continue;
            }

            foreach (var task in aspect.Tasks)
            {
                if (task is not null)
                {
                    tasks.Add((task, aspect));
                }
            }
        }

        foreach (var task in index.Plan.UnassignedTasks)
        {
            if (task is not null)
            {
                tasks.Add((task, null));
            }
        }

        _tasks = tasks.ToImmutable();
    }

    /// <summary>Rolls progress up as of the date a clock gives in a time zone.</summary>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The time zone the date is taken in.</param>
    /// <param name="region">The region, or <see langword="null"/> for the whole delta.</param>
    /// <param name="aspect">The aspect to limit the roll-up to, if any.</param>
    /// <param name="unreportedTasks">How tasks without a figure count.</param>
    /// <returns>The summary.</returns>
    public ProgressSummary Summarize(IClock clock, DateTimeZone zone, RegionCode? region = null, AspectId? aspect = null, UnreportedTaskTreatment unreportedTasks = UnreportedTaskTreatment.CountedAsZero)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        return Summarize(clock.GetCurrentInstant().InZone(zone).Date, region, aspect, unreportedTasks);
    }

    /// <summary>Rolls progress up as of a date.</summary>
    /// <param name="asOf">The date: reports dated later are not used.</param>
    /// <param name="region">The region, or <see langword="null"/> for the whole delta.</param>
    /// <param name="aspect">The aspect to limit the roll-up to, if any.</param>
    /// <param name="unreportedTasks">How tasks without a figure count.</param>
    /// <returns>The summary.</returns>
    public ProgressSummary Summarize(LocalDate asOf, RegionCode? region = null, AspectId? aspect = null, UnreportedTaskTreatment unreportedTasks = UnreportedTaskTreatment.CountedAsZero)
    {
        var scope = region is { } r ? new RegionScope(_index, r) : null;
        var rows = new List<(TaskProgress Progress, Aspect? Aspect)>();
        foreach (var (task, taskAspect) in _tasks)
        {
            if (aspect is { } wanted && taskAspect?.Id != wanted)
            {
                continue;
            }

            if (scope is not null && !scope.Contains(task))
            {
                continue;
            }

            rows.Add((Evaluate(task, taskAspect, asOf, scope), taskAspect));
        }

        var overall = Figure(rows.Select(static r => r.Progress), unreportedTasks);
        var withFigure = rows.Count(static r => r.Progress.PercentComplete is not null);
        var tasks = rows.Select(r => r.Progress with { Weight = Weight(r.Progress, rows.Count, withFigure, unreportedTasks) }).ToImmutableArray();
        var aspects = rows
            .GroupBy(static r => r.Aspect)
            .Select(g => new AspectProgress
            {
                Aspect = g.Key?.Id,
                Ordinal = g.Key?.Ordinal,
                DeclaredTaskCount = g.Key?.DeclaredTaskCount,
                Progress = Figure(g.Select(static r => r.Progress), unreportedTasks),
            })
            .ToImmutableArray();

        return new ProgressSummary
        {
            Plan = _index.Plan.Id,
            AsOf = asOf,
            Region = region,
            Aspect = aspect,
            Methodology = AnalyticsMethodology.EqualWeightTaskRollup,
            UnreportedTasks = unreportedTasks,
            Weighting = WeightingDescription,
            DeclaredTaskCount = aspect is null ? _index.Plan.DeclaredTaskCount : _index.Plan.Aspects.FirstOrDefault(a => a?.Id == aspect)?.DeclaredTaskCount,
            CatalogueCompleteness = _index.Plan.CatalogueCompleteness,
            Overall = overall,
            Aspects = aspects,
            Tasks = tasks,
        };
    }

    private static double Weight(TaskProgress task, int inScope, int withFigure, UnreportedTaskTreatment treatment) => treatment switch
    {
        UnreportedTaskTreatment.Excluded => task.PercentComplete is null || withFigure == 0 ? 0 : 1.0 / withFigure,
        _ => inScope == 0 ? 0 : 1.0 / inScope,
    };

    private static ProgressFigure Figure(IEnumerable<TaskProgress> tasks, UnreportedTaskTreatment treatment)
    {
        int inScope = 0, reported = 0, withFigure = 0, completed = 0;
        double sum = 0;
        foreach (var task in tasks)
        {
            inScope++;
            reported += task.ReportingRegions > 0 ? 1 : 0;
            completed += task.Completed ? 1 : 0;
            if (task.PercentComplete is { } percent)
            {
                withFigure++;
                sum += percent;
            }
        }

        double? ofReported = withFigure == 0 ? null : sum / withFigure;
        return new ProgressFigure
        {
            TasksInScope = inScope,
            TasksReported = reported,
            TasksWithFigure = withFigure,
            TasksCompleted = completed,
            Coverage = inScope == 0 ? 0 : (double)withFigure / inScope,
            PercentComplete = treatment == UnreportedTaskTreatment.Excluded ? ofReported : inScope == 0 ? null : sum / inScope,
            PercentCompleteOfReported = ofReported,
        };
    }

    private static double? Level(ProgressReport report) => report.PercentComplete switch
    {
        { } p when double.IsFinite(p) && p is >= 0 and <= 100 => p,
        _ => report.Status switch
        {
            ImplementationStatus.Completed => 100,
            ImplementationStatus.NotStarted => 0,
            _ => null,
        },
    };

    private TaskProgress Evaluate(KeyTask task, Aspect? aspect, LocalDate asOf, RegionScope? scope)
    {
        int regions = 0, withLevel = 0;
        double sum = 0;
        var allCompleted = true;
        LocalDate? latest = null;
        foreach (var report in _ledger.LatestByRegion(task.Code, asOf))
        {
            if (scope is not null && (report.Region is not { } reportRegion || !scope.Covers(reportRegion)))
            {
                continue;
            }

            regions++;
            allCompleted &= report.Status == ImplementationStatus.Completed;
            if (latest is null || report.ReportedOn > latest)
            {
                latest = report.ReportedOn;
            }

            if (Level(report) is { } level)
            {
                withLevel++;
                sum += level;
            }
        }

        return new TaskProgress
        {
            Task = task.Code,
            Aspect = aspect?.Id,
            Weight = 0,
            ReportingRegions = regions,
            PercentComplete = withLevel == 0 ? null : sum / withLevel,
            Completed = regions > 0 && allCompleted,
            LatestReportOn = latest,
        };
    }

    /// <summary>One region's scope: which tasks concern it or a region within it, and which reporting regions lie within it.</summary>
    private sealed class RegionScope(PlanIndex index, RegionCode region)
    {
        private readonly HashSet<KeyTask> _concerning = new(index.TasksForRegion(region), ReferenceEqualityComparer.Instance);
        private readonly Dictionary<RegionCode, bool> _within = [];

        public bool Contains(KeyTask task)
        {
            if (_concerning.Contains(task))
            {
                return true;
            }

            foreach (var named in task.Regions)
            {
                if (Covers(named))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="code"/> is the region or lies within it, by the table's parents or by its digits.</summary>
        public bool Covers(RegionCode code)
        {
            if (code.IsEmpty)
            {
                return false;
            }

            if (_within.TryGetValue(code, out var known))
            {
                return known;
            }

            var result = code == region || code.IsWithin(region);
            var current = code;
            for (var steps = 0; !result && steps < 8 && index.TryGetRegion(current, out var entry) && entry.Parent is { IsEmpty: false } parent; steps++)
            {
                result = parent == region;
                current = parent;
            }

            _within[code] = result;
            return result;
        }
    }
}
