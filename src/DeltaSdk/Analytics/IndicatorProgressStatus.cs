using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Analytics;

/// <summary>The progress categories of the Open SDG progress measure, best first.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<IndicatorProgressStatus>))]
public enum IndicatorProgressStatus
{
    /// <summary>The latest value has reached the target that drives the status.</summary>
    TargetAchieved,

    /// <summary>At or above the high threshold (ratio 0.95 with a target; growth 1.5% a year without).</summary>
    SubstantialProgress,

    /// <summary>At or above the middle threshold (ratio 0.60; growth 0.5% a year), below the high one.</summary>
    ModerateProgress,

    /// <summary>At or above zero, below the middle threshold: moving the right way, too slowly.</summary>
    LimitedProgress,

    /// <summary>Below zero: moving away from the target or the desired direction.</summary>
    Deterioration,

    /// <summary>The measure cannot be computed; <see cref="IndicatorStatus.NotAvailableReason"/> says why.</summary>
    NotAvailable,
}
