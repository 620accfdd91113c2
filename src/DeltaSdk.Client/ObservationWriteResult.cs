namespace DeltaSdk.Client;

/// <summary>What a posted observation batch changed: observations added, and stored ones replaced (same region or group and period).</summary>
public sealed record ObservationWriteResult
{
    /// <summary>Gets the indicator written to.</summary>
    public required IndicatorId Indicator { get; init; }

    /// <summary>Gets the number of observations added.</summary>
    public required int Inserted { get; init; }

    /// <summary>Gets the number of stored observations replaced.</summary>
    public required int Replaced { get; init; }
}
