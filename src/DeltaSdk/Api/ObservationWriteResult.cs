namespace DeltaSdk.Api;

/// <summary>What a posted observation batch changed: observations added, and stored ones replaced (same region or group and period).</summary>
public sealed record ObservationWriteResult
{
    /// <summary>Gets the indicator the observations are for.</summary>
    public required IndicatorId Indicator { get; init; }

    /// <summary>Gets how many observations were new.</summary>
    public required int Inserted { get; init; }

    /// <summary>Gets how many observations replaced a stored one for the same region or group and period.</summary>
    public required int Replaced { get; init; }
}
