namespace DeltaSdk.Server.Storage;

/// <summary>An indicator with the version its observations are at.</summary>
public sealed record StoredIndicator
{
    /// <summary>Gets the indicator.</summary>
    public required Indicator Indicator { get; init; }

    /// <summary>Gets the version: 1 before any observation write, one more after each, whatever instance made it.</summary>
    public required long Version { get; init; }
}
