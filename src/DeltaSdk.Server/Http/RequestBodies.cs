using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DeltaSdk.Server.Http;

/// <summary>Reads a JSON request body whole, within the configured size limit.</summary>
internal static class RequestBodies
{
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
}
