using System.Text.Json;
using DeltaSdk.Api;
using Microsoft.AspNetCore.Http;

namespace DeltaSdk.Server.Http;

/// <summary>An RFC 9457 problem response.</summary>
internal sealed class ProblemResult(int status, string code, string detail, IReadOnlyList<ProblemDiagnostic>? diagnostics = null) : IResult
{
    public const string ContentType = "application/problem+json";

    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Detail { get; } = detail;

    public IReadOnlyList<ProblemDiagnostic>? Diagnostics { get; } = diagnostics;

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public static ProblemResult NotFound(string detail) => new(StatusCodes.Status404NotFound, ProblemCodes.NotFound, detail);

    public static ProblemResult BadRequest(string detail, IReadOnlyList<ProblemDiagnostic>? diagnostics = null)
        => new(StatusCodes.Status400BadRequest, ProblemCodes.BadRequest, detail, diagnostics);

    public DeltaProblemDetails ToProblem(HttpContext context) => new()
    {
        Type = ProblemCodes.Type(Code),
        Title = ProblemCodes.Title(Code),
        Status = Status,
        Detail = Detail,
        Instance = context.Request.Path.Value,
        Code = Code,
        RequestId = RequestIds.Get(context),
        Diagnostics = Diagnostics is null ? [] : [.. Diagnostics],
    };

    public Task ExecuteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        return JsonSerializer.SerializeAsync(response.Body, ToProblem(context), ServerJson.TypeInfo<DeltaProblemDetails>(), context.RequestAborted);
    }
}
