using System.Text.Json.Serialization;
using DeltaSdk.Serialization;

namespace DeltaSdk.Changes;

/// <summary>A count that a <see cref="CountChange"/> reports, declared by a plan or catalogued in a document.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<CountKind>))]
public enum CountKind
{
    /// <summary>The plan's <see cref="Plan.DeclaredAspectCount"/>.</summary>
    DeclaredAspects,

    /// <summary>How many aspects the plan lists.</summary>
    CataloguedAspects,

    /// <summary>The plan's <see cref="Plan.DeclaredTaskCount"/>, or an aspect's <see cref="Aspect.DeclaredTaskCount"/>.</summary>
    DeclaredTasks,

    /// <summary>The plan's <see cref="Plan.CataloguedTaskCount"/>, or how many tasks an aspect lists.</summary>
    CataloguedTasks,

    /// <summary>How many agencies the plan lists.</summary>
    Agencies,

    /// <summary>How many indicators the plan lists.</summary>
    Indicators,

    /// <summary>How many regions the region table lists.</summary>
    Regions,

    /// <summary>How many region groups the region table lists.</summary>
    RegionGroups,
}
