namespace DeltaSdk.Server;

/// <summary>
/// Settings of the Plan API server, bound from the configuration section <c>DeltaServer</c>
/// (<see cref="SectionName"/>). Every property documents its default.
/// </summary>
public sealed class DeltaServerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "DeltaServer";

    /// <summary>The largest page size a client may ask for: 200.</summary>
    public const int MaxPageSizeLimit = 200;

    /// <summary>
    /// Gets the API keys that may call write endpoints. Default: none, so every write is refused with 401.
    /// Keys are compared in constant time and never logged.
    /// </summary>
    public IList<ApiKeyOptions> ApiKeys { get; } = [];

    /// <summary>Gets the storage settings (section <c>DeltaServer:Storage</c>): which store, and where its data is.</summary>
    public PlanStorageOptions Storage { get; } = new();

    /// <summary>Gets the bounds on the repeated parts of a write's body (section <c>DeltaServer:Limits</c>): observations per batch, languages, sources, unknown members.</summary>
    public RequestLimitOptions Limits { get; } = new();

    /// <summary>Gets or sets the page size used when a request gives none. Default: 50.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Gets or sets the largest page size a request may ask for; more is a 400. Default: 200 (<see cref="MaxPageSizeLimit"/>).</summary>
    public int MaxPageSize { get; set; } = MaxPageSizeLimit;

    /// <summary>Gets or sets the largest request body accepted, in bytes; more is a 413. Default: 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets how long an <c>Idempotency-Key</c> is remembered: a retry within this time returns the first
    /// response. Default: 24 hours.
    /// </summary>
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);
}
