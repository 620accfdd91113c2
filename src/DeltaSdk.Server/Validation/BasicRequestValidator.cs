using System.Globalization;
using DeltaSdk.Server.Contracts;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Server.Validation;

/// <summary>
/// The request checks the server makes itself: that a body addresses the resource it is posted to, and the
/// consistency rules of progress reports and observations.
/// </summary>
internal sealed class BasicRequestValidator : IRequestValidator
{
    public IReadOnlyList<ApiDiagnostic> ValidateProgress(ProgressReport report, Plan plan, TaskCode task)
    {
        var diagnostics = new List<ApiDiagnostic>();
        if (report.Plan != plan.Id)
        {
            diagnostics.Add(Error("progress.plan-mismatch", "$.plan", $"The report names plan '{report.Plan}' but is posted to plan '{plan.Id}'."));
        }

        if (report.Task != task)
        {
            diagnostics.Add(Error("progress.task-mismatch", "$.task", $"The report names task '{report.Task}' but is posted to task '{task}'."));
        }

        if (report.PercentComplete is { } percent && (!double.IsFinite(percent) || percent < 0 || percent > 100))
        {
            diagnostics.Add(Error("progress.percent-range", "$.percentComplete", string.Create(CultureInfo.InvariantCulture, $"percentComplete must be between 0 and 100; it is {percent}.")));
        }

        if (report.Status == ImplementationStatus.Completed && report.PercentComplete is { } done && done != 100)
        {
            diagnostics.Add(Error("progress.completed-percent", "$.percentComplete", string.Create(CultureInfo.InvariantCulture, $"A completed task is 100% complete; the report says {done}.")));
        }

        if (report.Status == ImplementationStatus.NotStarted && report.PercentComplete is { } started && started != 0)
        {
            diagnostics.Add(Error("progress.not-started-percent", "$.percentComplete", string.Create(CultureInfo.InvariantCulture, $"A task not started is 0% complete; the report says {started}.")));
        }

        if (report.CompletedOn is { } completedOn)
        {
            if (report.Status != ImplementationStatus.Completed)
            {
                diagnostics.Add(Error("progress.completed-on-status", "$.completedOn", $"completedOn is given but the status is '{report.Status}', not 'completed'."));
            }

            if (completedOn > report.ReportedOn)
            {
                diagnostics.Add(Error("progress.completed-after-report", "$.completedOn", $"completedOn {Iso(completedOn)} is after reportedOn {Iso(report.ReportedOn)}."));
            }
        }

        if (report.Period is { } period && !period.Contains(report.ReportedOn))
        {
            diagnostics.Add(Warning("progress.period-date", "$.reportedOn", $"reportedOn {Iso(report.ReportedOn)} is outside the period {period}."));
        }

        if (report.ReportedBy is { } agency && !plan.Agencies.Any(a => a.Id == agency))
        {
            diagnostics.Add(Error("progress.unknown-agency", "$.reportedBy", $"Agency '{agency}' is not one of the plan's agencies."));
        }

        return diagnostics;
    }

    public IReadOnlyList<ApiDiagnostic> ValidateObservations(ObservationBatch batch, Indicator indicator, RegionTable regions, IReadOnlyCollection<PlanId> plans)
    {
        var diagnostics = new List<ApiDiagnostic>();
        if (batch.Plan is { } plan && !plans.Contains(plan))
        {
            diagnostics.Add(Error("observation.unknown-plan", "$.plan", $"Plan '{plan}' does not exist."));
        }

        if (batch.Observations.IsEmpty)
        {
            diagnostics.Add(Error("observation.empty-batch", "$.observations", "The batch holds no observations."));
        }

        var regionCodes = regions.Regions.Select(static r => r.Code).ToHashSet();
        var groupIds = regions.Groups.Select(static g => g.Id).ToHashSet();
        for (var i = 0; i < batch.Observations.Length; i++)
        {
            var observation = batch.Observations[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.observations[{i}]");
            if (observation.Indicator != indicator.Id)
            {
                diagnostics.Add(Error("observation.indicator-mismatch", path + ".indicator", $"The observation is of indicator '{observation.Indicator}' but is posted to indicator '{indicator.Id}'."));
            }

            if (observation.Region is null == observation.RegionGroup is null)
            {
                diagnostics.Add(Error("observation.scope", path, "An observation names exactly one of region and regionGroup."));
            }

            if (observation.Region is { } region && !regionCodes.Contains(region))
            {
                diagnostics.Add(Error("observation.unknown-region", path + ".region", $"Region '{region}' is not in the region table."));
            }

            if (observation.RegionGroup is { } group && !groupIds.Contains(group))
            {
                diagnostics.Add(Error("observation.unknown-region-group", path + ".regionGroup", $"Region group '{group}' is not in the region table."));
            }

            if (!double.IsFinite(observation.Value))
            {
                diagnostics.Add(Error("observation.value", path + ".value", "The value must be a finite number."));
            }
        }

        return diagnostics;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static ApiDiagnostic Error(string code, string path, string message)
        => new() { Code = code, Severity = DiagnosticSeverities.Error, Path = path, Message = message };

    private static ApiDiagnostic Warning(string code, string path, string message)
        => new() { Code = code, Severity = DiagnosticSeverities.Warning, Path = path, Message = message };
}
