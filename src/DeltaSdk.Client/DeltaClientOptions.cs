namespace DeltaSdk.Client;

/// <summary>
/// Settings of a <see cref="DeltaClient"/>: where the Plan API is, the API key for writes, and how hard to try.
/// Bind them from configuration (for example a <c>DeltaClient</c> section) through
/// <c>services.AddDeltaClient(configuration.GetSection("DeltaClient"))</c>; they are validated when the
/// application starts (or, without a host, when the client is first resolved).
/// </summary>
/// <remarks>
/// A call makes at most <see cref="MaxRetries"/> + 1 attempts. Attempt <c>n</c> (1-based) waits
/// <see cref="RetryBaseDelay"/> × 2^(n-1), with equal jitter (between half and all of it), capped at
/// <see cref="MaxRetryDelay"/>; a <c>Retry-After</c> header replaces that wait, and a server that asks for more
/// than <see cref="MaxRetryDelay"/> is not retried (the error surfaces with <see cref="DeltaApiException.RetryAfter"/>).
/// Retried: 408, 429 and 5xx responses other than 501 and 505, connection failures and attempt time-outs, for GET
/// and for a POST that carries an <c>Idempotency-Key</c> (the client adds one to each POST). These settings build the
/// client's Polly pipeline; after <c>RemoveDeltaResilienceHandler()</c> the retry and time-out settings have no effect.
/// </remarks>
public sealed class DeltaClientOptions
{
    /// <summary>The default of <see cref="AttemptTimeout"/>: 20 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The default of <see cref="OverallTimeout"/>: 60 seconds.</summary>
    public static readonly TimeSpan DefaultOverallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default of <see cref="RetryBaseDelay"/>: 500 milliseconds.</summary>
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The default of <see cref="MaxRetryDelay"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="MaxRetries"/>: 3 (so at most 4 attempts).</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>The largest accepted <see cref="MaxRetries"/>: 10.</summary>
    public const int MaxRetriesLimit = 10;

    /// <summary>The default of <see cref="ResponseCacheCapacity"/>: 256 responses.</summary>
    public const int DefaultResponseCacheCapacity = 256;

    /// <summary>
    /// Gets or sets the absolute base address of the Plan API, for example <c>http://127.0.0.1:5080/</c>
    /// (the paths <c>/v1/...</c> are resolved against its host and port). Required; http or https.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>
    /// Gets or sets the API key sent as <c>X-Api-Key</c>; writes need one, reads do not. Default: none.
    /// The client never logs it and removes it from the error bodies it keeps.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the longest one attempt (request, response headers and body) may take before it is abandoned
    /// and, if retries remain, retried. Default: <see cref="DefaultAttemptTimeout"/>. Must be positive, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit; <see cref="OverallTimeout"/> still bounds the whole call.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// Gets or sets the longest a whole operation (every attempt and every wait between them) may take; it then
    /// fails with a <see cref="DeltaTransportException"/> whose <see cref="DeltaTransportException.IsTimeout"/> is
    /// <see langword="true"/>. Default: <see cref="DefaultOverallTimeout"/>. Must be positive, or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit (the caller's token then decides).
    /// </summary>
    public TimeSpan OverallTimeout { get; set; } = DefaultOverallTimeout;

    /// <summary>
    /// Gets or sets how many times a failed attempt is retried; 0 turns retries off.
    /// Default: <see cref="DefaultMaxRetries"/>. Range 0 to <see cref="MaxRetriesLimit"/>.
    /// </summary>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>
    /// Gets or sets the wait before the first retry, doubled for each further one (before jitter).
    /// Default: <see cref="DefaultRetryBaseDelay"/>. Must not be negative nor more than <see cref="MaxRetryDelay"/>.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = DefaultRetryBaseDelay;

    /// <summary>
    /// Gets or sets the longest wait between two attempts, whether computed or asked for by <c>Retry-After</c>.
    /// Default: <see cref="DefaultMaxRetryDelay"/>. Must not be negative.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>
    /// Gets or sets how many GET responses (by URL) the client keeps with their <c>ETag</c> to revalidate with
    /// <c>If-None-Match</c>; a <c>304 Not Modified</c> is then answered from the kept body. 0 turns the cache off.
    /// Default: <see cref="DefaultResponseCacheCapacity"/>. Must not be negative.
    /// </summary>
    public int ResponseCacheCapacity { get; set; } = DefaultResponseCacheCapacity;

    /// <summary>A copy, so that a client built with <c>new</c> is not changed by later changes to the caller's instance.</summary>
    internal DeltaClientOptions Clone() => (DeltaClientOptions)MemberwiseClone();
}
