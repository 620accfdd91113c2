using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>
/// A multi-year action plan: its identity and period, what it declares (aspect and key-task counts), and what is
/// catalogued of it (aspects with their known tasks, tasks whose aspect no source states, agencies, indicators).
/// </summary>
/// <remarks>
/// Declared and catalogued counts are kept apart on purpose: a public catalogue may know fewer tasks than a plan
/// declares, and that gap is data (<see cref="CataloguedTaskCount"/> against <see cref="DeclaredTaskCount"/>).
/// </remarks>
public sealed record Plan : ExtensibleRecord
{
    /// <summary>Gets the plan's identifier.</summary>
    public required PlanId Id { get; init; }

    /// <summary>Gets the plan's title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Gets the first day the plan covers.</summary>
    public required LocalDate StartDate { get; init; }

    /// <summary>Gets the last day the plan covers (inclusive).</summary>
    public required LocalDate EndDate { get; init; }

    /// <summary>Gets the body that issued the plan, one of <see cref="Agencies"/>, when known.</summary>
    public AgencyId? IssuedBy { get; init; }

    /// <summary>Gets the day the plan was made public, when known.</summary>
    public LocalDate? AnnouncedOn { get; init; }

    /// <summary>Gets how many aspects the plan declares, when known.</summary>
    public int? DeclaredAspectCount { get; init; }

    /// <summary>Gets how many key tasks the plan declares, when known.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets whether the task catalogue claims to be complete.</summary>
    public CatalogueCompleteness CatalogueCompleteness { get; init; } = CatalogueCompleteness.Partial;

    /// <summary>Gets the aspects, each with the tasks sources place in it.</summary>
    public ImmutableArray<Aspect> Aspects { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the catalogued tasks whose aspect no source states.</summary>
    public ImmutableArray<KeyTask> UnassignedTasks { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the agencies and bodies the plan and its tasks refer to.</summary>
    public ImmutableArray<Agency> Agencies { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the indicators that measure the plan.</summary>
    public ImmutableArray<Indicator> Indicators { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the sources of the plan's identity and counts.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note, for example what is known to be missing.</summary>
    public string? Notes { get; init; }

    /// <summary>Gets the plan period as a NodaTime interval.</summary>
    [JsonIgnore]
    public DateInterval Period => new(StartDate, EndDate);

    /// <summary>Gets every catalogued task: those of each aspect in order, then the unassigned ones.</summary>
    [JsonIgnore]
    public IEnumerable<KeyTask> AllTasks => Aspects.SelectMany(static a => a.Tasks).Concat(UnassignedTasks);

    /// <summary>Gets how many tasks are catalogued, assigned or not.</summary>
    [JsonIgnore]
    public int CataloguedTaskCount => Aspects.Sum(static a => a.Tasks.Length) + UnassignedTasks.Length;
}
