using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Changes;

/// <summary>The kind of documents a <see cref="ChangeSet"/> compares.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChangeSubject>))]
public enum ChangeSubject
{
    /// <summary>Two <see cref="DeltaSdk.Plan"/> documents.</summary>
    Plan,

    /// <summary>Two <see cref="DeltaSdk.RegionTable"/> documents.</summary>
    RegionTable,
}
