using System.Globalization;
using DeltaSdk.Api;
using DeltaSdk.Validation;

namespace DeltaSdk.Server.Http;

/// <summary>
/// Applies <see cref="RequestLimitOptions"/> to a body once it is read, before it is validated or stored: the first
/// list over its bound becomes a 400 problem naming the bound, its setting and the JSON path of the list.
/// </summary>
internal static class RequestLimits
{
    public const string DiagnosticCode = "request.limit";

    public static ProblemResult? Check(ProgressReport report, RequestLimitOptions limits)
        => Extension(report, "$", limits)
            ?? Over(report.Narrative?.Count ?? 0, limits.MaxLanguages, nameof(RequestLimitOptions.MaxLanguages), "$.narrative", "language tags")
            ?? Over(report.Sources.Length, limits.MaxSources, nameof(RequestLimitOptions.MaxSources), "$.sources", "sources")
            ?? Each(report.Sources, "$.sources", limits, static (source, path, l) => Extension(source, path, l));

    public static ProblemResult? Check(ObservationBatch batch, RequestLimitOptions limits)
        => Extension(batch, "$", limits)
            ?? Over(batch.Observations.Length, limits.MaxObservationsPerBatch, nameof(RequestLimitOptions.MaxObservationsPerBatch), "$.observations", "observations")
            ?? Each(batch.Observations, "$.observations", limits, static (observation, path, l) =>
                Extension(observation, path, l) ?? (observation.Source is { } source ? Extension(source, path + ".source", l) : null));

    /// <summary>A whole plan document is bounded by the body size; its own unknown members are bounded like any document's.</summary>
    public static ProblemResult? Check(Plan plan, RequestLimitOptions limits) => Extension(plan, "$", limits);

    public static ProblemResult? Check(KeyTask task, RequestLimitOptions limits)
        => Extension(task, "$", limits)
            ?? Over(task.Sources.Length, limits.MaxSources, nameof(RequestLimitOptions.MaxSources), "$.sources", "sources");

    private static ProblemResult? Each<T>(IReadOnlyList<T> items, string path, RequestLimitOptions limits, Func<T, string, RequestLimitOptions, ProblemResult?> check)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item && check(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), limits) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static ProblemResult? Extension(ExtensibleRecord record, string path, RequestLimitOptions limits)
        => Over(record.ExtensionData?.Count ?? 0, limits.MaxExtensionMembers, nameof(RequestLimitOptions.MaxExtensionMembers), path, "members the model does not know");

    private static ProblemResult? Over(int count, int limit, string setting, string path, string what)
    {
        if (count <= limit)
        {
            return null;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"{path} holds {count} {what}; the server takes at most {limit} (DeltaServer:Limits:{setting}).");
        return ProblemResult.BadRequest(message, [new ProblemDiagnostic { Code = DiagnosticCode, Severity = DiagnosticSeverity.Error, Path = path, Message = message }]);
    }
}
