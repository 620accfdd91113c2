namespace DeltaSdk.Server;

/// <summary>
/// Bounds on the repeated parts of a write's body, bound from <c>DeltaServer:Limits</c>, so that the work and the
/// stored size of one request stay bounded below the byte limit (<see cref="DeltaServerOptions.MaxRequestBodySize"/>)
/// too. A body over a bound is refused with a 400 problem whose detail and diagnostic name the bound and its setting.
/// Every property documents its default.
/// </summary>
public sealed class RequestLimitOptions
{
    /// <summary>Gets or sets how many observations one batch (<c>POST .../observations</c>) may hold. Default: 1000.</summary>
    public int MaxObservationsPerBatch { get; set; } = 1000;

    /// <summary>Gets or sets how many language tags one localized text (a report's <c>narrative</c>) may hold. Default: 16.</summary>
    public int MaxLanguages { get; set; } = 16;

    /// <summary>Gets or sets how many <c>sources</c> one progress report may cite. Default: 32.</summary>
    public int MaxSources { get; set; } = 32;

    /// <summary>
    /// Gets or sets how many members the model does not know (kept as extension data) one object of a body may carry.
    /// Default: 32.
    /// </summary>
    public int MaxExtensionMembers { get; set; } = 32;
}
