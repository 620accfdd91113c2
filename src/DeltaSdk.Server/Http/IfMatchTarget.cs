using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DeltaSdk.Server.Http;

/// <summary>
/// What an <c>If-Match</c> header guards (a task, an indicator's observations, a plan) and how it is read: the one
/// reading of the header behind every conditional write, so that all of them refuse a missing, malformed or <c>*</c>
/// header alike and differ only in which ETags count and what the answer tells the caller to send.
/// </summary>
internal sealed class IfMatchTarget
{
    /// <summary>A task's version (<c>"v3"</c>): progress writes and task updates.</summary>
    public static readonly IfMatchTarget Task = new(
        "the task's", "\"v1\"", ETags.TryParseVersion, "Send If-Match with the task's ETag (from GET of the task), so that a concurrent change is detected instead of overwritten.");

    /// <summary>A plan's revision (<c>"r3"</c>): plan submits and indicator writes.</summary>
    public static readonly IfMatchTarget Plan = new(
        "the plan's", "\"r1\"", ETags.TryParseRevision, "Send If-Match with the plan's ETag (from GET of the plan or a dry run), so that a concurrent change is detected instead of overwritten.");

    private readonly string _owner;
    private readonly string _example;
    private readonly NumberParser _parse;
    private readonly string _missing;

    private IfMatchTarget(string owner, string example, NumberParser parse, string missing)
    {
        _owner = owner;
        _example = example;
        _parse = parse;
        _missing = missing;
    }

    /// <summary>Reads an ETag as the number it names, or says it names none.</summary>
    public delegate bool NumberParser(string etag, out long number);

    /// <summary>An indicator's version (<c>"v3"</c>), which guards its observations.</summary>
    public static IfMatchTarget Indicator(IndicatorId id) => new(
        "the indicator's", "\"v1\"", ETags.TryParseVersion, $"Send If-Match with the indicator's ETag (from GET /v1/indicators/{id}), so that a concurrent correction is detected instead of silently superseded.");

    /// <summary>
    /// Reads <c>If-Match</c>: 428 when it is missing or <c>*</c>, 400 when malformed. A weak tag, or one that names no
    /// number of this kind, can never match (strong comparison, RFC 9110), so it reads as -1: stale.
    /// </summary>
    public bool TryRead(HttpRequest request, out long number, [NotNullWhen(false)] out ProblemResult? problem)
    {
        number = -1;
        problem = null;
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            problem = new ProblemResult(StatusCodes.Status428PreconditionRequired, ProblemCodes.PreconditionRequired, _missing);
            return false;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(values, out var tags) || tags.Count == 0)
        {
            problem = ProblemResult.BadRequest($"If-Match is malformed: expected a quoted entity tag such as {_example}.");
            return false;
        }

        if (tags.Any(static t => t.Equals(EntityTagHeaderValue.Any)))
        {
            problem = new ProblemResult(StatusCodes.Status428PreconditionRequired, ProblemCodes.PreconditionRequired, $"If-Match: * would overwrite whatever is there; send {_owner} ETag instead.");
            return false;
        }

        var parse = _parse;
        var strong = tags.FirstOrDefault(t => !t.IsWeak && parse(t.Tag.ToString(), out _));
        if (strong is not null && parse(strong.Tag.ToString(), out var parsed))
        {
            number = parsed;
        }

        return true;
    }
}
