using NodaTime;

namespace DeltaSdk.Client;

/// <summary>A plan as listed by <c>GET /v1/plans</c>: its identity, period and size, without its aspects and tasks.</summary>
public sealed record PlanSummary
{
    /// <summary>Gets the plan's identifier.</summary>
    public required PlanId Id { get; init; }

    /// <summary>Gets the plan's title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Gets the first day of the plan's period.</summary>
    public required LocalDate StartDate { get; init; }

    /// <summary>Gets the last day of the plan's period.</summary>
    public required LocalDate EndDate { get; init; }

    /// <summary>Gets the number of key tasks the plan declares, when it declares one.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets the number of key tasks the server holds for the plan.</summary>
    public required int CataloguedTaskCount { get; init; }
}
