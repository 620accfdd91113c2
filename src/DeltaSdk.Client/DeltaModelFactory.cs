using System.Collections.Immutable;
using DeltaSdk.Analytics;
using DeltaSdk.Api;
using NodaTime;

namespace DeltaSdk.Client;

/// <summary>
/// Builds the models <see cref="DeltaClient"/> returns, for your unit tests: a fake <see cref="DeltaClient"/> (derive
/// from it and override the calls you need) answers with these. Every parameter but the identity has a default, so a
/// test names only what it checks. Modelled on the Azure SDK's <c>*ModelFactory</c> classes.
/// </summary>
/// <remarks>
/// The models are the real ones (the records are public and immutable), so a value built here is equal to the same
/// value read from the wire. Nothing here talks to a server.
/// </remarks>
public static class DeltaModelFactory
{
    /// <summary>Builds one page of a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items; <see langword="null"/> for none.</param>
    /// <param name="nextPageToken">The token of the following page; <see langword="null"/> for the last page.</param>
    /// <returns>The page.</returns>
    public static Page<T> Page<T>(IEnumerable<T>? items = null, string? nextPageToken = null)
        => new() { Items = items is null ? [] : [.. items], NextPageToken = nextPageToken };

    /// <summary>Builds a resource with its entity tag, as <see cref="DeltaClient.GetTaskAsync(PlanId, TaskCode, CancellationToken)"/> and <see cref="DeltaClient.PostProgressAsync"/> return.</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="value">The resource.</param>
    /// <param name="etag">The entity tag; <see langword="null"/> for a strong tag <c>"v1"</c>.</param>
    /// <returns>The versioned resource.</returns>
    public static Versioned<T> Versioned<T>(T value, ETag? etag = null) => new(value, etag ?? new ETag("v1"));

    /// <summary>Builds a task with its tracking state, as <see cref="DeltaClient.ListTasksAsync"/> and <see cref="DeltaClient.GetTaskAsync(PlanId, TaskCode, CancellationToken)"/> return.</summary>
    /// <param name="task">The catalogue entry.</param>
    /// <param name="version">The task's version; 1 for a task no change was recorded for.</param>
    /// <param name="updatedAt">When it last changed; <see langword="null"/> for never.</param>
    /// <param name="latestProgress">The latest report per region; <see langword="null"/> for none. Kept in the order given.</param>
    /// <returns>The tracked task.</returns>
    public static TrackedTask TrackedTask(KeyTask task, long version = 1, Instant? updatedAt = null, IEnumerable<ProgressReport>? latestProgress = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new() { Task = task, Version = version, UpdatedAt = updatedAt, LatestProgress = latestProgress is null ? [] : [.. latestProgress] };
    }

    /// <summary>Builds an entry of the plan list.</summary>
    /// <param name="id">The plan's id.</param>
    /// <param name="title">The title; <see langword="null"/> for the id as an English title.</param>
    /// <param name="startDate">The first day; <see langword="null"/> for 2024-01-01.</param>
    /// <param name="endDate">The last day; <see langword="null"/> for 2026-12-31.</param>
    /// <param name="declaredTaskCount">The declared task count, if stated.</param>
    /// <param name="cataloguedTaskCount">The catalogued task count.</param>
    /// <returns>The summary.</returns>
    public static PlanSummary PlanSummary(PlanId id, LocalizedText? title = null, LocalDate? startDate = null, LocalDate? endDate = null, int? declaredTaskCount = null, int cataloguedTaskCount = 0) => new()
    {
        Id = id,
        Title = title ?? LocalizedText.Create(null, id.ToString()),
        StartDate = startDate ?? new LocalDate(2024, 1, 1),
        EndDate = endDate ?? new LocalDate(2026, 12, 31),
        DeclaredTaskCount = declaredTaskCount,
        CataloguedTaskCount = cataloguedTaskCount,
    };

    /// <summary>Builds an entry of a plan's aspect list.</summary>
    /// <param name="id">The aspect's id.</param>
    /// <param name="ordinal">Its position in the plan, from 1.</param>
    /// <param name="name">The name; <see langword="null"/> for the id as an English name.</param>
    /// <param name="declaredTaskCount">The declared task count, if stated.</param>
    /// <param name="cataloguedTaskCount">The catalogued task count.</param>
    /// <returns>The summary.</returns>
    public static AspectSummary AspectSummary(AspectId id, int ordinal = 1, LocalizedText? name = null, int? declaredTaskCount = null, int cataloguedTaskCount = 0) => new()
    {
        Id = id,
        Ordinal = ordinal,
        Name = name ?? LocalizedText.Create(null, id.ToString()),
        DeclaredTaskCount = declaredTaskCount,
        CataloguedTaskCount = cataloguedTaskCount,
    };

