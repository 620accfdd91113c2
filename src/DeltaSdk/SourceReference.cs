using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>Where a fact from the outside world comes from: a publication, its publisher, address and date.</summary>
public sealed record SourceReference : ExtensibleRecord
{
    /// <summary>Gets the title of the publication, or a short description of it.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the publisher (for example <c>Xinhua</c> or <c>Shanghai Information Office</c>), when known.</summary>
    public string? Publisher { get; init; }

    /// <summary>Gets the address of the publication, when it has one.</summary>
    public Uri? Url { get; init; }

    /// <summary>Gets the date of publication, when known.</summary>
    public LocalDate? PublishedOn { get; init; }

    /// <summary>Gets how well this source supports the fact, when graded.</summary>
    public SourceConfidence? Confidence { get; init; }

    /// <summary>Gets a note on the source: a doubt, a discrepancy, or which part of the fact it supports.</summary>
    public string? Note { get; init; }
}
