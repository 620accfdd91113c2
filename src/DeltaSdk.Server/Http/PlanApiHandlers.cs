using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DeltaSdk.Api;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Storage;
using DeltaSdk.Server.Validation;
using DeltaSdk.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NodaTime;

namespace DeltaSdk.Server.Http;

/// <summary>The request handlers of the Plan API v1; <see cref="PlanApiEndpoints"/> maps them to routes.</summary>
internal sealed partial class PlanApiHandlers(
    IPlanStore store,
    IOptions<DeltaServerOptions> options,
    IRequestValidator validator,
    IClock clock,
    ILogger<PlanApiHandlers> logger)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKeyLength = 255;

    private readonly DeltaServerOptions _options = options.Value;
    private readonly HotReadCache _hotReads = new();

    public async Task<IResult> ListPlansAsync(HttpContext context)
    {
        var plans = await store.ListPlansAsync(context.RequestAborted).ConfigureAwait(false);
        return ETags.ConditionalJson(context.Request, new Page<PlanSummary> { Items = [.. plans] });
    }

    public async Task<IResult> ListAspectsAsync(HttpContext context, string planId)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem))
        {
            return problem;
        }

        if (await store.GetPlanAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } plan)
        {
            return PlanNotFound(id);
        }

        return ETags.ConditionalJson(context.Request, new Page<AspectSummary> { Items = [.. plan.Aspects.OrderBy(static a => a.Ordinal).Select(AspectSummary.From)] });
    }

    public async Task<IResult> ListTasksAsync(HttpContext context, string planId, string? aspect, string? region, string? status, string? q, string? updatedSince, string? asOf, int? pageSize, string? pageToken)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParse<AspectId>(aspect, "aspect", out var aspectId, out problem)
            || !QueryValues.TryParse<RegionCode>(region, "region", out var regionCode, out problem)
            || !QueryValues.TryParseEnum<ImplementationStatus>(status, "status", out var statusValue, out problem)
            || !QueryValues.TryParseInstant(updatedSince, "updatedSince", out var since, out problem)
            || !QueryValues.TryParseInstant(asOf, "asOf", out var asOfInstant, out problem))
        {
            return problem;
        }

        if (!KeywordQuery.TryParse(q, out var keywords, out var keywordError))
        {
            return ProblemResult.BadRequest($"q: {keywordError}");
        }

        var queryKey = string.Join('\n', "tasks", id, aspectId, regionCode, statusValue, keywords.ToString(), InstantKey(since), InstantKey(asOfInstant));
        if (!PageRequest.TryCreate(pageSize, pageToken, queryKey, _options, out var page, out problem))
        {
            return problem;
        }

        // Read before the data, so that what is cached under it is never older (see HotReadCache).
        var stamp = await store.GetTasksStampAsync(context.RequestAborted).ConfigureAwait(false);
        var cacheKey = string.Join('\n', queryKey, page.Size.ToString(CultureInfo.InvariantCulture), pageToken);
        if (_hotReads.TryGet(cacheKey, stamp, out var cached))
        {
            return ETags.Conditional(context.Request, cached.Body, cached.ETag);
        }

        var filter = new TaskFilter { Aspect = aspectId, Status = statusValue, Keywords = keywords.Keywords, UpdatedSince = since, AsOf = asOfInstant };
        if (regionCode is { } code)
        {
            if (await store.GetPlanAsync(id, context.RequestAborted).ConfigureAwait(false) is not { } plan)
            {
                return PlanNotFound(id);
            }

            filter = RegionScopes.Apply(filter, plan, code, await store.GetRegionTableAsync(context.RequestAborted).ConfigureAwait(false));
        }

        var result = await ListAsync(() => store.ListTasksAsync(id, filter, page.Continuation, page.Size, context.RequestAborted)).ConfigureAwait(false);
        if (result.Problem is not null)
        {
            return result.Problem;
        }

        if (result.Page is not { } tasks)
        {
            return PlanNotFound(id);
        }

        var tracked = await TrackAsync(id, tasks.Items, asOfInstant, context.RequestAborted).ConfigureAwait(false);
        var body = ServerJson.Serialize(new Page<TrackedTask> { Items = [.. tracked], NextPageToken = page.NextToken(tasks.Continuation) });
        var etag = ETags.ForContent(body);
        _hotReads.Add(cacheKey, stamp, body, etag);
        return ETags.Conditional(context.Request, body, etag);
    }

    public async Task<IResult> GetTaskAsync(HttpContext context, string planId, string code, string? asOf)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseRequired<TaskCode>(code, "code", out var taskCode, out problem)
            || !QueryValues.TryParseInstant(asOf, "asOf", out var asOfInstant, out problem))
        {
            return problem;
        }

        var stamp = await store.GetTasksStampAsync(context.RequestAborted).ConfigureAwait(false);
        var cacheKey = string.Join('\n', "task", id, taskCode, InstantKey(asOfInstant));
        if (_hotReads.TryGet(cacheKey, stamp, out var cached))
        {
            return ETags.Conditional(context.Request, cached.Body, cached.ETag);
        }

        if (await store.GetTaskAsync(id, taskCode, context.RequestAborted).ConfigureAwait(false) is not { } task)
        {
            return TaskNotFound(id, taskCode);
        }

        // The ETag is the task's version, which a progress write names in If-Match; a read as of an earlier instant
        // shows other bytes under the same version, so it is tagged by its content instead.
        var body = ServerJson.Serialize((await TrackAsync(id, [task], asOfInstant, context.RequestAborted).ConfigureAwait(false))[0]);
        var entry = _hotReads.Add(cacheKey, stamp, body, asOfInstant is null ? ETags.ForVersion(task.Version) : ETags.ForContent(body));
        return ETags.Conditional(context.Request, entry.Body, entry.ETag);
    }

    public async Task<IResult> ListProgressAsync(HttpContext context, string planId, string code, string? updatedSince, string? asOf, int? pageSize, string? pageToken)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseRequired<TaskCode>(code, "code", out var taskCode, out problem)
            || !QueryValues.TryParseInstant(updatedSince, "updatedSince", out var since, out problem)
            || !QueryValues.TryParseInstant(asOf, "asOf", out var asOfInstant, out problem)
            || !PageRequest.TryCreate(pageSize, pageToken, string.Join('\n', "progress", id, taskCode, InstantKey(since), InstantKey(asOfInstant)), _options, out var page, out problem))
        {
            return problem;
        }

        var filter = new ProgressFilter { Task = taskCode, UpdatedSince = since, AsOf = asOfInstant };
        var result = await ListAsync(() => store.ListProgressAsync(id, filter, page.Continuation, page.Size, context.RequestAborted)).ConfigureAwait(false);
        return result.Problem
            ?? (result.Page is { } reports
                ? ETags.ConditionalJson(context.Request, new Page<ProgressReport> { Items = [.. reports.Items.Select(static r => r.Report)], NextPageToken = page.NextToken(reports.Continuation) })
                : TaskNotFound(id, taskCode));
    }

    public async Task<IResult> GetProgressAsync(HttpContext context, string planId, string code, long reportId)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseRequired<TaskCode>(code, "code", out var taskCode, out problem))
        {
            return problem;
        }

        if (await store.GetProgressAsync(id, taskCode, reportId, context.RequestAborted).ConfigureAwait(false) is not { } report)
        {
            return ProblemResult.NotFound(string.Create(CultureInfo.InvariantCulture, $"Task '{taskCode}' of plan '{id}' has no progress report {reportId}."));
        }

        return ETags.ConditionalJson(context.Request, report.Report);
    }

    public async Task<IResult> PostProgressAsync(HttpContext context, string planId, string code)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem)
            || !QueryValues.TryParseRequired<TaskCode>(code, "code", out var taskCode, out problem))
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (await store.GetPlanAsync(id, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return PlanNotFound(id);
        }

        if (await store.GetTaskAsync(id, taskCode, cancellationToken).ConfigureAwait(false) is null)
        {
            return TaskNotFound(id, taskCode);
        }

        if (!IfMatchTarget.Task.TryRead(context.Request, out var expectedVersion, out problem)
            || !TryReadIdempotencyKey(context.Request, out var idempotencyKey, out problem))
        {
            return problem;
        }

        var (body, report, bodyProblem) = await RequestBodies.ReadDocumentAsync(context, _options, static utf8 => DeltaJson.ReadProgressReport(utf8), RequestLimits.Check).ConfigureAwait(false);
        if (report is null)
        {
            return bodyProblem!;
        }

        var diagnostics = validator.ValidateProgress(report, plan, taskCode);
        if (diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error))
        {
            return Invalid(diagnostics);
        }

        var recorded = report with { RecordedAt = clock.GetCurrentInstant() };
        var idempotency = Idempotency(context, ApiKeyAuthenticationHandler.CallerScope(context), idempotencyKey, body.Span);
        var basePath = context.Request.PathBase + context.Request.Path;
        var outcome = await store.AppendProgressAsync(recorded, expectedVersion, idempotency, cancellationToken).ConfigureAwait(false);
        if (outcome.Outcome == WriteOutcome.Written)
        {
            LogProgressRecorded(logger, id, taskCode, report.Status);
        }

        // Written and replayed alike: the same stored report and version render the same response, on any instance.
        return outcome.Outcome == WriteOutcome.VersionMismatch
            ? new ProblemResult(
                StatusCodes.Status412PreconditionFailed,
                ProblemCodes.PreconditionFailed,
                $"Task '{taskCode}' has changed since it was read (it is now at {ETags.ForVersion(outcome.CurrentVersion ?? 0)}): read the task and its progress again, then retry with its new ETag.")
            : ToResult(
                outcome,
                appended => new JsonBytesResult(
                    StatusCodes.Status201Created,
                    ServerJson.Serialize(appended.Report.Report),
                    ETags.ForVersion(appended.TaskVersion),
                    string.Create(CultureInfo.InvariantCulture, $"{basePath}/{appended.Report.Id}")),
                () => TaskNotFound(id, taskCode));
    }

    public async Task<IResult> GetSummaryAsync(HttpContext context, string planId)
    {
        if (!QueryValues.TryParseRequired<PlanId>(planId, "planId", out var id, out var problem))
        {
            return problem;
        }

        var cancellationToken = context.RequestAborted;
        if (await store.GetPlanAsync(id, cancellationToken).ConfigureAwait(false) is not { } plan
            || await store.ListTasksAsync(id, TaskFilter.All, null, int.MaxValue, cancellationToken).ConfigureAwait(false) is not { } tasks)
        {
            return PlanNotFound(id);
        }

        return ETags.ConditionalJson(context.Request, ProgressRollup.Build(plan, tasks.Items));
    }

    public async Task<IResult> ListRegionsAsync(HttpContext context, string? level, string? parent, int? pageSize, string? pageToken)
    {
        if (!QueryValues.TryParseEnum<RegionLevel>(level, "level", out var levelValue, out var problem)
            || !QueryValues.TryParse<RegionCode>(parent, "parent", out var parentCode, out problem)
            || !PageRequest.TryCreate(pageSize, pageToken, string.Join('\n', "regions", levelValue, parentCode), _options, out var page, out problem))
        {
            return problem;
        }

        var filter = new RegionFilter { Level = levelValue, Parent = parentCode };
        var result = await ListAsync(async () => (StorePage<Region>?)await store.ListRegionsAsync(filter, page.Continuation, page.Size, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
        return result.Problem ?? ETags.ConditionalJson(context.Request, new Page<Region> { Items = [.. result.Page!.Items], NextPageToken = page.NextToken(result.Page.Continuation) });
    }

    public async Task<IResult> ListRegionGroupsAsync(HttpContext context)
    {
        var table = await store.GetRegionTableAsync(context.RequestAborted).ConfigureAwait(false);
        return ETags.ConditionalJson(context.Request, new Page<RegionGroup> { Items = table.Groups });
    }

    public async Task<IResult> ListIndicatorsAsync(HttpContext context)
    {
        var indicators = await store.ListIndicatorsAsync(context.RequestAborted).ConfigureAwait(false);
        return ETags.ConditionalJson(context.Request, new Page<Indicator> { Items = [.. indicators] });
    }

    /// <summary>The first plan that defines the indicator: the one its observations are validated against.</summary>
    private async Task<Plan?> FindDefiningPlanAsync(IndicatorId indicator, CancellationToken cancellationToken)
    {
        foreach (var summary in await store.ListPlansAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetPlanAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { } plan && plan.Indicators.Any(i => i.Id == indicator))
            {
                return plan;
            }
        }

        return null;
    }

    private static async Task<(StorePage<T>? Page, ProblemResult? Problem)> ListAsync<T>(Func<Task<StorePage<T>?>> query)
    {
        try
        {
            return (await query().ConfigureAwait(false), null);
        }
        catch (FormatException)
        {
            return (null, ProblemResult.BadRequest("pageToken is not a token this query returned: pass back nextPageToken unchanged, with the same filters."));
        }
    }

    private static bool TryReadIdempotencyKey(HttpRequest request, out string? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProblemResult? problem)
    {
        key = null;
        problem = null;
        var values = request.Headers[IdempotencyKeyHeader];
        if (values.Count == 0)
        {
            return true;
        }

        var value = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxIdempotencyKeyLength || !value.All(static c => c is >= ' ' and <= '~'))
        {
            problem = ProblemResult.BadRequest($"{IdempotencyKeyHeader} must be one value of 1 to {MaxIdempotencyKeyLength} printable ASCII characters, for example a UUID.");
            return false;
        }

        key = value;
        return true;
    }

    private IdempotencyRequest? Idempotency(HttpContext context, string caller, string? key, ReadOnlySpan<byte> body)
    {
        if (key is null)
        {
            return null;
        }

        // The fingerprint covers method, target and body: the same key sent with anything else is a client bug.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(context.Request.Method + " " + context.Request.Path + "\n"));
        hash.AppendData(body);
        return new IdempotencyRequest
        {
            Key = caller + "|" + key,
            Fingerprint = Convert.ToHexStringLower(hash.GetHashAndReset()),
            ReceivedAt = clock.GetCurrentInstant(),
            Lifetime = Duration.FromTimeSpan(_options.IdempotencyKeyLifetime),
        };
    }

    private static IResult ToResult<T>(WriteResult<T> outcome, Func<T, JsonBytesResult> render, Func<IResult> notFound)
        where T : class
        => outcome.Outcome switch
        {
            WriteOutcome.Written => render(outcome.Value!),
            WriteOutcome.Replayed => render(outcome.Value!).AsReplay(),
            WriteOutcome.IdempotencyKeyReused => new ProblemResult(
                StatusCodes.Status422UnprocessableEntity,
                ProblemCodes.IdempotencyKeyReused,
                $"This {IdempotencyKeyHeader} was used before with a different request; use a new key for a new request."),
            _ => notFound(),
        };

    private static ProblemResult Invalid(IReadOnlyList<ProblemDiagnostic> diagnostics)
        => new(
            StatusCodes.Status422UnprocessableEntity,
            ProblemCodes.ValidationFailed,
            string.Create(CultureInfo.InvariantCulture, $"The body breaks {diagnostics.Count(static d => d.Severity == DiagnosticSeverity.Error)} validation rule(s); see diagnostics."),
            diagnostics);

    private static ProblemResult PlanNotFound(PlanId id) => ProblemResult.NotFound($"There is no plan '{id}'.");

    private static ProblemResult TaskNotFound(PlanId id, TaskCode code) => ProblemResult.NotFound($"Plan '{id}' has no task '{code}'.");

    private static ProblemResult IndicatorNotFound(IndicatorId id) => ProblemResult.NotFound($"There is no indicator '{id}'.");

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Recorded progress of task {Task} of plan {Plan}: {Status}.")]
    private static partial void LogProgressRecorded(ILogger logger, PlanId plan, TaskCode task, ImplementationStatus status);
}