    /// <summary>Builds the counts of tasks by status of a catalogue summary.</summary>
    /// <param name="notStarted">Tasks whose latest report is not started.</param>
    /// <param name="inProgress">Tasks in progress.</param>
    /// <param name="completed">Tasks completed.</param>
    /// <param name="delayed">Tasks delayed.</param>
    /// <param name="suspended">Tasks suspended.</param>
    /// <param name="unreported">Tasks without a report.</param>
    /// <returns>The counts.</returns>
    public static StatusCounts StatusCounts(int notStarted = 0, int inProgress = 0, int completed = 0, int delayed = 0, int suspended = 0, int unreported = 0) => new()
    {
        NotStarted = notStarted,
        InProgress = inProgress,
        Completed = completed,
        Delayed = delayed,
        Suspended = suspended,
        Unreported = unreported,
    };

    /// <summary>Builds the catalogue summary <see cref="DeltaClient.GetPlanSummaryAsync"/> returns.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="cataloguedTaskCount">The catalogued task count.</param>
    /// <param name="reportedTaskCount">How many tasks have a report.</param>
    /// <param name="tasksByStatus">The counts by status; <see langword="null"/> for all tasks unreported.</param>
    /// <param name="percentCompleteMean">The mean percentage over reported tasks, if any.</param>
    /// <param name="aspects">The aspects' summaries.</param>
    /// <param name="declaredTaskCount">The declared task count, if stated.</param>
    /// <returns>The summary.</returns>
    public static PlanProgressSummary PlanProgressSummary(PlanId plan, int cataloguedTaskCount = 0, int reportedTaskCount = 0, StatusCounts? tasksByStatus = null, double? percentCompleteMean = null, IEnumerable<AspectProgressSummary>? aspects = null, int? declaredTaskCount = null) => new()
    {
        Plan = plan,
        DeclaredTaskCount = declaredTaskCount,
        CataloguedTaskCount = cataloguedTaskCount,
        ReportedTaskCount = reportedTaskCount,
        TasksByStatus = tasksByStatus ?? StatusCounts(unreported: cataloguedTaskCount - reportedTaskCount),
        PercentCompleteMean = percentCompleteMean,
        Aspects = aspects is null ? [] : [.. aspects],
    };

    /// <summary>Builds one aspect's part of a catalogue summary.</summary>
    /// <param name="aspect">The aspect, or <see langword="null"/> for the unassigned tasks.</param>
    /// <param name="cataloguedTaskCount">The catalogued task count.</param>
    /// <param name="tasksByStatus">The counts by status; <see langword="null"/> for all tasks unreported.</param>
    /// <param name="percentCompleteMean">The mean percentage over reported tasks, if any.</param>
    /// <param name="name">The aspect's name, if given.</param>
    /// <param name="declaredTaskCount">The declared task count, if stated.</param>
    /// <returns>The summary.</returns>
    public static AspectProgressSummary AspectProgressSummary(AspectId? aspect = null, int cataloguedTaskCount = 0, StatusCounts? tasksByStatus = null, double? percentCompleteMean = null, LocalizedText? name = null, int? declaredTaskCount = null) => new()
    {
        Aspect = aspect,
        Name = name,
        DeclaredTaskCount = declaredTaskCount,
        CataloguedTaskCount = cataloguedTaskCount,
        TasksByStatus = tasksByStatus ?? StatusCounts(unreported: cataloguedTaskCount),
        PercentCompleteMean = percentCompleteMean,
    };

    /// <summary>Builds the result of <see cref="DeltaClient.PostObservationsAsync"/>.</summary>
    /// <param name="indicator">The indicator written to.</param>
    /// <param name="inserted">Observations added.</param>
    /// <param name="replaced">Observations that became the next revision of one of the same region and period.</param>
    /// <returns>The result.</returns>
    public static ObservationWriteResult ObservationWriteResult(IndicatorId indicator, int inserted = 0, int replaced = 0)
        => new() { Indicator = indicator, Inserted = inserted, Replaced = replaced };

    /// <summary>Builds RFC 9457 problem details, as a <see cref="DeltaApiException"/> carries them.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The Plan API's error code, for example <c>validation_failed</c>.</param>
    /// <param name="title">The title; <see langword="null"/> for none.</param>
    /// <param name="detail">The detail; <see langword="null"/> for none.</param>
    /// <param name="diagnostics">The validation diagnostics (with a 422).</param>
    /// <param name="requestId">The request id; <see langword="null"/> for none.</param>
    /// <returns>The problem details.</returns>
    public static DeltaProblemDetails ProblemDetails(int status, string? code = null, string? title = null, string? detail = null, IEnumerable<ProblemDiagnostic>? diagnostics = null, string? requestId = null) => new()
    {
        Status = status,
        Code = code,
        Title = title,
        Detail = detail,
        RequestId = requestId,
        Diagnostics = diagnostics is null ? [] : [.. diagnostics],
    };

    /// <summary>Builds one validation diagnostic of problem details.</summary>
    /// <param name="code">The rule code, for example <c>DLT4001</c>.</param>
    /// <param name="path">The JSON path, for example <c>$.percentComplete</c>.</param>
    /// <param name="message">The message.</param>
    /// <param name="severity">The severity; errors by default.</param>
    /// <returns>The diagnostic.</returns>
    public static ProblemDiagnostic ProblemDiagnostic(string code, string path = "$", string message = "", Validation.DiagnosticSeverity severity = Validation.DiagnosticSeverity.Error)
        => new() { Code = code, Path = path, Message = message, Severity = severity };

