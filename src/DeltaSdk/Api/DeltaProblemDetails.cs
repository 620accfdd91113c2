using System.Collections.Immutable;

namespace DeltaSdk.Api;

/// <summary>
/// An RFC 9457 problem details document (<c>application/problem+json</c>), the body of every Plan API error
/// response, with the extensions <c>code</c>, <c>requestId</c> and, for validation failures, <c>diagnostics</c>.
/// </summary>
/// <remarks>
/// Every member is optional, as RFC 9457 has it, so that a problem written by something in front of the server (a
/// proxy, a gateway) still reads; the reference server always writes <see cref="Type"/>, <see cref="Title"/>,
/// <see cref="Status"/> and <see cref="Code"/>.
/// </remarks>
public sealed record DeltaProblemDetails
{
    /// <summary>Gets a URI naming the problem type; on the reference server it resolves to the documentation of <see cref="Code"/>.</summary>
    public string? Type { get; init; }

    /// <summary>Gets a short, fixed summary of the problem type.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the HTTP status code.</summary>
    public int? Status { get; init; }

    /// <summary>Gets what went wrong with this request.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets a URI reference that identifies this occurrence: the request path.</summary>
    public string? Instance { get; init; }

    /// <summary>
    /// Gets the machine-readable error code: <c>not_found</c>, <c>precondition_failed</c>,
    /// <c>precondition_required</c>, <c>validation_failed</c>, <c>unauthorized</c>, <c>forbidden</c>,
    /// <c>payload_too_large</c> or <c>bad_request</c> (more may be added).
    /// </summary>
    public string? Code { get; init; }

    /// <summary>Gets the request's identifier, as in the <c>X-Request-Id</c> response header.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// Gets what validation found wrong, for a <c>422</c> (or an unreadable body, <c>400</c>); empty otherwise, and then
    /// not written.
    /// </summary>
    public ImmutableArray<ProblemDiagnostic> Diagnostics { get; init => field = value.IsDefault ? [] : value; } = [];
}
