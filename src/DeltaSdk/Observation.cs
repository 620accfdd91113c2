using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>
/// A value of an indicator for one region, or one region group, in one reporting period. Exactly one of
/// <see cref="Region"/> and <see cref="RegionGroup"/> is set (validation checks it).
/// </summary>
public sealed record Observation : ExtensibleRecord
{
    /// <summary>Gets the indicator observed.</summary>
    public required IndicatorId Indicator { get; init; }

    /// <summary>Gets the region the value is for, when it is for one region.</summary>
    public RegionCode? Region { get; init; }

    /// <summary>Gets the region group the value is for (for example the whole delta), when it is for a group.</summary>
    public RegionGroupId? RegionGroup { get; init; }

    /// <summary>Gets the period the value is for.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Gets the value, in the indicator's unit.</summary>
    public required double Value { get; init; }

    /// <summary>Gets how the value relates to the true figure (sources often say "over").</summary>
    public ValueQualifier Qualifier { get; init; } = ValueQualifier.Exact;

    /// <summary>Gets how final the value is.</summary>
    public ObservationStatus Status { get; init; } = ObservationStatus.Final;

    /// <summary>Gets where the value comes from.</summary>
    public SourceReference? Source { get; init; }

    /// <summary>Gets a free-text note, for example a discrepancy between sources.</summary>
    public string? Notes { get; init; }

    /// <summary>
    /// Gets when a server recorded this value; set by the server on reads, ignored on submission (the server records
    /// the time of its own write instead).
    /// </summary>
    public Instant? RecordedAt { get; init; }

    /// <summary>
    /// Gets which revision of the observation (same indicator, region or group, and period) this value is: 1 for the
    /// first value a server recorded, one more for each correction after it. Set by the server on reads, ignored on
    /// submission.
    /// </summary>
    public int? Revision { get; init; }
}
