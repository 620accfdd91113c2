using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>Whether a plan's catalogue of key tasks claims to list every task the plan declares.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CatalogueCompleteness>))]
public enum CatalogueCompleteness
{
    /// <summary>The catalogue lists only the tasks public sources describe; declared counts may exceed catalogued ones, and that gap is data.</summary>
    Partial,

    /// <summary>The catalogue claims to list every declared task; any count mismatch is an error.</summary>
    Complete,
}
