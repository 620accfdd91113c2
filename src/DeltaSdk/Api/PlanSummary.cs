using NodaTime;

namespace DeltaSdk.Api;

/// <summary>A plan as listed by <c>GET /v1/plans</c>: its identity, period and task counts, without aspects or tasks.</summary>
public sealed record PlanSummary
{
    /// <summary>Gets the plan's identifier.</summary>
    public required PlanId Id { get; init; }

    /// <summary>Gets the plan's title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Gets the first day the plan covers.</summary>
    public required LocalDate StartDate { get; init; }

    /// <summary>Gets the last day the plan covers (inclusive).</summary>
    public required LocalDate EndDate { get; init; }

    /// <summary>Gets how many key tasks the plan declares, when known.</summary>
    public int? DeclaredTaskCount { get; init; }

    /// <summary>Gets how many key tasks are catalogued.</summary>
    public required int CataloguedTaskCount { get; init; }

    /// <summary>Summarizes a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The summary.</returns>
    public static PlanSummary From(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanSummary
        {
            Id = plan.Id,
            Title = plan.Title,
            StartDate = plan.StartDate,
            EndDate = plan.EndDate,
            DeclaredTaskCount = plan.DeclaredTaskCount,
            CataloguedTaskCount = plan.CataloguedTaskCount,
        };
    }
}
