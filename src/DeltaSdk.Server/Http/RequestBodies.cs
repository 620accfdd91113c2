using System.Buffers;
using System.Globalization;
using DeltaSdk.Api;
using DeltaSdk.Serialization;
using DeltaSdk.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DeltaSdk.Server.Http;

/// <summary>Reads a JSON request body whole, within the configured size limit.</summary>
internal static class RequestBodies
{
    /// <summary>A reader of the canonical format (<c>DeltaJson.Read*</c>), which throws only <see cref="DeltaFormatException"/> on bad input.</summary>
    public delegate T DocumentReader<out T>(ReadOnlySpan<byte> utf8);

    /// <summary>
    /// Reads a write's body as a document of the canonical format and applies the request limits to it: the body's
    /// bytes (for the idempotency fingerprint) and the document, or the problem to answer with (document null).
    /// </summary>
    public static async Task<(ReadOnlyMemory<byte> Body, T? Document, ProblemResult? Problem)> ReadDocumentAsync<T>(
        HttpContext context,
        DeltaServerOptions options,
        DocumentReader<T> read,
        Func<T, RequestLimitOptions, ProblemResult?> checkLimits)
        where T : class
    {
        var (body, problem) = await ReadJsonAsync(context, options.MaxRequestBodySize).ConfigureAwait(false);
        if (problem is not null)
        {
            return (body, null, problem);
        }

        T document;
        try
        {
            document = read(body.Span);
        }
        catch (DeltaFormatException exception)
        {
            return (body, null, Unreadable(exception.Path, exception.Message));
        }

        return checkLimits(document, options.Limits) is { } overLimit ? (body, null, overLimit) : (body, document, null);
    }

    public static async Task<(ReadOnlyMemory<byte> Body, ProblemResult? Problem)> ReadJsonAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            return (default, new ProblemResult(StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, "Send the body as application/json."));
        }

        if (request.ContentLength > limit)
        {
            return (default, TooLarge(limit));
        }

        // Kestrel then refuses a longer chunked body itself (BadHttpRequestException 413), before it is buffered.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 4096, limit) + 1);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return (default, TooLarge(limit));
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return (default, ProblemResult.BadRequest("The request body is empty; send a JSON document."));
        }

        return (buffer.WrittenMemory, null);
    }

    public static ProblemResult TooLarge(long limit)
        => new(StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, string.Create(CultureInfo.InvariantCulture, $"The request body exceeds the limit of {limit} bytes."));

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static ProblemResult Unreadable(string? path, string message)
        => ProblemResult.BadRequest(
            $"The body is not a valid document: {message}",
            [new ProblemDiagnostic { Code = "json.invalid", Severity = DiagnosticSeverity.Error, Path = string.IsNullOrEmpty(path) ? "$" : path, Message = message }]);
}
