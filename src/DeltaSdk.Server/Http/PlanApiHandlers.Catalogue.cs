using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using DeltaSdk.Api;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Storage;
using DeltaSdk.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Server.Http;

/// <summary>The catalogue's handlers: plan revisions, whole-plan writes (with a dry run) and task writes.</summary>
internal sealed partial class PlanApiHandlers
{
    /// <summary>How often a task write is tried again when another catalogue write moved the plan on under it.</summary>
    private const int TaskWriteAttempts = 5;

    public async Task<IResult> GetPlanAsync(HttpContext context, string planId, string? asOf)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseInstant(asOf, "asOf", out var instant, out problem))
        {
            return problem;
        }

        if (await store.GetPlanRevisionAsync(id, instant, context.RequestAborted).ConfigureAwait(false) is not { } stored)
        {
            return instant is { } at && await store.GetPlanAsync(id, context.RequestAborted).ConfigureAwait(false) is not null
                ? ProblemResult.NotFound($"Plan '{id}' has no revision recorded at or before {InstantPattern.ExtendedIso.Format(at)}.")
                : PlanNotFound(id);
        }

        // The plan is a document of the canonical format: DeltaJson writes it, with its header. Its ETag is its revision.
        return ETags.Conditional(context.Request, DeltaJson.WritePlanToUtf8Bytes(stored.Plan), ETags.ForRevision(stored.Revision));
    }

    public async Task<IResult> ListPlanRevisionsAsync(HttpContext context, string planId, int? pageSize, string? pageToken)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !PageRequest.TryCreate(pageSize, pageToken, string.Join('\n', "revisions", id), _options, out var page, out problem))
        {
            return problem;
        }

        var result = await ListAsync(() => store.ListPlanRevisionsAsync(id, page.Continuation, page.Size, context.RequestAborted)).ConfigureAwait(false);
        return result.Problem
            ?? (result.Page is { } revisions
                ? ETags.ConditionalJson(context.Request, new Page<PlanRevisionSummary> { Items = [.. revisions.Items], NextPageToken = page.NextToken(revisions.Continuation) })
                : PlanNotFound(id));
    }

    public async Task<IResult> PutPlanAsync(HttpContext context, string planId, string? dryRun)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseBoolean(dryRun, "dryRun", out var isDryRun, out problem))
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (await store.GetPlanRevisionAsync(id, null, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return PlanNotFound(id);
        }

        // A dry run is a question, not a write: If-Match is optional there, and when given it must still be current.
        var hasIfMatch = context.Request.Headers.IfMatch.Count > 0;
        long expected = current.Revision;
        if ((hasIfMatch || !isDryRun) && !IfMatchTarget.Plan.TryRead(context.Request, out expected, out problem))
        {
            return problem;
        }

        if (expected != current.Revision)
        {
            return PlanChanged(id, current.Revision);
        }

        var (_, plan, bodyProblem) = await RequestBodies.ReadDocumentAsync(context, _options, static utf8 => DeltaJson.ReadPlan(utf8), RequestLimits.Check).ConfigureAwait(false);
        if (plan is null)
        {
            return bodyProblem!;
        }

        var regions = await store.GetRegionTableAsync(cancellationToken).ConfigureAwait(false);
        var diagnostics = validator.ValidatePlan(plan, id, regions);
        if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            return Invalid(diagnostics);
        }

        if (isDryRun)
        {
            // The ETag is the revision the change set was computed against: submit with it to apply exactly these changes.
            var changes = Changes.PlanDiff.Compare(current.Plan, plan);
            return new JsonBytesResult(StatusCodes.Status200OK, DeltaJson.WriteChangeSetToUtf8Bytes(changes), ETags.ForRevision(current.Revision));
        }

        var outcome = await store.WritePlanAsync(plan, new PlanPrecondition { Revision = expected }, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        switch (outcome.Outcome)
        {
            case WriteOutcome.Written:
                var written = outcome.Value!;
                LogPlanWritten(logger, id, written.Plan.Revision, written.Changes.Changes.Length);
                return new JsonBytesResult(StatusCodes.Status200OK, DeltaJson.WriteChangeSetToUtf8Bytes(written.Changes), ETags.ForRevision(written.Plan.Revision));
            case WriteOutcome.VersionMismatch:
                return PlanChanged(id, outcome.CurrentVersion ?? 0);
            case WriteOutcome.Conflict:
                return await RemovedTasksWithProgressAsync(id, current.Plan, plan, cancellationToken).ConfigureAwait(false);
            default:
                return PlanNotFound(id);
        }
    }

    public async Task<IResult> PutTaskAsync(HttpContext context, string planId, string code)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseRequired<TaskCode>(code, "code", out var taskCode, out problem))
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (await store.GetPlanRevisionAsync(id, null, cancellationToken).ConfigureAwait(false) is null)
        {
            return PlanNotFound(id);
        }

        // If-None-Match: * creates a task that must not exist yet; If-Match names the version of the task it updates.
        long expectedVersion;
        var creates = context.Request.Headers.IfNoneMatch.Count > 0;
        if (creates)
        {
            if (context.Request.Headers.IfMatch.Count > 0
                || !EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags)
                || tags.Count != 1
                || !tags[0].Equals(EntityTagHeaderValue.Any))
            {
                return ProblemResult.BadRequest("To add a task send If-None-Match: * alone; to update one send If-Match with its ETag.");
            }

            expectedVersion = 0;
        }
        else if (!IfMatchTarget.Task.TryRead(context.Request, out expectedVersion, out problem))
        {
            return problem;
        }

        var (_, task, bodyProblem) = await RequestBodies.ReadDocumentAsync(context, _options, static utf8 => ReadResource<KeyTask>(utf8, "a key task"), RequestLimits.Check).ConfigureAwait(false);
        if (task is null)
        {
            return bodyProblem!;
        }

        if (task.Code != taskCode)
        {
            return Invalid([new ProblemDiagnostic { Code = Validation.DeltaRequestValidator.TaskMismatch, Severity = DiagnosticSeverity.Error, Path = "$.code", Message = $"The task's code is '{task.Code}' but it is put to task '{taskCode}'." }]);
        }

        var regions = await store.GetRegionTableAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            if (await store.GetPlanRevisionAsync(id, null, cancellationToken).ConfigureAwait(false) is not { } current)
            {
                return PlanNotFound(id);
            }

            var existing = current.Plan.AllTasks.FirstOrDefault(t => t.Code == taskCode);
            if (creates && existing is not null)
            {
                return new ProblemResult(StatusCodes.Status412PreconditionFailed, ProblemCodes.PreconditionFailed, $"Plan '{id}' already has task '{taskCode}': read it, then update it with If-Match and its ETag.");
            }

            if (!creates && existing is null)
            {
                return TaskNotFound(id, taskCode);
            }

            var plan = WithTask(current.Plan, task);
            var diagnostics = validator.ValidatePlan(plan, id, regions);
            if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
            {
                return Invalid(diagnostics);
            }

            var outcome = await store.WritePlanAsync(plan, new PlanPrecondition { Revision = current.Revision, Task = taskCode, TaskVersion = expectedVersion }, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            if (outcome.Outcome == WriteOutcome.Written)
            {
                var written = outcome.Value!;
                LogPlanWritten(logger, id, written.Plan.Revision, written.Changes.Changes.Length);
                var location = (context.Request.PathBase + context.Request.Path).ToString();
                return new JsonBytesResult(creates ? StatusCodes.Status201Created : StatusCodes.Status200OK, ServerJson.Serialize(task), ETags.ForVersion(written.TaskVersion ?? 1), creates ? location : null);
            }

            if (outcome.Outcome == WriteOutcome.NotFound)
            {
                return PlanNotFound(id);
            }

            // A mismatch is the task's when its version moved, else another catalogue write moved the plan: try again on it.
            var now = await store.GetTaskAsync(id, taskCode, cancellationToken).ConfigureAwait(false);
            var currentVersion = now?.Version ?? 0;
            if (currentVersion != expectedVersion)
            {
                return creates
                    ? new ProblemResult(StatusCodes.Status412PreconditionFailed, ProblemCodes.PreconditionFailed, $"Plan '{id}' already has task '{taskCode}': read it, then update it with If-Match and its ETag.")
                    : TaskChanged(taskCode, currentVersion);
            }

            if (attempt == TaskWriteAttempts)
            {
                return new ProblemResult(StatusCodes.Status409Conflict, ProblemCodes.Conflict, $"Plan '{id}' kept changing while task '{taskCode}' was written; try again.");
            }
        }
    }

    public async Task<IResult> PutIndicatorAsync(HttpContext context, string planId, string indicatorId)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseRequired<IndicatorId>(indicatorId, "indicatorId", out var indicatorCode, out problem))
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (await store.GetPlanRevisionAsync(id, null, cancellationToken).ConfigureAwait(false) is not { } current)
        {
            return PlanNotFound(id);
        }

        // The plan's ETag guards an indicator's definition, as it guards a whole-plan submit; the indicator's own version
        // guards its observations and rises with a new definition (PlanEdit.RedefinedIndicators).
        if (!IfMatchTarget.Plan.TryRead(context.Request, out var expected, out problem))
        {
            return problem;
        }

        if (expected != current.Revision)
        {
            return PlanChanged(id, current.Revision);
        }

        var (_, indicator, bodyProblem) = await RequestBodies.ReadDocumentAsync(context, _options, static utf8 => ReadResource<Indicator>(utf8, "an indicator"), static (_, _) => null).ConfigureAwait(false);
        if (indicator is null)
        {
            return bodyProblem!;
        }

        if (indicator.Id != indicatorCode)
        {
            return Invalid([new ProblemDiagnostic { Code = Validation.DeltaRequestValidator.IndicatorMismatch, Severity = DiagnosticSeverity.Error, Path = "$.id", Message = $"The indicator is '{indicator.Id}' but is put to indicator '{indicatorCode}'." }]);
        }

        var exists = current.Plan.Indicators.Any(i => i.Id == indicatorCode);
        var plan = current.Plan with { Indicators = exists ? [.. current.Plan.Indicators.Select(i => i.Id == indicatorCode ? indicator : i)] : current.Plan.Indicators.Add(indicator) };
        var diagnostics = validator.ValidatePlan(plan, id, await store.GetRegionTableAsync(cancellationToken).ConfigureAwait(false));
        if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            return Invalid(diagnostics);
        }

        var outcome = await store.WritePlanAsync(plan, new PlanPrecondition { Revision = expected }, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        switch (outcome.Outcome)
        {
            case WriteOutcome.Written:
                LogPlanWritten(logger, id, outcome.Value!.Plan.Revision, outcome.Value.Changes.Changes.Length);
                return new JsonBytesResult(exists ? StatusCodes.Status200OK : StatusCodes.Status201Created, ServerJson.Serialize(indicator), ETags.ForRevision(outcome.Value.Plan.Revision), exists ? null : (context.Request.PathBase + context.Request.Path).ToString());
            case WriteOutcome.VersionMismatch:
                return PlanChanged(id, outcome.CurrentVersion ?? 0);
            default:
                return PlanNotFound(id);
        }
    }

    /// <summary>
    /// The plan with <paramref name="task"/> in place of the task with its code when it stays in the same aspect, else
    /// (a new task, or one that changes aspect) at the end of its aspect's tasks, or of the unassigned tasks.
    /// </summary>
    private static Plan WithTask(Plan plan, KeyTask task)
    {
        var existing = plan.AllTasks.FirstOrDefault(t => t.Code == task.Code);
        if (existing is not null && existing.Aspect == task.Aspect)
        {
            return plan with
            {
                Aspects = [.. plan.Aspects.Select(a => a with { Tasks = [.. a.Tasks.Select(t => t.Code == task.Code ? task : t)] })],
                UnassignedTasks = [.. plan.UnassignedTasks.Select(t => t.Code == task.Code ? task : t)],
            };
        }

        var without = existing is null ? plan : plan with
        {
            Aspects = [.. plan.Aspects.Select(a => a with { Tasks = [.. a.Tasks.Where(t => t.Code != task.Code)] })],
            UnassignedTasks = [.. plan.UnassignedTasks.Where(t => t.Code != task.Code)],
        };

        // A task naming an aspect the plan lacks is listed unassigned, where the validator reports the unknown aspect.
        return task.Aspect is { } aspect && without.Aspects.Any(a => a.Id == aspect)
            ? without with { Aspects = [.. without.Aspects.Select(a => a.Id == aspect ? a with { Tasks = a.Tasks.Add(task) } : a)] }
            : without with { UnassignedTasks = without.UnassignedTasks.Add(task) };
    }

    /// <summary>Reads a body holding one model object (not a document with a header), with the format's error positions.</summary>
    private static T ReadResource<T>(ReadOnlySpan<byte> utf8, string expected)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, ServerJson.TypeInfo<T>()) ?? throw new DeltaFormatException($"The body is null; expected {expected}.", "$");
        }
        catch (JsonException exception)
        {
            throw new DeltaFormatException(exception.Message, exception.Path, exception.LineNumber, exception.BytePositionInLine, exception);
        }
    }

    /// <summary>Answers a plan write refused for removing tasks that have progress reports, naming them.</summary>
    private async Task<IResult> RemovedTasksWithProgressAsync(PlanId id, Plan current, Plan plan, CancellationToken cancellationToken)
    {
        var kept = plan.AllTasks.Select(static t => t.Code).ToHashSet();
        var removed = current.AllTasks.Select(static t => t.Code).Where(c => !kept.Contains(c)).ToList();
        var withProgress = new List<TaskCode>();
        foreach (var code in removed)
        {
            if (await store.GetTaskAsync(id, code, cancellationToken).ConfigureAwait(false) is { LatestReport: not null })
            {
                withProgress.Add(code);
            }
        }

        return new ProblemResult(
            StatusCodes.Status409Conflict,
            ProblemCodes.Conflict,
            $"The plan removes task(s) with progress reports ({string.Join(", ", withProgress)}); a task with progress stays in the catalogue, so that its history keeps its subject.");
    }

    private static ProblemResult PlanChanged(PlanId id, long currentRevision)
        => new(
            StatusCodes.Status412PreconditionFailed,
            ProblemCodes.PreconditionFailed,
            $"Plan '{id}' has changed since it was read (it is now at {ETags.ForRevision(currentRevision)}): read the plan again, then retry with its new ETag.");

    private static ProblemResult TaskChanged(TaskCode code, long currentVersion)
        => new(
            StatusCodes.Status412PreconditionFailed,
            ProblemCodes.PreconditionFailed,
            $"Task '{code}' has changed since it was read (it is now at {ETags.ForVersion(currentVersion)}): read the task again, then retry with its new ETag.");

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Recorded revision {Revision} of plan {Plan}: {Changes} change(s).")]
    private static partial void LogPlanWritten(ILogger logger, PlanId plan, long revision, int changes);
}
