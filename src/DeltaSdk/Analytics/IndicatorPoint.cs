namespace DeltaSdk.Analytics;

/// <summary>One value of an indicator series: a period and the value for it, in the indicator's unit.</summary>
/// <param name="Period">The period the value is for.</param>
/// <param name="Value">The value.</param>
public readonly record struct IndicatorPoint(ReportingPeriod Period, double Value);
