using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Analytics;

/// <summary>Why an indicator status is <see cref="IndicatorProgressStatus.NotAvailable"/>.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<StatusNotAvailableReason>))]
public enum StatusNotAvailableReason
{
    /// <summary>No observation for the indicator and region is dated at or before the as-of date.</summary>
    NoObservations,

    /// <summary>The base and the latest value are one observation (or the same period): a growth rate needs two points in time.</summary>
    FewerThanTwoObservations,

    /// <summary>The base and the latest value have opposite signs, so no compound growth rate exists (Open SDG's sign guard).</summary>
    SignChange,

    /// <summary>The target and the base have opposite signs, so the required growth rate does not exist.</summary>
    TargetSignDiffers,

    /// <summary>The target's period does not end after the base period.</summary>
    TargetNotAfterBase,

    /// <summary>The target equals the base value: the required growth rate is zero and the ratio undefined.</summary>
    RequiredGrowthZero,

    /// <summary>The declared baseline is dated after the latest observation.</summary>
    BaseAfterLatestObservation,

    /// <summary>A target is stated in a unit this library does not know, or the indicator's unit is unknown, so the target cannot be converted.</summary>
    UnknownUnit,

    /// <summary>A target is stated in a unit of another dimension than the indicator's.</summary>
    IncompatibleUnits,

    /// <summary>The indicator's direction is <see cref="IndicatorDirection.TargetBand"/>, which the measure does not define.</summary>
    UnsupportedDirection,

    /// <summary>The computation gave no finite number (values too extreme for a growth rate).</summary>
    NonFiniteResult,
}
