using DeltaSdk.Api;

namespace DeltaSdk.Server.Storage;

/// <summary>An observation batch a store has just recorded, and the indicator's version after it.</summary>
public sealed record AddedObservations
{
    /// <summary>Gets what the batch changed: observations that were new, and those that got a further revision.</summary>
    public required ObservationWriteResult Counts { get; init; }

    /// <summary>Gets the indicator's new version, which the next write names in <c>If-Match</c>.</summary>
    public required long IndicatorVersion { get; init; }
}
