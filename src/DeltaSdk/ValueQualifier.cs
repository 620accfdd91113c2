using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>How an observed value relates to the true figure, as sources phrase it ("over 7,100 km").</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ValueQualifier>))]
public enum ValueQualifier
{
    /// <summary>The figure as stated.</summary>
    Exact,

    /// <summary>The true figure is more than the value ("over", "more than").</summary>
    MoreThan,

    /// <summary>The true figure is at least the value.</summary>
    AtLeast,

    /// <summary>The true figure is about the value.</summary>
    Approximately,

    /// <summary>The true figure is less than the value.</summary>
    LessThan,

    /// <summary>The true figure is at most the value.</summary>
    AtMost,
}
