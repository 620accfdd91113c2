namespace DeltaSdk.Validation;

/// <summary>What makes an observation unique: one value per indicator, region (or group) and period.</summary>
internal readonly record struct ObservationKey(IndicatorId Indicator, RegionCode? Region, RegionGroupId? Group, ReportingPeriod Period);
