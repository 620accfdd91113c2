using System.Net;
using DeltaSdk.Api;

namespace DeltaSdk.Client;

/// <summary>
/// A write lost a race: the <c>If-Match</c> ETag it carried is no longer the resource's current one
/// (<c>412 Precondition Failed</c>), or the server found the write in conflict with the stored state
/// (<c>409 Conflict</c>). Read the resource again, re-apply the change to the fresh copy, and write with its ETag.
/// </summary>
public class DeltaConflictException : DeltaApiException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The response status: <c>412</c> or <c>409</c>.</param>
    /// <param name="problem">The problem details of the response, when it had any.</param>
    /// <param name="requestId">The server's request id, when known.</param>
    /// <param name="rawBody">The start of the response body.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public DeltaConflictException(
        string message,
        HttpStatusCode statusCode,
        DeltaProblemDetails? problem = null,
        string? requestId = null,
        string? rawBody = null,
        Exception? innerException = null)
        : base(message, statusCode, problem, requestId, rawBody, retryAfter: null, innerException)
    {
    }
}
