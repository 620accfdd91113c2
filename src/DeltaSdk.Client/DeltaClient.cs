using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using DeltaSdk.Analytics;
using DeltaSdk.Api;
using DeltaSdk.Client.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Refit;

namespace DeltaSdk.Client;

/// <summary>
/// The typed client of the DeltaSdk Plan API v1: plans, aspects, key tasks and their progress, regions, region
/// groups, indicators and observations. Register it with <c>services.AddDeltaClient(...)</c> and inject it, or create
/// it with <see cref="DeltaClient(DeltaClientOptions)"/>; one instance serves the whole application and is safe for
/// concurrent use.
/// </summary>
/// <remarks>
/// <para>Every operation is asynchronous and honours its <see cref="CancellationToken"/>; cancelling surfaces as
/// <see cref="OperationCanceledException"/>. An error answer raises <see cref="DeltaApiException"/> (a lost
/// <c>If-Match</c> race raises <see cref="DeltaConflictException"/>); no usable answer raises
/// <see cref="DeltaTransportException"/>.</para>
/// <para>Collections come two ways: <c>List…Async</c> returns an <see cref="IAsyncEnumerable{T}"/> that fetches the
/// following pages as it is enumerated, and <c>Get…PageAsync</c> returns one <see cref="Page{T}"/> at a time.</para>
/// <para>For tests, derive from it: every member is virtual and the protected constructor needs nothing.</para>
/// </remarks>
public partial class DeltaClient
{
    /// <summary>The name of the <see cref="ActivitySource"/> that traces one span per operation: <c>DeltaSdk.Client</c>.</summary>
    public const string ActivitySourceName = "DeltaSdk.Client";

    /// <summary>The name of the <see cref="HttpClient"/> the client uses through <see cref="IHttpClientFactory"/>: <c>DeltaSdk.Client</c>.</summary>
    public const string HttpClientName = "DeltaSdk.Client";

    /// <summary>The largest page size the server accepts: 200.</summary>
    public const int MaxPageSize = 200;