    /// <summary>Builds one figure of a progress roll-up, with its coverage and percentages consistent with the counts given.</summary>
    /// <param name="tasksInScope">Tasks in scope.</param>
    /// <param name="tasksReported">Tasks with a report.</param>
    /// <param name="tasksWithFigure">Tasks with a figure; <see langword="null"/> for <paramref name="tasksReported"/>.</param>
    /// <param name="tasksCompleted">Tasks completed.</param>
    /// <param name="percentComplete">The weighted percentage, if any.</param>
    /// <param name="percentCompleteOfReported">The mean over the tasks with a figure, if any.</param>
    /// <returns>The figure.</returns>
    public static ProgressFigure ProgressFigure(int tasksInScope = 0, int tasksReported = 0, int? tasksWithFigure = null, int tasksCompleted = 0, double? percentComplete = null, double? percentCompleteOfReported = null)
    {
        var withFigure = tasksWithFigure ?? tasksReported;
        return new()
        {
            TasksInScope = tasksInScope,
            TasksReported = tasksReported,
            TasksWithFigure = withFigure,
            TasksCompleted = tasksCompleted,
            Coverage = tasksInScope == 0 ? 0 : (double)withFigure / tasksInScope,
            PercentComplete = percentComplete,
            PercentCompleteOfReported = percentCompleteOfReported,
        };
    }

    /// <summary>Builds the roll-up <see cref="DeltaClient.GetProgressRollupAsync"/> returns, by the current method.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="asOf">The date of the figures.</param>
    /// <param name="overall">The plan-level figure; <see langword="null"/> for an empty scope.</param>
    /// <param name="aspects">The aspects' figures.</param>
    /// <param name="tasks">The tasks' figures.</param>
    /// <param name="region">The region, or <see langword="null"/> for the whole delta.</param>
    /// <param name="aspect">The aspect the roll-up is limited to, if any.</param>
    /// <param name="declaredTaskCount">The plan's declared task count, if stated.</param>
    /// <param name="catalogueCompleteness">Whether the catalogue is complete; partial by default, as the embedded one.</param>
    /// <returns>The summary.</returns>
    public static ProgressSummary ProgressSummary(
        PlanId plan,
        LocalDate asOf,
        ProgressFigure? overall = null,
        IEnumerable<AspectProgress>? aspects = null,
        IEnumerable<TaskProgress>? tasks = null,
        RegionCode? region = null,
        AspectId? aspect = null,
        int? declaredTaskCount = null,
        CatalogueCompleteness catalogueCompleteness = CatalogueCompleteness.Partial) => new()
    {
        Plan = plan,
        AsOf = asOf,
        Region = region,
        Aspect = aspect,
        Methodology = AnalyticsMethodology.EqualWeightTaskRollup,
        UnreportedTasks = UnreportedTaskTreatment.CountedAsZero,
        Weighting = "equalPerTask; within a task, equalPerReportingRegion",
        DeclaredTaskCount = declaredTaskCount,
        CatalogueCompleteness = catalogueCompleteness,
        Overall = overall ?? ProgressFigure(),
        Aspects = aspects is null ? [] : [.. aspects],
        Tasks = tasks is null ? [] : [.. tasks],
    };

    /// <summary>Builds an indicator status, as <see cref="DeltaClient.GetIndicatorStatusAsync"/> returns, by the Open SDG progress measure.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="asOf">The date of the status.</param>
    /// <param name="status">The status.</param>
    /// <param name="unit">The indicator's unit.</param>
    /// <param name="baseValue">The base period and value, if any.</param>
    /// <param name="current">The latest period and value, if any.</param>
    /// <param name="ratio">The progress value compared with the thresholds, if computed.</param>
    /// <param name="region">The region, if the status is for one.</param>
    /// <param name="notAvailableReason">Why the status is not available; <see langword="null"/> for <see cref="StatusNotAvailableReason.NoObservations"/> when it is not.</param>
    /// <returns>The status.</returns>
    public static IndicatorStatus IndicatorStatus(
        IndicatorId indicator,
        LocalDate asOf,
        IndicatorProgressStatus status = IndicatorProgressStatus.NotAvailable,
        string unit = "",
        IndicatorPoint? baseValue = null,
        IndicatorPoint? current = null,
        double? ratio = null,
        RegionCode? region = null,
        StatusNotAvailableReason? notAvailableReason = null) => new()
    {
        Indicator = indicator,
        Region = region,
        AsOf = asOf,
        Status = status,
        NotAvailableReason = status == IndicatorProgressStatus.NotAvailable ? notAvailableReason ?? StatusNotAvailableReason.NoObservations : null,
        Methodology = AnalyticsMethodology.OpenSdgProgressMeasure,
        Direction = IndicatorDirection.HigherIsBetter,
        Unit = unit,
        Base = baseValue,
        Current = current,
        Ratio = ratio,
        Thresholds = ProgressThresholds.WithoutTarget,
    };
}
