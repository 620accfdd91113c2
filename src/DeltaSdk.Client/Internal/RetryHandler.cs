using System.Net;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Retries transient failures with capped exponential back-off and equal jitter, honours <c>Retry-After</c>, and
/// bounds each attempt with <see cref="DeltaClientOptions.AttemptTimeout"/>. A request is replayed only when that
/// is safe: GET, HEAD, OPTIONS, PUT and DELETE, or a request with an <c>Idempotency-Key</c> (the client gives one
/// to every POST, the same across its attempts).
/// </summary>
/// <remarks>
/// Hand-written rather than built on Polly: the policy is small and fixed, and a library that NodaTime or Npgsql
/// users would pull in should not drag Polly, the resilience and telemetry packages and their transitive closure
/// into every application. Applications that want Polly can add it to the <c>IHttpClientBuilder</c> that
/// <c>AddDeltaClient</c> returns and set <see cref="DeltaClientOptions.MaxRetries"/> to 0.
/// </remarks>
internal sealed class RetryHandler : DelegatingHandler
{
    private readonly DeltaClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public RetryHandler(DeltaClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var replayable = _options.MaxRetries > 0 && IsReplayable(request);
        if (replayable && request.Content is not null)
        {
            // A buffered body can be sent again on the next attempt.
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var canRetry = replayable && attempt <= _options.MaxRetries;
            HttpResponseMessage? response = null;
            Exception? failure;
            using (var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            using (_options.AttemptTimeout == Timeout.InfiniteTimeSpan ? null : _timeProvider.CreateTimer(static state => Cancel(state), attemptCancellation, _options.AttemptTimeout, Timeout.InfiniteTimeSpan))
            {
                try
                {
                    response = await base.SendAsync(request, attemptCancellation.Token).ConfigureAwait(false);
                    await BufferAsync(response, attemptCancellation.Token).ConfigureAwait(false);
                    failure = null;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransportFailure(exception, attemptCancellation))
                {
                    response?.Dispose();
                    failure = attemptCancellation.IsCancellationRequested
                        ? new TimeoutException($"The attempt did not complete within {_options.AttemptTimeout.TotalSeconds:0.###} s (AttemptTimeout).", exception)
                        : exception;
                }
            }

            if (failure is not null)
            {
                if (!canRetry)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }

                var wait = Backoff(attempt);
                Log.RetryingAfterFailure(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, attempt, failure.GetType().Name, wait.TotalMilliseconds);
                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!canRetry || !IsTransient(response!.StatusCode))
            {
                return response!;
            }

            var retryAfter = RetryAfter(response);
            if (retryAfter > _options.MaxRetryDelay)
            {
                // Waiting less than the server asked for would only fail again; let the caller decide.
                return response;
            }

            var delay = retryAfter ?? Backoff(attempt);
            Log.RetryingAfterStatus(_logger, request.Method.Method, request.RequestUri?.AbsolutePath, attempt, (int)response.StatusCode, delay.TotalMilliseconds);
            response.Dispose();
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static bool IsReplayable(HttpRequestMessage request)
        => request.Method == HttpMethod.Get
           || request.Method == HttpMethod.Head
           || request.Method == HttpMethod.Options
           || request.Method == HttpMethod.Put
           || request.Method == HttpMethod.Delete
           || request.Headers.Contains(DeltaHeaders.IdempotencyKey);

    internal static bool IsTransient(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
           || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    internal TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Exponential back-off with equal jitter: between half and all of base × 2^(attempt-1), capped.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, _options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    private static bool IsTransportFailure(Exception exception, CancellationTokenSource attemptCancellation)
        => exception is HttpRequestException or IOException
           || (exception is OperationCanceledException or ObjectDisposedException && attemptCancellation.IsCancellationRequested);

    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Reading the body inside the attempt puts it under the attempt's time limit and its retries.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Cancel(object? state)
    {
        try
        {
            ((CancellationTokenSource)state!).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt finished while the timer fired.
        }
    }
}
