using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>A statement of a key task's implementation state at a date, as an agency reports it.</summary>
public sealed record ProgressReport : ExtensibleRecord
{
    /// <summary>Gets the plan the task belongs to.</summary>
    public required PlanId Plan { get; init; }

    /// <summary>Gets the task reported on.</summary>
    public required TaskCode Task { get; init; }

    /// <summary>Gets the day the state was true.</summary>
    public required LocalDate ReportedOn { get; init; }

    /// <summary>Gets the reporting period the report belongs to, when it belongs to one.</summary>
    public ReportingPeriod? Period { get; init; }

    /// <summary>Gets the implementation state.</summary>
    public required ImplementationStatus Status { get; init; }

    /// <summary>Gets the share of the task done, 0 to 100, when estimated.</summary>
    public double? PercentComplete { get; init; }

    /// <summary>Gets the day the task was completed, for a completed task.</summary>
    public LocalDate? CompletedOn { get; init; }

    /// <summary>Gets what was done and what stands in the way.</summary>
    public LocalizedText? Narrative { get; init; }

    /// <summary>Gets the agency that reports.</summary>
    public AgencyId? ReportedBy { get; init; }

    /// <summary>Gets when a server recorded the report; set by the server, ignored on submission.</summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>Gets the sources that back the report.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];
}
