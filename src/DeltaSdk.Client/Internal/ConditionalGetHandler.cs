using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Revalidates GET responses: sends <c>If-None-Match</c> with the ETag kept for the URL and, on
/// <c>304 Not Modified</c>, answers with the kept body as a <c>200</c>, so the layers above never see the 304.
/// Sits above the retry handler, so that a kept body is looked up once per call rather than per attempt.
/// </summary>
internal sealed class ConditionalGetHandler : DelegatingHandler
{
    private readonly ResponseCache _cache;
    private readonly ILogger _logger;

    public ConditionalGetHandler(ResponseCache cache, ILogger logger)
    {
        _cache = cache;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_cache.Capacity == 0 || request.Method != HttpMethod.Get || request.RequestUri is not { } uri || request.Headers.IfNoneMatch.Count > 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var key = uri.AbsoluteUri;
        var hasKept = _cache.TryGet(key, out var kept);
        if (hasKept)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", kept.ETag);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified && hasKept)
        {
            Log.ServedFromCache(_logger, uri.AbsolutePath);
            return Replay(request, response, kept);
        }

        if (response.StatusCode == HttpStatusCode.OK && response.Headers.ETag is { } etag)
        {
            // The retry handler has buffered the body, so reading it here leaves it readable for the deserializer.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            _cache.Set(key, new CachedResponse(etag.ToString(), body, response.Content.Headers.ContentType?.ToString()));
        }
        else if (hasKept && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            _cache.Remove(key);
        }

        return response;
    }

    private static HttpResponseMessage Replay(HttpRequestMessage request, HttpResponseMessage notModified, CachedResponse kept)
    {
        var replay = new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Version = notModified.Version,
            Content = new ByteArrayContent(kept.Body),
        };

        // The 304 carries the current validators and the request id; keep them rather than the old response's.
        foreach (var header in notModified.Headers)
        {
            replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (replay.Headers.ETag is null)
        {
            replay.Headers.TryAddWithoutValidation("ETag", kept.ETag);
        }

        if (kept.ContentType is not null && MediaTypeHeaderValue.TryParse(kept.ContentType, out var contentType))
        {
            replay.Content.Headers.ContentType = contentType;
        }

        notModified.Dispose();
        return replay;
    }
}
