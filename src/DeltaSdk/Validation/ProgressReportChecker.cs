using System.Globalization;

namespace DeltaSdk.Validation;

/// <summary>The built-in progress report rules, for one report or a sequence of them.</summary>
internal static class ProgressReportChecker
{
    public static void Check(ProgressReport report, in EntityPath path, PlanLookup? plan, ValidationContext context)
    {
        if (report.Plan.IsEmpty)
        {
            context.Report(DeltaRules.MissingIdentifier, path.At(".plan"));
        }
        else if (plan is not null && !plan.Plan.Id.IsEmpty && report.Plan != plan.Plan.Id)
        {
            context.Report(DeltaRules.PlanMismatch, path.At(".plan"), report.Plan.ToString(), report.Plan, plan.Plan.Id);
        }

        if (report.Task.IsEmpty)
        {
            context.Report(DeltaRules.MissingIdentifier, path.At(".task"));
        }
        else if (plan is not null && !plan.Tasks.ContainsKey(report.Task))
        {
            context.Report(DeltaRules.UnknownTask, path.At(".task"), report.Task.ToString(), report.Task, plan.Plan.Id);
        }

        if (report.Region is { } region)
        {
            if (region.IsEmpty)
            {
                context.Report(DeltaRules.MissingIdentifier, path.At(".region"));
            }
            else if (plan is not null && plan.Tasks.TryGetValue(report.Task, out var location) && !SpeaksForTask(region, location.Task, context.Regions))
            {
                context.Report(DeltaRules.ReportRegionOutsideTask, path.At(".region"), region.ToString(), region, report.Task, string.Join(", ", location.Task.Regions.Select(static r => r.ToString()).Concat(location.Task.RegionGroups.Select(static g => g.ToString()))));
            }
        }

        Dates(report, path, plan, context);
        Status(report, path, context);

        if (report.ReportedBy is { } agency)
        {
            if (agency.IsEmpty)
            {
                context.Report(DeltaRules.MissingIdentifier, path.At(".reportedBy"));
            }
            else if (plan is not null && !plan.Agencies.ContainsKey(agency))
            {
                context.Report(DeltaRules.UnknownAgency, path.At(".reportedBy"), agency.ToString(), agency);
            }
        }

        // The reporting agency is the report's source, so sources are optional; those given must be traceable.
        Checks.Sources(context, report.Sources, path, required: false);
    }

