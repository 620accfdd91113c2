using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>How final an observed value is.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ObservationStatus>))]
public enum ObservationStatus
{
    /// <summary>Published as final by its source.</summary>
    Final,

    /// <summary>Published but liable to revision.</summary>
    Provisional,

    /// <summary>Estimated rather than measured.</summary>
    Estimated,
}
