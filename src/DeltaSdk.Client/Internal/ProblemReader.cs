using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DeltaSdk.Api;
using Refit;

namespace DeltaSdk.Client.Internal;

/// <summary>Turns an error answer into the matching <see cref="DeltaApiException"/>, reading RFC 9457 problem details.</summary>
internal static class ProblemReader
{
    /// <summary>The most characters of an error body read (64 Ki): enough for any problem document, bounded against a hostile one.</summary>
    public const int MaxReadLength = 64 * 1024;

    private const string Redacted = "[redacted]";

    public static DeltaApiException CreateException(IApiResponse response, string method, string? path, string? apiKey)
    {
        var status = response.StatusCode ?? default;
        var error = response.Error as ApiException;
        var body = error?.Content;
        var requestId = Header(response.Headers, DeltaHeaders.RequestId);
        var rawBody = Redact(body, apiKey);

        if (response.IsSuccessStatusCode)
        {
            // A success whose body did not deserialize: the server and the client disagree about the format.
            var cause = error?.InnerException;
            var what = cause is null ? "an empty body" : "a body that is not in the canonical format: " + cause.Message;
            return new DeltaApiException($"{method} {path} answered {(int)status} with {what}", status, requestId: requestId, rawBody: rawBody, innerException: cause);
        }

        var problem = Parse(body);
        requestId = problem?.RequestId ?? requestId;
        var message = Describe(method, path, status, problem, requestId);
        return status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict
            ? new DeltaConflictException(message, status, problem, requestId, rawBody)
            : new DeltaApiException(message, status, problem, requestId, rawBody, RetryAfter(response.Headers));
    }

    internal static DeltaProblemDetails? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, ApiJson.TypeInfo<DeltaProblemDetails>());
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's error page, say): RawBody keeps it.
            return null;
        }
    }

    internal static string? Redact(string? body, string? apiKey)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        if (body.Length > DeltaApiException.MaxRawBodyLength)
        {
            body = body[..DeltaApiException.MaxRawBodyLength];
        }

        return string.IsNullOrEmpty(apiKey) ? body : body.Replace(apiKey, Redacted, StringComparison.Ordinal);
    }

    private static string Describe(string method, string? path, HttpStatusCode status, DeltaProblemDetails? problem, string? requestId)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{method} {path} answered {(int)status} {status}");
        if (problem?.Code is { } code)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({code})");
        }

        if ((problem?.Detail ?? problem?.Title) is { } detail)
        {
            text.Append(": ").Append(detail);
        }

        if (problem is { Diagnostics.Length: > 0 } withDiagnostics)
        {
            var first = withDiagnostics.Diagnostics[0];
            text.Append(CultureInfo.InvariantCulture, $" [{withDiagnostics.Diagnostics.Length} diagnostic(s); first: {first.Code} at {first.Path}: {first.Message}]");
        }

        if (requestId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" (request id {requestId})");
        }

        return text.ToString();
    }

    private static string? Header(HttpResponseHeaders? headers, string name)
        => headers is not null && headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static TimeSpan? RetryAfter(HttpResponseHeaders? headers)
    {
        var header = headers?.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}
