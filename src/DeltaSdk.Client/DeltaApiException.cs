using System.Net;
using DeltaSdk.Api;

namespace DeltaSdk.Client;

/// <summary>
/// The Plan API answered with an error status. <see cref="StatusCode"/>, <see cref="ErrorCode"/>,
/// <see cref="Problem"/> (the RFC 9457 problem details), <see cref="Diagnostics"/> (for <c>422</c>) and
/// <see cref="RequestId"/> say what and where; <see cref="RawBody"/> keeps the start of the body, with the API key
/// removed, for a body that is not problem details.
/// </summary>
public class DeltaApiException : DeltaClientException
{
    /// <summary>The most characters of a response body <see cref="RawBody"/> keeps: 4096.</summary>
    public const int MaxRawBodyLength = 4096;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The response status.</param>
    /// <param name="problem">The problem details of the response, when it had any.</param>
    /// <param name="requestId">The server's request id (<c>X-Request-Id</c>), when known.</param>
    /// <param name="rawBody">The start of the response body; cut to <see cref="MaxRawBodyLength"/> characters.</param>
    /// <param name="retryAfter">The wait the server asked for with <c>Retry-After</c>, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public DeltaApiException(
        string message,
        HttpStatusCode statusCode,
        DeltaProblemDetails? problem = null,
        string? requestId = null,
        string? rawBody = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Problem = problem;
        RequestId = requestId ?? problem?.RequestId;
        RawBody = rawBody is { Length: > MaxRawBodyLength } ? rawBody[..MaxRawBodyLength] : rawBody;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the response status, for example <see cref="HttpStatusCode.NotFound"/>.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Gets the machine-readable error code of the problem details, for example <c>not_found</c>,
    /// <c>precondition_failed</c>, <c>validation_failed</c> or <c>unauthorized</c>; <see langword="null"/> when the
    /// body carried none.
    /// </summary>
    public string? ErrorCode => Problem?.Code;

    /// <summary>Gets the problem details of the response, or <see langword="null"/> when the body was not problem details.</summary>
    public DeltaProblemDetails? Problem { get; }

    /// <summary>Gets the validation diagnostics of a <c>422</c> response (empty otherwise).</summary>
    public IReadOnlyList<ProblemDiagnostic> Diagnostics => Problem is { } problem ? problem.Diagnostics : [];

    /// <summary>Gets the server's id of the request, to quote when reporting a problem; <see langword="null"/> when unknown.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// Gets the start of the response body (at most <see cref="MaxRawBodyLength"/> characters) with the API key
    /// removed; <see langword="null"/> when the body was empty.
    /// </summary>
    public string? RawBody { get; }

    /// <summary>Gets the wait the server asked for with <c>Retry-After</c> (on <c>429</c> and <c>503</c>), if any.</summary>
    public TimeSpan? RetryAfter { get; }
}