    /// <summary>
    /// Whether a report's region overlaps the task's regions: it is one of them, lies within one, or contains one
    /// (a province reporting on its city's task); or it overlaps a member of one of the task's groups. A task that names
    /// no region is delta-wide, and a task with groups that cannot be resolved (no region table) gets the benefit of the doubt.
    /// </summary>
    private static bool SpeaksForTask(RegionCode region, KeyTask task, RegionTable? table)
    {
        if (task.Regions.IsEmpty && task.RegionGroups.IsEmpty)
        {
            return true;
        }

        foreach (var named in task.Regions)
        {
            if (Overlaps(region, named))
            {
                return true;
            }
        }

        if (task.RegionGroups.IsEmpty)
        {
            return false;
        }

        if (table is null)
        {
            return true;
        }

        foreach (var groupId in task.RegionGroups)
        {
            var group = table.Groups.FirstOrDefault(g => g is not null && g.Id == groupId);
            if (group is null || group.Kind == RegionGroupKind.WholeRegion || group.Members.Any(m => Overlaps(region, m)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(RegionCode a, RegionCode b) => !b.IsEmpty && (a == b || a.IsWithin(b) || b.IsWithin(a));

    /// <summary>DLT4004 across reports: per task, in date order, neither the percentage nor a completion may be taken back.</summary>
    public static void Sequence(IReadOnlyList<ProgressReport?> reports, ValidationContext context)
    {
        var byTask = new Dictionary<(PlanId Plan, TaskCode Task), List<int>>();
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            if (report is null || report.Task.IsEmpty)
            {
                continue;
            }

            if (!byTask.TryGetValue((report.Plan, report.Task), out var list))
            {
                byTask.Add((report.Plan, report.Task), list = new List<int>(2));
            }

            list.Add(i);
        }

        foreach (var list in byTask.Values)
        {
            if (list.Count < 2)
            {
                continue;
            }

            // Same-day reports keep their input order.
            list.Sort((x, y) =>
            {
                var byDate = reports[x]!.ReportedOn.CompareTo(reports[y]!.ReportedOn);
                return byDate != 0 ? byDate : x.CompareTo(y);
            });
            ProgressReport? previous = null;
            ProgressReport? completed = null;
            double previousLevel = 0;
            foreach (var i in list)
            {
                var report = reports[i]!;
                var level = Level(report);
                var path = new EntityPath("$[{0}]", i);
                if (completed is not null && report.Status != ImplementationStatus.Completed)
                {
                    context.Report(DeltaRules.ProgressWentBackwards, path.At(".status"), Text.Wire(report.Status), Describe(completed), Text.Iso(completed.ReportedOn), Describe(report), Text.Iso(report.ReportedOn));

                    // One taking-back is one finding: later reports are compared with this one, not again with the completion.
                    completed = null;
                    previous = level is null ? null : previous;
                }
                else if (previous is not null && level is { } current && current < previousLevel)
                {
                    context.Report(DeltaRules.ProgressWentBackwards, path.At(report.PercentComplete.HasValue ? ".percentComplete" : ".status"), Describe(report), Describe(previous), Text.Iso(previous.ReportedOn), Describe(report), Text.Iso(report.ReportedOn));
                }

                if (report.Status == ImplementationStatus.Completed)
                {
                    completed = report;
                }

                if (level is { } known)
                {
                    previous = report;
                    previousLevel = known;
                }
            }
        }
    }

    private static void Dates(ProgressReport report, in EntityPath path, PlanLookup? plan, ValidationContext context)
    {
        var reportedOn = report.ReportedOn;
        if (plan is not null && plan.HasValidPeriod && (reportedOn < plan.Plan.StartDate || reportedOn > plan.Plan.EndDate))
        {
            context.Report(DeltaRules.ReportOutsidePlanPeriod, path.At(".reportedOn"), Text.Iso(reportedOn), Text.Iso(reportedOn), Text.Iso(plan.Plan.StartDate), Text.Iso(plan.Plan.EndDate));
        }

        if (reportedOn > context.Today)
        {
            context.Report(DeltaRules.DateInFuture, path.At(".reportedOn"), Text.Iso(reportedOn), Text.Iso(reportedOn), Text.Iso(context.Today));
        }

        if (report.Period is { } period)
        {
            if (period.IsEmpty)
            {
                context.Report(DeltaRules.MissingIdentifier, path.At(".period"));
            }
            else if (plan is not null && plan.HasValidPeriod && (period.Start < plan.Plan.StartDate || period.End > plan.Plan.EndDate))
            {
                context.Report(DeltaRules.ReportOutsidePlanPeriod, path.At(".period"), period.ToString(), period, Text.Iso(plan.Plan.StartDate), Text.Iso(plan.Plan.EndDate));
            }
        }

        if (report.CompletedOn is { } completed)
        {
            if (report.Status != ImplementationStatus.Completed)
            {
                context.Report(DeltaRules.CompletionDateWithoutCompletion, path.At(".completedOn"), Text.Iso(completed), Text.Wire(report.Status));
            }

            if (completed > reportedOn)
            {
                context.Report(DeltaRules.CompletedAfterReport, path.At(".completedOn"), Text.Iso(completed), Text.Iso(completed), Text.Iso(reportedOn));
            }
        }
    }

    private static void Status(ProgressReport report, in EntityPath path, ValidationContext context)
    {
        var percent = report.PercentComplete;
        var percentValid = true;
        if (percent is { } p && !(double.IsFinite(p) && p is >= 0 and <= 100))
        {
            percentValid = false;
            context.Report(DeltaRules.PercentOutOfRange, path.At(".percentComplete"), Text.Number(p), Text.Number(p));
        }

        switch (report.Status)
        {
            case ImplementationStatus.Completed:
                if (percentValid && percent is { } done && done != 100)
                {
                    context.Report(DeltaRules.CompletedNotFull, path.At(".percentComplete"), Text.Number(done), Text.Number(done));
                }

                if (report.CompletedOn is null)
                {
                    context.Report(DeltaRules.CompletedWithoutDate, path.At(".completedOn"));
                }

                break;
            case ImplementationStatus.NotStarted when percentValid && percent is { } started && started > 0:
                context.Report(DeltaRules.NotStartedWithProgress, path.At(".percentComplete"), Text.Number(started), Text.Number(started));
                break;
        }
    }

    /// <summary>How far along a report says the task is: its percentage, else what its status implies, else unknown.</summary>
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

    private static string Describe(ProgressReport report) => report.PercentComplete is { } p && double.IsFinite(p)
        ? string.Create(CultureInfo.InvariantCulture, $"{Text.Wire(report.Status)} {p}%")
        : Text.Wire(report.Status);
}
