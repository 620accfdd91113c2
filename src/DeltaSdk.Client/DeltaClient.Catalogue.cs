using DeltaSdk.Api;
using DeltaSdk.Changes;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Client;

/// <summary>The catalogue calls: plan revisions, whole-plan submits (with a dry run) and task writes.</summary>
public partial class DeltaClient
{
    /// <summary>Gets a plan with its entity tag (its revision), which <see cref="SubmitPlanAsync"/> names in <c>If-Match</c>.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan's current revision and its ETag.</returns>
    /// <exception cref="DeltaApiException">The plan does not exist (<c>404</c>, <c>not_found</c>) or the server failed.</exception>
    public virtual async Task<Versioned<Plan>> GetVersionedPlanAsync(PlanId planId, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        var (plan, etag) = await SendAsync("GetPlan", planId, static (api, id, ct) => api.GetPlanAsync(id, ct), cancellationToken).ConfigureAwait(false);
        return new Versioned<Plan>(plan, RequireETag(etag, "GetPlan"));
    }

    /// <summary>Gets a plan as it was at an instant: the revision that was current then.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="asOf">The instant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan document of that revision.</returns>
    /// <exception cref="DeltaApiException">The plan does not exist, or had no revision yet at <paramref name="asOf"/> (<c>404</c>), or the server failed.</exception>
    public virtual async Task<Plan> GetPlanAsync(PlanId planId, Instant asOf, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        var instant = InstantPattern.ExtendedIso.Format(asOf);
        return (await SendAsync("GetPlan", (planId, instant), static (api, s, ct) => api.GetPlanAsOfAsync(s.planId, s.instant, ct), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Submits a whole plan document (aspects and their declared counts, tasks, indicators with targets, agencies,
    /// sources) in place of the stored one, if the plan is still at the revision <paramref name="ifMatch"/> names; or,
    /// with <paramref name="dryRun"/>, only asks what it would change. Needs an API key with write rights.
    /// </summary>
    /// <param name="plan">The new plan document; its <see cref="Plan.Id"/> says which plan it replaces.</param>
    /// <param name="ifMatch">
    /// The plan's ETag from <see cref="GetVersionedPlanAsync"/>, a dry run or the previous submit. Optional
    /// (<c>default</c>) for a dry run, where a given one must still be current too.
    /// </param>
    /// <param name="dryRun">Whether to validate and compute the change set only, writing nothing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The changes from the stored revision to <paramref name="plan"/> and an ETag: the new revision's after a submit
    /// (unchanged when the document was equal to the stored one); after a dry run, the revision's the changes were
    /// computed against, so that submitting with it applies exactly those changes or fails with a conflict.
    /// </returns>
    /// <exception cref="DeltaConflictException">
    /// The plan changed since <paramref name="ifMatch"/> was read (<c>412</c>), or the document removes a task that has
    /// progress reports (<c>409</c>).
    /// </exception>
    /// <exception cref="DeltaApiException">
    /// The document is invalid (<c>422</c>, see <see cref="DeltaApiException.Diagnostics"/>, whose paths point into it),
    /// the API key is missing or wrong (<c>401</c>/<c>403</c>), the plan does not exist (<c>404</c>) or the server failed.
    /// </exception>
    public virtual async Task<Versioned<ChangeSet>> SubmitPlanAsync(Plan plan, ETag ifMatch, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Check(plan.Id.IsEmpty, nameof(plan));
        if (!dryRun)
        {
            Check(ifMatch.IsEmpty, nameof(ifMatch));
        }

        var (changes, etag) = await SendAsync(
            dryRun ? "SubmitPlanDryRun" : "SubmitPlan",
            (plan, dryRun: dryRun ? "true" : null, ifMatch: ifMatch.IsEmpty ? null : ifMatch.ToString("H")),
            static (api, s, ct) => api.PutPlanAsync(s.plan.Id, s.plan, s.dryRun, s.ifMatch, ct),
            cancellationToken).ConfigureAwait(false);
        return new Versioned<ChangeSet>(changes, RequireETag(etag, "SubmitPlan"));
    }

    /// <summary>
    /// Adds a key task to a plan, or updates one, validated as part of the whole plan and recorded as a new plan
    /// revision. Needs an API key with write rights. An update raises the task's version, so progress writers holding
    /// its old ETag read it again.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="task">The task; its <see cref="KeyTask.Code"/> says which task, its <see cref="KeyTask.Aspect"/> where it is listed.</param>
    /// <param name="ifMatch">
    /// The task's ETag from <see cref="GetTaskAsync(PlanId, TaskCode, CancellationToken)"/> to update it, or <see langword="null"/> to add a task that must
    /// not exist yet.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as stored and its new ETag.</returns>
    /// <exception cref="DeltaConflictException">The task changed since <paramref name="ifMatch"/> was read, or exists already when adding (<c>412</c>).</exception>
    /// <exception cref="DeltaApiException">
    /// The plan with the task is invalid (<c>422</c>, for example an aspect the plan does not have), the API key is
    /// missing or wrong (<c>401</c>/<c>403</c>), the plan (or, for an update, the task) does not exist (<c>404</c>) or the server failed.
    /// </exception>
    public virtual async Task<Versioned<KeyTask>> PutTaskAsync(PlanId planId, KeyTask task, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        ArgumentNullException.ThrowIfNull(task);
        Check(task.Code.IsEmpty, nameof(task));
        if (ifMatch is { IsEmpty: true })
        {
            throw new ArgumentException("The ETag is default (empty); pass the task's ETag, or null to add a new task.", nameof(ifMatch));
        }

        var (stored, etag) = await SendAsync(
            "PutTask",
            (planId, task, ifMatch: ifMatch?.ToString("H"), ifNoneMatch: ifMatch is null ? "*" : null),
            static (api, s, ct) => api.PutTaskAsync(s.planId, s.task.Code, s.task, s.ifMatch, s.ifNoneMatch, ct),
            cancellationToken).ConfigureAwait(false);
        return new Versioned<KeyTask>(stored, RequireETag(etag, "PutTask"));
    }

    /// <summary>
    /// Adds an indicator to a plan, or replaces one (with its baseline and targets), validated as part of the whole plan
    /// and recorded as a new plan revision. Needs an API key with write rights.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="indicator">The indicator; its <see cref="Indicator.Id"/> says which.</param>
    /// <param name="ifMatch">The plan's ETag (the indicator's own ETag guards its observations), from <see cref="GetVersionedPlanAsync"/> or the previous write.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The indicator as stored and the plan's new ETag.</returns>
    /// <exception cref="DeltaConflictException">The plan changed since <paramref name="ifMatch"/> was read (<c>412</c>).</exception>
    /// <exception cref="DeltaApiException">
    /// The plan with the indicator is invalid (<c>422</c>), the API key is missing or wrong (<c>401</c>/<c>403</c>), the
    /// plan does not exist (<c>404</c>) or the server failed.
    /// </exception>
    public virtual async Task<Versioned<Indicator>> PutIndicatorAsync(PlanId planId, Indicator indicator, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        ArgumentNullException.ThrowIfNull(indicator);
        Check(indicator.Id.IsEmpty, nameof(indicator));
        Check(ifMatch.IsEmpty, nameof(ifMatch));
        var (stored, etag) = await SendAsync(
            "PutIndicator",
            (planId, indicator, ifMatch: ifMatch.ToString("H")),
            static (api, s, ct) => api.PutIndicatorAsync(s.planId, s.indicator.Id, s.indicator, s.ifMatch, ct),
            cancellationToken).ConfigureAwait(false);
        return new Versioned<Indicator>(stored, RequireETag(etag, "PutIndicator"));
    }

    /// <summary>Lists a plan's revisions, newest first.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The revisions (number, when recorded, change counts), fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<PlanRevisionSummary> ListPlanRevisionsAsync(PlanId planId, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        return EnumerateAsync((token, ct) => GetPlanRevisionsPageAsync(planId, null, token, ct), cancellationToken);
    }

    /// <summary>Gets one page of a plan's revisions, newest first.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="pageSize">Revisions per page, 1 to <see cref="MaxPageSize"/>; <see langword="null"/> for the server's default.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="DeltaApiException">The plan does not exist (<c>404</c>) or the server failed.</exception>
    public virtual async Task<Page<PlanRevisionSummary>> GetPlanRevisionsPageAsync(PlanId planId, int? pageSize = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        CheckPageSize(pageSize);
        return (await SendAsync("ListPlanRevisions", (planId, pageSize, pageToken), static (api, s, ct) => api.GetPlanRevisionsAsync(s.planId, s.pageSize, s.pageToken, ct), cancellationToken).ConfigureAwait(false)).Value;
    }
}
