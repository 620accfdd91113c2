using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>Which way an indicator's values improve.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<IndicatorDirection>))]
public enum IndicatorDirection
{
    /// <summary>Larger values are better (for example kilometres of railway).</summary>
    HigherIsBetter,

    /// <summary>Smaller values are better (for example PM2.5 concentration).</summary>
    LowerIsBetter,

    /// <summary>Values inside a band are on target; a target gives its lower and upper bounds.</summary>
    TargetBand,
}
