using System.Globalization;
using DeltaSdk.Api;
using DeltaSdk.Validation;

namespace DeltaSdk.Server.Validation;

/// <summary>
/// Validates write bodies with <see cref="DeltaValidator"/> (the library's rules, so that the server accepts exactly
/// what the SDK calls valid) plus the checks only the server can make: that a body addresses the resource it is
/// posted to.
/// </summary>
internal sealed class DeltaRequestValidator(DeltaValidator validator) : IRequestValidator
{
    public const string TaskMismatch = "request.task-mismatch";
    public const string IndicatorMismatch = "request.indicator-mismatch";
    public const string EmptyBatch = "request.empty-batch";
    public const string PlanMismatch = "request.plan-mismatch";

    public IReadOnlyList<ProblemDiagnostic> ValidateProgress(ProgressReport report, Plan plan, TaskCode task)
    {
        var diagnostics = new List<ProblemDiagnostic>();
        if (report.Task != task)
        {
            diagnostics.Add(Error(TaskMismatch, "$.task", $"The report names task '{report.Task}' but is posted to task '{task}'."));
        }

        diagnostics.AddRange(validator.Validate(report, plan).Diagnostics.Select(ToApi));
        return diagnostics;
    }

    public IReadOnlyList<ProblemDiagnostic> ValidatePlan(Plan plan, PlanId planId, RegionTable regions)
    {
        var diagnostics = new List<ProblemDiagnostic>();
        if (plan.Id != planId)
        {
            diagnostics.Add(Error(PlanMismatch, "$.id", $"The document is plan '{plan.Id}' but is put to plan '{planId}'."));
        }

        diagnostics.AddRange(validator.Validate(plan, regions).Diagnostics.Select(ToApi));
        return diagnostics;
    }

    public IReadOnlyList<ProblemDiagnostic> ValidateObservations(ObservationBatch batch, IndicatorId indicator, Plan plan, RegionTable regions)
    {
        var diagnostics = new List<ProblemDiagnostic>();
        if (batch.Observations.IsEmpty)
        {
            diagnostics.Add(Error(EmptyBatch, "$.observations", "The batch holds no observations."));
        }

        for (var i = 0; i < batch.Observations.Length; i++)
        {
            if (batch.Observations[i].Indicator != indicator)
            {
                diagnostics.Add(Error(
                    IndicatorMismatch,
                    string.Create(CultureInfo.InvariantCulture, $"$.observations[{i}].indicator"),
                    $"The observation is of indicator '{batch.Observations[i].Indicator}' but is posted to indicator '{indicator}'."));
            }
        }

        diagnostics.AddRange(validator.Validate(batch, plan, regions).Diagnostics.Select(ToApi));
        return diagnostics;
    }

    private static ProblemDiagnostic ToApi(Diagnostic diagnostic) => ProblemDiagnostic.From(diagnostic);

    private static ProblemDiagnostic Error(string code, string path, string message)
        => new() { Code = code, Severity = DiagnosticSeverity.Error, Path = path, Message = message };
}
