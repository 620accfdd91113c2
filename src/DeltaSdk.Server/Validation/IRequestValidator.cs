using DeltaSdk.Api;

namespace DeltaSdk.Server.Validation;

/// <summary>
/// The one seam between the endpoints and the validation rules: everything a write body must satisfy beyond being
/// readable JSON. A finding of severity <c>error</c> makes the request a 422 listing every finding.
/// </summary>
internal interface IRequestValidator
{
    /// <summary>Checks a progress report posted to <paramref name="task"/> of <paramref name="plan"/>.</summary>
    IReadOnlyList<ProblemDiagnostic> ValidateProgress(ProgressReport report, Plan plan, TaskCode task);

    /// <summary>Checks a plan document put to plan <paramref name="planId"/> (whole, or with one task put in it), against the region table.</summary>
    IReadOnlyList<ProblemDiagnostic> ValidatePlan(Plan plan, PlanId planId, RegionTable regions);

    /// <summary>Checks an observation batch posted to <paramref name="indicator"/>, which <paramref name="plan"/> defines.</summary>
    IReadOnlyList<ProblemDiagnostic> ValidateObservations(ObservationBatch batch, IndicatorId indicator, Plan plan, RegionTable regions);
}
