using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Validation;

/// <summary>The group a rule belongs to; built-in codes encode it in their first digit (<c>DLT1xxx</c> to <c>DLT7xxx</c>).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<RuleCategory>))]
public enum RuleCategory
{
    /// <summary><c>DLT1xxx</c>: the document's syntax and shape, identifiers, duplicates and names.</summary>
    Structure,

    /// <summary><c>DLT2xxx</c>: references to aspects, regions, region groups, agencies, indicators, tasks and plans resolve.</summary>
    Reference,

    /// <summary><c>DLT3xxx</c>: dates and periods are ordered and inside the plan period, and nothing is dated in the future.</summary>
    Time,

    /// <summary><c>DLT4xxx</c>: implementation status agrees with progress and completion dates.</summary>
    Status,

    /// <summary><c>DLT5xxx</c>: declared counts agree with what is catalogued.</summary>
    Count,

    /// <summary><c>DLT6xxx</c>: indicator definitions, targets and observations.</summary>
    Indicator,

    /// <summary><c>DLT7xxx</c>: facts from the outside world name their sources.</summary>
    Provenance,

    /// <summary>A rule added by the application (see <see cref="IValidationRule{TDocument}"/>).</summary>
    Custom,
}
