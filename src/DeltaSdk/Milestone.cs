using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>A dated step of a key task.</summary>
public sealed record Milestone : ExtensibleRecord
{
    /// <summary>Gets the day the milestone is due.</summary>
    public required LocalDate DueOn { get; init; }

    /// <summary>Gets what the milestone is.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Gets the day it was reached, when it has been.</summary>
    public LocalDate? ReachedOn { get; init; }
}
