namespace DeltaSdk.Analytics;

/// <summary>The target that drove an indicator status, as stated and as used.</summary>
public sealed record StatusTarget
{
    /// <summary>Gets the period by whose end the target applies.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Gets the target value in the indicator's unit (converted when the target was stated in another unit).</summary>
    public required double Value { get; init; }

    /// <summary>Gets the value as the target states it, when it is stated in another unit.</summary>
    public double? StatedValue { get; init; }

    /// <summary>Gets the unit the target is stated in, when it is not the indicator's.</summary>
    public string? StatedUnit { get; init; }

    /// <summary>Gets a value indicating whether every target of the scope ended before the as-of date, so that the last one was used.</summary>
    public bool IsPast { get; init; }
}
