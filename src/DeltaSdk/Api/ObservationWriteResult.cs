namespace DeltaSdk.Api;

/// <summary>What a posted observation batch changed: observations that were new, and stored ones (same region or group and period) that got a further revision; the earlier values are kept.</summary>
public sealed record ObservationWriteResult
{
    /// <summary>Gets the indicator the observations are for.</summary>
    public required IndicatorId Indicator { get; init; }

    /// <summary>Gets how many observations were new.</summary>
    public required int Inserted { get; init; }

    /// <summary>Gets how many observations were corrections: the next revision of a stored one for the same region or group and period, whose earlier values stay readable.</summary>
    public required int Replaced { get; init; }
}
