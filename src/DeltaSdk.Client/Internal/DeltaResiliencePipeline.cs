using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace DeltaSdk.Client.Internal;

/// <summary>
/// Builds the client's Polly pipeline from <see cref="DeltaClientOptions"/>: an overall time-out around retries
/// around a per-attempt time-out (the order of <c>AddStandardResilienceHandler</c>, without its circuit breaker).
/// </summary>
/// <remarks>
/// Retries transient failures with capped exponential back-off and equal jitter, and honours <c>Retry-After</c>
/// (a server asking for more than <see cref="DeltaClientOptions.MaxRetryDelay"/> is not retried). A request is
/// replayed only when that is safe: GET, HEAD, OPTIONS, PUT and DELETE, or a request with an <c>Idempotency-Key</c>
/// (the client gives one to every POST, the same across its attempts). Built on Polly.Core alone, the smallest
/// package that has these strategies: no telemetry or DI packages come along.
/// </remarks>
internal static class DeltaResiliencePipeline
{
    /// <summary>The request being sent, so that the retry predicate can tell whether it may be replayed.</summary>
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("DeltaSdk.Client.Request");

    /// <summary>Which limit ended the call: <c>OverallTimeout</c> or <c>AttemptTimeout</c>, named as the options are.</summary>
    internal static readonly ResiliencePropertyKey<string> TimedOutKey = new("DeltaSdk.Client.TimedOut");

    /// <summary>Builds the pipeline.</summary>
    /// <param name="options">The options (validated).</param>
    /// <param name="timeProvider">The clock the waits and time-outs run on.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Create(DeltaClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = DeltaClient.HttpClientName, TimeProvider = timeProvider };
        if (options.OverallTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "OverallTimeout", Timeout = options.OverallTimeout, OnTimeout = static args => Mark(args, "OverallTimeout") });
        }

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),

                // Polly's attempt number counts from 0; the back-off counts retries from 1.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Result, timeProvider) ?? Backoff(options, args.AttemptNumber + 1)),
                OnRetry = args =>
                {
                    LogRetry(logger, args);
                    return default;
                },
            });
        }

        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout, OnTimeout = static args => Mark(args, "AttemptTimeout") });
        }

        return builder.Build();
    }

    /// <summary>Whether a request may be sent again: safe methods, or a POST with an <c>Idempotency-Key</c>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>Whether it may be replayed.</returns>
    internal static bool IsReplayable(HttpRequestMessage request)
        => request.Method == HttpMethod.Get
           || request.Method == HttpMethod.Head
           || request.Method == HttpMethod.Options
           || request.Method == HttpMethod.Put
           || request.Method == HttpMethod.Delete
           || request.Headers.Contains(DeltaHeaders.IdempotencyKey);

    /// <summary>Whether a status is worth another attempt: 408, 429 and 5xx other than 501 and 505.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Whether it is transient.</returns>
    internal static bool IsTransient(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
           || ((int)status >= 500 && status is not HttpStatusCode.NotImplemented and not HttpStatusCode.HttpVersionNotSupported);

    /// <summary>The wait a <c>Retry-After</c> header asks for, never negative; <see langword="null"/> without one.</summary>
    /// <param name="response">The response, if any.</param>
    /// <param name="timeProvider">The clock an HTTP date is measured against.</param>
    /// <returns>The wait.</returns>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Exponential back-off with equal jitter: between half and all of base × 2^(retry-1), capped at <see cref="DeltaClientOptions.MaxRetryDelay"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="retry">The retry, from 1.</param>
    /// <returns>The wait.</returns>
    internal static TimeSpan Backoff(DeltaClientOptions options, int retry)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, DeltaClientOptions options, TimeProvider timeProvider)
    {
        if (context.CancellationToken.IsCancellationRequested
            || !context.Properties.TryGetValue(RequestKey, out var request)
            || !IsReplayable(request))
        {
            return false;
        }

        if (outcome.Exception is { } exception)
        {
            // Connection failures and abandoned attempts; the caller's cancellation and the overall limit never reach here.
            return exception is HttpRequestException or IOException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (!IsTransient(response.StatusCode))
        {
            return false;
        }

        // Waiting less than the server asked for would only fail again: a longer Retry-After surfaces to the caller.
        return !(RetryAfter(response, timeProvider) > options.MaxRetryDelay);
    }

    private static ValueTask Mark(OnTimeoutArguments args, string limit)
    {
        args.Context.Properties.Set(TimedOutKey, limit);
        return default;
    }

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        args.Context.Properties.TryGetValue(RequestKey, out var request);
        var method = request?.Method.Method ?? "?";
        var path = request?.RequestUri?.AbsolutePath;
        var attempt = args.AttemptNumber + 1;
        if (args.Outcome.Result is { } response)
        {
            Log.RetryingAfterStatus(logger, method, path, attempt, (int)response.StatusCode, args.RetryDelay.TotalMilliseconds);
        }
        else
        {
            var failure = args.Outcome.Exception?.GetType().Name ?? "unknown";
            Log.RetryingAfterFailure(logger, method, path, attempt, failure, args.RetryDelay.TotalMilliseconds);
        }
    }

    /// <summary>The message of a time-out, naming the option that set the limit.</summary>
    /// <param name="limit">The option's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The message.</returns>
    internal static string TimeoutMessage(string limit, TimeSpan value)
        => string.Create(CultureInfo.InvariantCulture, $"The {(limit == "AttemptTimeout" ? "attempt" : "call")} did not complete within {value.TotalSeconds:0.###} s ({limit}).");
}
