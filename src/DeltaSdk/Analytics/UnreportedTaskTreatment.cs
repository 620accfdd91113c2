using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Analytics;

/// <summary>How a roll-up counts the tasks in scope that have no figure (no report, or a report without a percentage or a telling status).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<UnreportedTaskTreatment>))]
public enum UnreportedTaskTreatment
{
    /// <summary>A task without a figure counts as 0% done: the percentage never exceeds what is reported (the default).</summary>
    CountedAsZero,

    /// <summary>Tasks without a figure are left out of the percentage; read it together with the coverage.</summary>
    Excluded,
}