    private static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(DeltaClient).Assembly.GetName().Version?.ToString());

    private readonly IDeltaApi _api = null!;
    private readonly DeltaClientOptions _options = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>Initializes a new instance for mocking; its members do nothing useful until overridden.</summary>
    protected DeltaClient()
    {
    }

    /// <summary>
    /// Initializes a new client without dependency injection, over its own connection pool and the same handler
    /// pipeline as <c>AddDeltaClient</c> (API key, ETag revalidation, retries and time limits).
    /// </summary>
    /// <param name="options">The settings; at least <see cref="DeltaClientOptions.BaseAddress"/>. They are copied: later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is wrong; the message names each one and why.</exception>
    /// <remarks>Create one client and reuse it for the life of the application, as with <see cref="HttpClient"/>.</remarks>
    public DeltaClient(DeltaClientOptions options)
        : this(options, ClientPipeline.CreateTransport())
    {
    }

    /// <summary>
    /// Initializes a new client without dependency injection, sending through the given transport (a proxy, a client
    /// certificate, a test handler) under the same handler pipeline as <c>AddDeltaClient</c>.
    /// </summary>
    /// <param name="options">The settings; at least <see cref="DeltaClientOptions.BaseAddress"/>. They are copied: later changes have no effect.</param>
    /// <param name="transport">The innermost handler, which sends the requests; the client never disposes it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="transport"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is wrong; the message names each one and why.</exception>
    public DeltaClient(DeltaClientOptions options, HttpMessageHandler transport)
        : this(Checked(options), transport ?? throw new ArgumentNullException(nameof(transport)), NullLogger.Instance, TimeProvider.System)
    {
    }

    private DeltaClient(DeltaClientOptions options, HttpMessageHandler transport, ILogger logger, TimeProvider timeProvider)
        : this(ClientPipeline.CreateHttpClient(options, transport, timeProvider, logger), options, logger, timeProvider)
    {
    }

    internal DeltaClient(HttpClient httpClient, DeltaClientOptions options, ILogger logger, TimeProvider timeProvider)
    {
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(ClientJson.Options), DeltaUrlParameterFormatter.Instance)
        {
            MaxExceptionContentLength = ProblemReader.MaxReadLength,
        };
        _api = RestService.ForGenerated<IDeltaApi>(httpClient, settings);
    }

    private static DeltaClientOptions Checked(DeltaClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = options.Clone();
        var failures = DeltaClientOptionsValidator.Collect(copy);
        return failures.Count == 0 ? copy : throw new ArgumentException(string.Join(" ", failures), nameof(options));
    }

    /// <summary>Lists the plans the server holds.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The plans, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<PlanSummary> ListPlansAsync(CancellationToken cancellationToken = default)
        => EnumerateAsync((token, ct) => GetPlansPageAsync(token, ct), cancellationToken);

    /// <summary>Gets one page of the plans.</summary>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<Page<PlanSummary>> GetPlansPageAsync(string? pageToken = null, CancellationToken cancellationToken = default)
        => (await SendAsync("ListPlans", pageToken, static (api, token, ct) => api.GetPlansAsync(token, ct), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Gets a plan with its aspects, tasks, agencies and indicators.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DeltaApiException">The plan does not exist (<c>404</c>, <c>not_found</c>) or the server failed.</exception>
    public virtual async Task<Plan> GetPlanAsync(PlanId planId, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        return (await SendAsync("GetPlan", planId, static (api, id, ct) => api.GetPlanAsync(id, ct), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Lists a plan's aspects.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The aspects in order, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<AspectSummary> ListAspectsAsync(PlanId planId, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        return EnumerateAsync((token, ct) => GetAspectsPageAsync(planId, token, ct), cancellationToken);
    }

    /// <summary>Gets one page of a plan's aspects.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<Page<AspectSummary>> GetAspectsPageAsync(PlanId planId, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        return (await SendAsync("ListAspects", (planId, pageToken), static (api, s, ct) => api.GetAspectsAsync(s.planId, s.pageToken, ct), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Gets a plan's progress roll-up: declared against catalogued tasks, tasks by latest status, mean percent complete, per aspect.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roll-up.</returns>
    /// <exception cref="DeltaApiException">The plan does not exist (<c>404</c>, <c>not_found</c>) or the server failed.</exception>
    public virtual async Task<PlanProgressSummary> GetPlanSummaryAsync(PlanId planId, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        return (await SendAsync("GetPlanSummary", planId, static (api, id, ct) => api.GetSummaryAsync(id, ct), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Rolls a plan's progress up (task, aspect, plan) on the server by the versioned methodology of
    /// <see cref="DeltaSdk.Analytics.ProgressRollup"/>: each region's latest report per task counts, and a province includes its cities.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="region">The region, or <see langword="null"/> for the whole delta.</param>
    /// <param name="aspect">The aspect to limit the roll-up to, or <see langword="null"/> for all.</param>
    /// <param name="asOf">The date the roll-up is as of (later reports are left out), or <see langword="null"/> for the server's today (China Standard Time).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roll-up with what it stands on (coverage, weights, methodology).</returns>
    /// <exception cref="DeltaApiException">The plan does not exist (<c>404</c>), the region or aspect is unknown (<c>400</c>), or the server failed.</exception>
    public virtual async Task<ProgressSummary> GetProgressRollupAsync(PlanId planId, RegionCode? region = null, AspectId? aspect = null, LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        var document = (await SendAsync("GetPlanRollup", (planId, region, aspect, asOf: Format(asOf)), static (api, s, ct) => api.GetRollupAsync(s.planId, s.region, s.aspect, s.asOf, ct), cancellationToken).ConfigureAwait(false)).Value;
        return document.Progress ?? throw new DeltaTransportException("The server's roll-up document carries no progress roll-up.");
    }

    /// <summary>
    /// Gets an indicator's status against its targets for one region or region group as of a date, computed on the
    /// server by <see cref="DeltaSdk.Analytics.OpenSdgProgressMeasure"/>, with its parts (base, current, target, ratio, thresholds).
    /// </summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="region">The region, or <see langword="null"/>.</param>
    /// <param name="regionGroup">The region group, or <see langword="null"/>; give at most one of the two.</param>
    /// <param name="asOf">The date of the status, or <see langword="null"/> for the server's today (China Standard Time).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status; <see cref="IndicatorProgressStatus.NotAvailable"/> with its reason when it cannot be computed.</returns>
    /// <exception cref="ArgumentException">Both <paramref name="region"/> and <paramref name="regionGroup"/> are given.</exception>
    /// <exception cref="DeltaApiException">The indicator does not exist (<c>404</c>) or the server failed.</exception>
    public virtual async Task<IndicatorStatus> GetIndicatorStatusAsync(IndicatorId indicatorId, RegionCode? region = null, RegionGroupId? regionGroup = null, LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        Check(indicatorId.IsEmpty, nameof(indicatorId));
        if (region is not null && regionGroup is not null)
        {
            throw new ArgumentException("Give a region or a region group, not both: a status is for one scope.", nameof(regionGroup));
        }

        var document = (await SendAsync("GetIndicatorStatus", (indicatorId, region, regionGroup, asOf: Format(asOf)), static (api, s, ct) => api.GetIndicatorStatusAsync(s.indicatorId, s.region, s.regionGroup, s.asOf, ct), cancellationToken).ConfigureAwait(false)).Value;
        return document.IndicatorStatuses.Length == 1
            ? document.IndicatorStatuses[0]
            : throw new DeltaTransportException($"The server's status document carries {document.IndicatorStatuses.Length} statuses, not one.");
    }

    /// <summary>Lists a plan's key tasks that match a query, with their tracking state, following the pages.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="query">The filters and page size, or <see langword="null"/> for all tasks.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The tasks, fetched page by page as they are enumerated: in plan order, or in change order with <see cref="TaskQuery.UpdatedSince"/>.</returns>
    public virtual IAsyncEnumerable<TrackedTask> ListTasksAsync(PlanId planId, TaskQuery? query = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        CheckPageSize(query?.PageSize);
        return EnumerateAsync((token, ct) => GetTasksPageAsync(planId, query, token, ct), cancellationToken);
    }

    /// <summary>Gets one page of a plan's key tasks that match a query, with their tracking state.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="query">The filters and page size, or <see langword="null"/> for all tasks.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page size is not between 1 and <see cref="MaxPageSize"/>.</exception>
    public virtual async Task<Page<TrackedTask>> GetTasksPageAsync(PlanId planId, TaskQuery? query = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        CheckPageSize(query?.PageSize);
        return (await SendAsync(
            "ListTasks",
            (planId, query, pageToken),
            static (api, s, ct) => api.GetTasksAsync(s.planId, s.query?.Aspect, s.query?.Region, s.query?.Status, s.query?.Text, Format(s.query?.UpdatedSince), Format(s.query?.AsOf), s.query?.PageSize, s.pageToken, ct),
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Gets a key task with its tracking state and its entity tag, which a progress report names in <c>If-Match</c>.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task's code.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task and its ETag.</returns>
    /// <exception cref="DeltaApiException">The task does not exist (<c>404</c>, <c>not_found</c>) or the server failed.</exception>
    public virtual async Task<Versioned<TrackedTask>> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        Check(code.IsEmpty, nameof(code));
        var (task, etag) = await SendAsync("GetTask", (planId, code), static (api, s, ct) => api.GetTaskAsync(s.planId, s.code, null, ct), cancellationToken).ConfigureAwait(false);
        return new Versioned<TrackedTask>(task, RequireETag(etag, "GetTask"));
    }

    /// <summary>
    /// Gets a key task as it was recorded at an instant: its latest progress per region counting only the reports
    /// recorded at or before <paramref name="asOf"/>. <see cref="TrackedTask.Version"/> is still the current version.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task's code.</param>
    /// <param name="asOf">The instant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as of the instant.</returns>
    /// <exception cref="DeltaApiException">The task does not exist (<c>404</c>, <c>not_found</c>) or the server failed.</exception>
    public virtual async Task<TrackedTask> GetTaskAsync(PlanId planId, TaskCode code, Instant asOf, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        Check(code.IsEmpty, nameof(code));
        return (await SendAsync("GetTask", (planId, code, asOf: Format(asOf)), static (api, s, ct) => api.GetTaskAsync(s.planId, s.code, s.asOf, ct), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Lists the progress reports of a key task, oldest first.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task's code.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reports, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<ProgressReport> ListProgressAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
        => ListProgressAsync(planId, code, new ProgressQuery(), cancellationToken);

    /// <summary>
    /// Lists the progress reports of a key task that match a query: oldest first, or in the order they were recorded
    /// with <see cref="ProgressQuery.UpdatedSince"/>.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task's code.</param>
    /// <param name="query">Which reports, and the page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reports, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<ProgressReport> ListProgressAsync(PlanId planId, TaskCode code, ProgressQuery query, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        Check(code.IsEmpty, nameof(code));
        ArgumentNullException.ThrowIfNull(query);
        CheckPageSize(query.PageSize);
        return EnumerateAsync(
            (token, ct) => GetProgressPageCoreAsync(planId, code, query, token, ct),
            cancellationToken);
    }

    /// <summary>Gets one page of the progress reports of a key task.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task's code.</param>
    /// <param name="pageSize">Reports per page, 1 to <see cref="MaxPageSize"/>; <see langword="null"/> for the server's default.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<Page<ProgressReport>> GetProgressPageAsync(PlanId planId, TaskCode code, int? pageSize = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        Check(code.IsEmpty, nameof(code));
        CheckPageSize(pageSize);
        return await GetProgressPageCoreAsync(planId, code, new ProgressQuery { PageSize = pageSize }, pageToken, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists every progress report of a plan in the order they were recorded, following the pages: the feed a job polls
    /// for what changed. Pages continue after the last report seen, so reports posted while it pages are neither missed
    /// nor repeated; each report carries <see cref="ProgressReport.RecordedAt"/>, whose largest value is the next run's
    /// <see cref="ProgressQuery.UpdatedSince"/>.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="query">Which reports (recorded after <see cref="ProgressQuery.UpdatedSince"/>, up to <see cref="ProgressQuery.AsOf"/>), and the page size; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The reports, fetched page by page as they are enumerated.</returns>
    /// <example>
    /// <code>
    /// var since = lastRun; // the largest RecordedAt the previous run saw
    /// await foreach (var report in client.ListPlanProgressAsync(planId, new ProgressQuery { UpdatedSince = since }))
    /// {
    ///     Handle(report);
    ///     since = report.RecordedAt!.Value;
    /// }
    /// </code>
    /// </example>
    public virtual IAsyncEnumerable<ProgressReport> ListPlanProgressAsync(PlanId planId, ProgressQuery? query = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        CheckPageSize(query?.PageSize);
        return EnumerateAsync((token, ct) => GetPlanProgressPageAsync(planId, query, token, ct), cancellationToken);
    }

    /// <summary>Gets one page of a plan's progress feed (every task's reports in the order they were recorded).</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="query">Which reports, and the page size; <see langword="null"/> for all.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The page size is not between 1 and <see cref="MaxPageSize"/>.</exception>
    public virtual async Task<Page<ProgressReport>> GetPlanProgressPageAsync(PlanId planId, ProgressQuery? query = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        CheckPageSize(query?.PageSize);
        return (await SendAsync(
            "ListPlanProgress",
            (planId, query, pageToken),
            static (api, s, ct) => api.GetPlanProgressAsync(s.planId, Format(s.query?.UpdatedSince), Format(s.query?.AsOf), s.query?.PageSize, s.pageToken, ct),
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Gets one progress report of a key task by the id the server gave it.</summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task's code.</param>
    /// <param name="reportId">The report's id: the last segment of the <c>Location</c> the server answered its post with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report as stored, with <see cref="ProgressReport.RecordedAt"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reportId"/> is not positive.</exception>
    /// <exception cref="DeltaApiException">The task or the report does not exist (<c>404</c>, <c>not_found</c>) or the server failed.</exception>
    public virtual async Task<ProgressReport> GetProgressReportAsync(PlanId planId, TaskCode code, long reportId, CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        Check(code.IsEmpty, nameof(code));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reportId);
        return (await SendAsync("GetProgressReport", (planId, code, reportId), static (api, s, ct) => api.GetProgressReportAsync(s.planId, s.code, s.reportId, ct), cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Records a progress report against a key task, if the task is still at the version <paramref name="ifMatch"/>
    /// names. Needs an API key (<see cref="DeltaClientOptions.ApiKey"/>). Safe to retry: the request carries an
    /// <c>Idempotency-Key</c>, so the server stores it once however often it arrives.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="code">The task's code.</param>
    /// <param name="report">The report; its <see cref="ProgressReport.Plan"/> and <see cref="ProgressReport.Task"/> must name the same task.</param>
    /// <param name="ifMatch">The task's ETag from <see cref="GetTaskAsync(PlanId, TaskCode, CancellationToken)"/> (or from the previous write).</param>
    /// <param name="idempotencyKey">
    /// The idempotency key; <see langword="null"/> for a new random one. Pass your own to make a write safe to repeat
    /// across process restarts.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The report as stored (with <see cref="ProgressReport.RecordedAt"/>) and the task's new ETag, for the next write.</returns>
    /// <exception cref="DeltaConflictException">The task changed since <paramref name="ifMatch"/> was read (<c>412</c>).</exception>
    /// <exception cref="DeltaApiException">
    /// The report is invalid (<c>422</c>, see <see cref="DeltaApiException.Diagnostics"/>), the API key is missing or
    /// wrong (<c>401</c>/<c>403</c>), the task does not exist (<c>404</c>) or the server failed.
    /// </exception>
    public virtual async Task<Versioned<ProgressReport>> PostProgressAsync(
        PlanId planId,
        TaskCode code,
        ProgressReport report,
        ETag ifMatch,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        Check(planId.IsEmpty, nameof(planId));
        Check(code.IsEmpty, nameof(code));
        ArgumentNullException.ThrowIfNull(report);
        Check(ifMatch.IsEmpty, nameof(ifMatch));
        if (report.Plan != planId || report.Task != code)
        {
            throw new ArgumentException($"The report is about task '{report.Task}' of plan '{report.Plan}', not task '{code}' of plan '{planId}'.", nameof(report));
        }

        var key = IdempotencyKey(idempotencyKey);
        var (stored, etag) = await SendAsync(
            "PostProgress",
            (planId, code, report, ifMatch: ifMatch.ToString("H"), key),
            static (api, s, ct) => api.PostProgressAsync(s.planId, s.code, s.report, s.ifMatch, s.key, ct),
            cancellationToken).ConfigureAwait(false);
        return new Versioned<ProgressReport>(stored, RequireETag(etag, "PostProgress"));
    }

    /// <summary>Lists regions, parents before children, optionally of one level or under one parent.</summary>
    /// <param name="query">The filters and page size, or <see langword="null"/> for all regions.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The regions, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<Region> ListRegionsAsync(RegionQuery? query = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(query?.PageSize);
        return EnumerateAsync((token, ct) => GetRegionsPageAsync(query, token, ct), cancellationToken);
    }

    /// <summary>Gets one page of regions.</summary>
    /// <param name="query">The filters and page size, or <see langword="null"/> for all regions.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<Page<Region>> GetRegionsPageAsync(RegionQuery? query = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(query?.PageSize);
        return (await SendAsync(
            "ListRegions",
            (query, pageToken),
            static (api, s, ct) => api.GetRegionsAsync(s.query?.Level, s.query?.Parent, s.query?.PageSize, s.pageToken, ct),
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Lists the region groups (the plan's named sets of regions).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The groups, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<RegionGroup> ListRegionGroupsAsync(CancellationToken cancellationToken = default)
        => EnumerateAsync((token, ct) => GetRegionGroupsPageAsync(token, ct), cancellationToken);

    /// <summary>Gets one page of region groups.</summary>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<Page<RegionGroup>> GetRegionGroupsPageAsync(string? pageToken = null, CancellationToken cancellationToken = default)
        => (await SendAsync("ListRegionGroups", pageToken, static (api, token, ct) => api.GetRegionGroupsAsync(token, ct), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Lists the indicators.</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The indicators, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<Indicator> ListIndicatorsAsync(CancellationToken cancellationToken = default)
        => EnumerateAsync((token, ct) => GetIndicatorsPageAsync(token, ct), cancellationToken);

    /// <summary>Gets one page of indicators.</summary>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual async Task<Page<Indicator>> GetIndicatorsPageAsync(string? pageToken = null, CancellationToken cancellationToken = default)
        => (await SendAsync("ListIndicators", pageToken, static (api, token, ct) => api.GetIndicatorsAsync(token, ct), cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>Lists the observations of an indicator that match a query, by period.</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="query">The filters and page size, or <see langword="null"/> for all observations.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The observations, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<Observation> ListObservationsAsync(IndicatorId indicatorId, ObservationQuery? query = null, CancellationToken cancellationToken = default)
    {
        Check(indicatorId.IsEmpty, nameof(indicatorId));
        CheckPageSize(query?.PageSize);
        return EnumerateAsync((token, ct) => GetObservationsPageAsync(indicatorId, query, token, ct), cancellationToken);
    }

    /// <summary>Gets one page of the observations of an indicator that match a query.</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="query">The filters and page size, or <see langword="null"/> for all observations.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="DeltaApiException">The indicator does not exist (<c>404</c>) or the server failed.</exception>
    public virtual async Task<Page<Observation>> GetObservationsPageAsync(IndicatorId indicatorId, ObservationQuery? query = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        Check(indicatorId.IsEmpty, nameof(indicatorId));
        CheckPageSize(query?.PageSize);
        return (await SendAsync(
            "ListObservations",
            (indicatorId, query, pageToken),
            static (api, s, ct) => api.GetObservationsAsync(s.indicatorId, s.query?.Region, s.query?.RegionGroup, s.query?.From, s.query?.To, Format(s.query?.AsOf), Format(s.query?.UpdatedSince), s.query?.PageSize, s.pageToken, ct),
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>
    /// Lists what was recorded for an indicator after an instant: every revision of every observation recorded strictly
    /// after <paramref name="updatedSince"/>, in the order the server recorded them, each with its
    /// <see cref="Observation.RecordedAt"/> and <see cref="Observation.Revision"/>. Paging continues after the last
    /// revision seen, so writes made while the list is read are neither missed nor repeated (they come last). A nightly
    /// job keeps the largest <see cref="Observation.RecordedAt"/> it saw and passes it next time.
    /// </summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="updatedSince">The instant after which revisions were recorded.</param>
    /// <param name="query">Further filters and the page size, or <see langword="null"/>; its <see cref="ObservationQuery.UpdatedSince"/> is replaced.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The revisions, fetched page by page as they are enumerated.</returns>
    public virtual IAsyncEnumerable<Observation> ListObservationChangesAsync(IndicatorId indicatorId, Instant updatedSince, ObservationQuery? query = null, CancellationToken cancellationToken = default)
        => ListObservationsAsync(indicatorId, (query ?? new ObservationQuery()) with { UpdatedSince = updatedSince }, cancellationToken);

    /// <summary>Lists every revision of one observation (indicator, region or region group, period), oldest first.</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="period">The observation's period.</param>
    /// <param name="region">The observation's region; give exactly one of this and <paramref name="regionGroup"/>.</param>
    /// <param name="regionGroup">The observation's region group.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The revisions, each with its <see cref="Observation.Revision"/> and <see cref="Observation.RecordedAt"/>; none when nothing was recorded there.</returns>
    /// <exception cref="ArgumentException">Neither or both of <paramref name="region"/> and <paramref name="regionGroup"/> are given.</exception>
    public virtual IAsyncEnumerable<Observation> ListObservationRevisionsAsync(IndicatorId indicatorId, ReportingPeriod period, RegionCode? region = null, RegionGroupId? regionGroup = null, CancellationToken cancellationToken = default)
    {
        CheckObservationScope(indicatorId, region, regionGroup);
        return EnumerateAsync((token, ct) => GetObservationRevisionsPageAsync(indicatorId, period, region, regionGroup, null, token, ct), cancellationToken);
    }

    /// <summary>Gets one page of the revisions of one observation, oldest first.</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="period">The observation's period.</param>
    /// <param name="region">The observation's region; give exactly one of this and <paramref name="regionGroup"/>.</param>
    /// <param name="regionGroup">The observation's region group.</param>
    /// <param name="pageSize">Revisions per page, 1 to <see cref="MaxPageSize"/>; <see langword="null"/> for the server's default.</param>
    /// <param name="pageToken">The <see cref="Page{T}.NextPageToken"/> of the previous page, or <see langword="null"/> for the first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">Neither or both of <paramref name="region"/> and <paramref name="regionGroup"/> are given.</exception>
    /// <exception cref="DeltaApiException">The indicator does not exist (<c>404</c>) or the server failed.</exception>
    public virtual async Task<Page<Observation>> GetObservationRevisionsPageAsync(
        IndicatorId indicatorId, ReportingPeriod period, RegionCode? region = null, RegionGroupId? regionGroup = null, int? pageSize = null, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        CheckObservationScope(indicatorId, region, regionGroup);
        CheckPageSize(pageSize);
        return (await SendAsync(
            "ListObservationRevisions",
            (indicatorId, period, region, regionGroup, pageSize, pageToken),
            static (api, s, ct) => api.GetObservationRevisionsAsync(s.indicatorId, s.region, s.regionGroup, s.period, s.pageSize, s.pageToken, ct),
            cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Gets an indicator with its entity tag, which an observation write names in <c>If-Match</c>.</summary>
    /// <param name="indicatorId">The indicator.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The indicator and its ETag: its version, which moves with every observation write and every change to its definition (unit, baseline, targets).</returns>
    /// <exception cref="DeltaApiException">The indicator does not exist (<c>404</c>, <c>not_found</c>) or the server failed.</exception>
    public virtual async Task<Versioned<Indicator>> GetIndicatorAsync(IndicatorId indicatorId, CancellationToken cancellationToken = default)
    {
        Check(indicatorId.IsEmpty, nameof(indicatorId));
        var (indicator, etag) = await SendAsync("GetIndicator", indicatorId, static (api, id, ct) => api.GetIndicatorAsync(id, ct), cancellationToken).ConfigureAwait(false);
        return new Versioned<Indicator>(indicator, RequireETag(etag, "GetIndicator"));
    }

    /// <summary>
    /// Records a batch of observations of an indicator, if no observation of it was written since <paramref name="ifMatch"/>
    /// was read. An observation for the same region or group and period as a stored one becomes its next revision; the
    /// earlier value stays readable (<see cref="ObservationQuery.AsOf"/>, <see cref="ListObservationRevisionsAsync"/>).
    /// Needs an API key. Safe to retry: the request carries an <c>Idempotency-Key</c>, and a repeat is answered with the
    /// first result even when the indicator has moved on since.
    /// </summary>
    /// <param name="indicatorId">The indicator; every observation of the batch must be of it.</param>
    /// <param name="batch">The observations.</param>
    /// <param name="ifMatch">The indicator's ETag from <see cref="GetIndicatorAsync"/> (or from the previous write).</param>
    /// <param name="idempotencyKey">The idempotency key; <see langword="null"/> for a new random one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many observations were new and how many got a further revision, and the indicator's new ETag, for the next write.</returns>
    /// <exception cref="DeltaConflictException">
    /// Another write to the indicator came first (<c>412</c>): read the observations again, decide whether the
    /// correction still stands, and write with the new ETag (from <see cref="GetIndicatorAsync"/>).
    /// </exception>
    /// <exception cref="DeltaApiException">
    /// The batch is invalid (<c>422</c>, see <see cref="DeltaApiException.Diagnostics"/>), the API key is missing or
    /// wrong (<c>401</c>/<c>403</c>), the indicator does not exist (<c>404</c>) or the server failed.
    /// </exception>
    public virtual async Task<Versioned<ObservationWriteResult>> PostObservationsAsync(
        IndicatorId indicatorId,
        ObservationBatch batch,
        ETag ifMatch,
        string? idempotencyKey = null,
        CancellationToken cancellationToken = default)
    {
        Check(indicatorId.IsEmpty, nameof(indicatorId));
        ArgumentNullException.ThrowIfNull(batch);
        Check(ifMatch.IsEmpty, nameof(ifMatch));
        var key = IdempotencyKey(idempotencyKey);
        var (counts, etag) = await SendAsync(
            "PostObservations",
            (indicatorId, batch, ifMatch: ifMatch.ToString("H"), key),
            static (api, s, ct) => api.PostObservationsAsync(s.indicatorId, s.batch, s.ifMatch, s.key, ct),
            cancellationToken).ConfigureAwait(false);
        return new Versioned<ObservationWriteResult>(counts, RequireETag(etag, "PostObservations"));
    }

    private static void CheckObservationScope(IndicatorId indicatorId, RegionCode? region, RegionGroupId? regionGroup)
    {
        Check(indicatorId.IsEmpty, nameof(indicatorId));
        if ((region is null) == (regionGroup is null))
        {
            throw new ArgumentException("Name the observation by exactly one of a region and a region group.", nameof(region));
        }
    }

    private static string? Format(Instant? instant) => instant is { } i ? Serialization.DeltaText.FormatInstant(i) : null;

    private static async IAsyncEnumerable<T> EnumerateAsync<T>(
        Func<string?, CancellationToken, Task<Page<T>>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await fetch(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            if (page.NextPageToken is not null && page.NextPageToken == token)
            {
                // A server that hands back the token it was given would otherwise be followed forever.
                throw new DeltaApiException($"The server returned the page token it was sent ('{token}'); paging stopped to avoid a loop.", HttpStatusCode.OK);
            }

            token = page.NextPageToken;
        }
        while (token is not null);
    }

    private static string? Format(LocalDate? date) => date is { } d ? Serialization.DeltaText.FormatDate(d) : null;

    private async Task<Page<ProgressReport>> GetProgressPageCoreAsync(PlanId planId, TaskCode code, ProgressQuery query, string? pageToken, CancellationToken cancellationToken)
        => (await SendAsync(
            "ListProgress",
            (planId, code, query, pageToken),
            static (api, s, ct) => api.GetProgressAsync(s.planId, s.code, Format(s.query.UpdatedSince), Format(s.query.AsOf), s.query.PageSize, s.pageToken, ct),
            cancellationToken).ConfigureAwait(false)).Value;

    private async Task<(T Value, ETag? ETag)> SendAsync<TState, T>(
        string operation,
        TState state,
        Func<IDeltaApi, TState, CancellationToken, Task<IApiResponse<T>>> call,
        CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("DeltaClient." + operation, ActivityKind.Internal);
        var started = _timeProvider.GetTimestamp();

        // The time limits (OverallTimeout, AttemptTimeout) are the resilience pipeline's, in the HttpClient's handlers,
        // so that an application that swaps in its own (AddStandardResilienceHandler) does not keep ours as well.
        IApiResponse<T> response;
        try
        {
            response = await call(_api, state, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ApiRequestException or HttpRequestException or TimeoutException or IOException or Polly.ExecutionRejectedException)
        {
            throw TransportFailure(operation, exception, cancellationToken, started, activity);
        }

        using (response)
        {
            if (response.Error is ApiRequestException requestError)
            {
                throw TransportFailure(operation, requestError, cancellationToken, started, activity);
            }

            var request = response.RequestMessage;
            var method = request?.Method.Method ?? "?";
            var status = (int)(response.StatusCode ?? default);
            activity?.SetTag("http.response.status_code", status);
            if (response.IsSuccessStatusCode && response.Error is null && response.Content is { } content)
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    Log.Completed(_logger, operation, method, request?.RequestUri?.PathAndQuery, status, Elapsed(started));
                }

                return (content, ETag.TryParse(response.Headers.ETag?.ToString(), out var etag) ? etag : null);
            }

            var path = request?.RequestUri?.PathAndQuery;
            var exception = ProblemReader.CreateException(response, method, path, _options.ApiKey);
            activity?.SetStatus(ActivityStatusCode.Error, exception.ErrorCode ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            activity?.SetTag("error.type", exception.ErrorCode ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Log.Failed(_logger, operation, method, path, status, exception.ErrorCode, Elapsed(started), exception.RequestId);
            throw exception;
        }
    }

    private Exception TransportFailure(string operation, Exception exception, CancellationToken callerToken, long started, Activity? activity)
    {
        if (callerToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            Log.Cancelled(_logger, operation, Elapsed(started));
            // Carry the caller's token (not the linked one inside), so that `when (e.CancellationToken == token)` holds.
            return new OperationCanceledException($"{operation} was cancelled.", exception, callerToken);
        }

        var cause = exception is ApiRequestException && exception.InnerException is { } inner ? inner : exception;
        // TimeoutRejectedException and BrokenCircuitException come from a Polly pipeline an application put in place of ours.
        var timedOut = cause is TimeoutException or Polly.Timeout.TimeoutRejectedException;
        var message = timedOut
            ? $"{operation} failed: {cause.Message}"
            : $"{operation} failed: no answer from {_options.BaseAddress} ({cause.Message}).";
        var failure = new DeltaTransportException(message, timedOut, cause);
        activity?.SetStatus(ActivityStatusCode.Error, timedOut ? "timeout" : "transport");
        activity?.SetTag("error.type", timedOut ? "timeout" : cause.GetType().FullName);
        Log.TransportFailed(_logger, operation, Elapsed(started), timedOut, cause);
        return failure;
    }

    private double Elapsed(long started) => _timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static ETag RequireETag(ETag? etag, string operation)
        => etag ?? throw new DeltaApiException($"{operation}: the server sent no ETag, which the Plan API promises for this resource.", HttpStatusCode.OK);

    private static string IdempotencyKey(string? key)
    {
        if (key is null)
        {
            return Guid.NewGuid().ToString("N");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(key, "idempotencyKey");
        return key;
    }

    private static void Check(bool isEmpty, string name)
    {
        if (isEmpty)
        {
            throw new ArgumentException("The identifier is default (empty); pass a parsed or constructed value.", name);
        }
    }

    private static void CheckPageSize(int? pageSize)
    {
        if (pageSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(pageSize));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPageSize, nameof(pageSize));
        }
    }
}
