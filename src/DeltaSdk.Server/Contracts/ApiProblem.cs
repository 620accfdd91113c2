using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace DeltaSdk.Server.Contracts;

/// <summary>
/// An error response: an RFC 9457 problem document (<c>application/problem+json</c>) with the extensions
/// <c>code</c>, <c>requestId</c> and, for validation failures, <c>diagnostics</c>.
/// </summary>
public sealed record ApiProblem
{
    /// <summary>Gets a URI naming the problem type; it resolves to the documentation of <see cref="Code"/>.</summary>
    public required string Type { get; init; }

    /// <summary>Gets a short, fixed summary of the problem type.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the HTTP status code.</summary>
    public required int Status { get; init; }

    /// <summary>Gets what went wrong with this request.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets the request path the problem occurred on.</summary>
    public string? Instance { get; init; }

    /// <summary>Gets the machine-readable error code, for example <c>not_found</c> or <c>precondition_failed</c>.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the request's identifier, as in the <c>X-Request-Id</c> response header.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the diagnostics of a validation failure (422) or of an unreadable body (400).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<ApiDiagnostic>? Diagnostics { get; init; }
}
