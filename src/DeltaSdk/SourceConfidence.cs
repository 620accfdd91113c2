using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>How well a fact is supported by its sources, as the compiled fact sheets grade it.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<SourceConfidence>))]
public enum SourceConfidence
{
    /// <summary>Stated by an official source, or by two or more independent sources that agree.</summary>
    Confirmed,

    /// <summary>One reasonable source, or a reprint of an official source on a third-party site.</summary>
    Medium,

    /// <summary>A weak source, or a detail that sources disagree on; the doubt is recorded with the fact.</summary>
    Low,
}
