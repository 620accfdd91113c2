using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>The granularity of a <see cref="ReportingPeriod"/>, from the longest to the shortest.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ReportingPeriodKind>))]
public enum ReportingPeriodKind
{
    /// <summary>A calendar year, written <c>2024</c>.</summary>
    Year,

    /// <summary>A half year, written <c>2024-H1</c> or <c>2024-H2</c>.</summary>
    Half,

    /// <summary>A calendar quarter, written <c>2024-Q1</c> to <c>2024-Q4</c>.</summary>
    Quarter,

    /// <summary>A calendar month, written <c>2024-07</c>.</summary>
    Month,

    /// <summary>A single day, written <c>2024-07-25</c>.</summary>
    Day,
}
