using DeltaSdk.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaSdk.Server.Http;

/// <summary>
/// An RFC 9457 problem response of the API, written through ASP.NET Core's <see cref="IProblemDetailsService"/> (whose
/// first writer, <see cref="DeltaProblemDetailsWriter"/>, gives it the <see cref="DeltaProblemDetails"/> wire shape).
/// </summary>
internal sealed class ProblemResult(int status, string code, string detail, IReadOnlyList<ProblemDiagnostic>? diagnostics = null) : IResult
{
    public const string ContentType = "application/problem+json";

    /// <summary>The <see cref="ProblemDetails.Extensions"/> key of the machine-readable code.</summary>
    public const string CodeKey = "code";

    /// <summary>The <see cref="ProblemDetails.Extensions"/> key of the validation diagnostics.</summary>
    public const string DiagnosticsKey = "diagnostics";

    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Detail { get; } = detail;

    public IReadOnlyList<ProblemDiagnostic>? Diagnostics { get; } = diagnostics;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static ProblemResult NotFound(string detail) => new(StatusCodes.Status404NotFound, ProblemCodes.NotFound, detail);

    public static ProblemResult BadRequest(string detail, IReadOnlyList<ProblemDiagnostic>? diagnostics = null)
        => new(StatusCodes.Status400BadRequest, ProblemCodes.BadRequest, detail, diagnostics);

    public Task ExecuteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        var problem = new ProblemDetails { Status = Status, Detail = Detail, Extensions = { [CodeKey] = Code } };
        if (Diagnostics is not null)
        {
            problem.Extensions[DiagnosticsKey] = Diagnostics;
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem })
            .AsTask();
    }
}
