using System.Collections.Immutable;

namespace DeltaSdk.Client;

/// <summary>
/// An RFC 9457 problem details document (<c>application/problem+json</c>) as the Plan API writes it, with its
/// extensions <c>code</c>, <c>requestId</c> and, for <c>422</c>, <c>diagnostics</c>.
/// </summary>
public sealed record DeltaProblemDetails
{
    /// <summary>Gets a URI that identifies the problem type, when given.</summary>
    public string? Type { get; init; }

    /// <summary>Gets a short summary of the problem type.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the HTTP status the server gave.</summary>
    public int? Status { get; init; }

    /// <summary>Gets an explanation of this occurrence.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets a URI reference that identifies this occurrence, typically the request path.</summary>
    public string? Instance { get; init; }

    /// <summary>
    /// Gets the machine-readable error code: <c>not_found</c>, <c>precondition_failed</c>,
    /// <c>precondition_required</c>, <c>validation_failed</c>, <c>unauthorized</c>, <c>forbidden</c>,
    /// <c>payload_too_large</c> or <c>bad_request</c> (more may be added).
    /// </summary>
    public string? Code { get; init; }

    /// <summary>Gets the server's id of the request.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets what validation found wrong, for a <c>422</c>; empty otherwise.</summary>
    public ImmutableArray<ProblemDiagnostic> Diagnostics { get; init => field = value.IsDefault ? [] : value; } = [];
}
