namespace DeltaSdk.Validation;

/// <summary>
/// What makes an observation unique: one value per indicator, region (or group) and period. Indicators and
/// regions are numbered per batch, so that the key is small and hashes without touching strings.
/// </summary>
/// <param name="Indicator">The indicator's number in the batch.</param>
/// <param name="Target">Twice the region's number, or twice the group's number plus one.</param>
/// <param name="Period">The period.</param>
internal readonly record struct ObservationKey(int Indicator, int Target, ReportingPeriod Period);
