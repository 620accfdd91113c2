using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>The implementation state of a key task at a reporting date.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ImplementationStatus>))]
public enum ImplementationStatus
{
    /// <summary>Work has not begun; progress is 0%.</summary>
    NotStarted,

    /// <summary>Work is under way.</summary>
    InProgress,

    /// <summary>The task is done; progress is 100% and a completion date is given.</summary>
    Completed,

    /// <summary>Work is behind its time frame.</summary>
    Delayed,

    /// <summary>Work is on hold.</summary>
    Suspended,
}
