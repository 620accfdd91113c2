using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>When a key task is to be carried out; either end may be unknown.</summary>
public sealed record TaskTimeFrame : ExtensibleRecord
{
    /// <summary>Gets the first day of work, when known.</summary>
    public LocalDate? Start { get; init; }

    /// <summary>Gets the day the task is due (inclusive), when known.</summary>
    public LocalDate? End { get; init; }
}
