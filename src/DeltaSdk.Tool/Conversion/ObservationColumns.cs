namespace DeltaSdk.Tool.Conversion;

/// <summary>
/// The CSV columns of observations, one row per observation, named after the JSON members (a nested member as
/// <c>source.title</c>). Documented in docs/articles/command-line.md; unknown JSON members are not held.
/// </summary>
internal static class ObservationColumns
{
    /// <summary>The indicator id.</summary>
    public const string Indicator = "indicator";

    /// <summary>The region code (or empty, when the value is for a group).</summary>
    public const string Region = "region";

    /// <summary>The region group id (or empty).</summary>
    public const string RegionGroup = "regionGroup";

    /// <summary>The reporting period.</summary>
    public const string Period = "period";

    /// <summary>The value.</summary>
    public const string Value = "value";

    /// <summary>The qualifier (empty for exact).</summary>
    public const string Qualifier = "qualifier";

    /// <summary>The status (empty for final).</summary>
    public const string Status = "status";

    /// <summary>The source's title.</summary>
    public const string SourceTitle = "source.title";

    /// <summary>The source's publisher.</summary>
    public const string SourcePublisher = "source.publisher";

    /// <summary>The source's URL.</summary>
    public const string SourceUrl = "source.url";

    /// <summary>The source's publication date.</summary>
    public const string SourcePublishedOn = "source.publishedOn";

    /// <summary>The source's confidence.</summary>
    public const string SourceConfidence = "source.confidence";

    /// <summary>The note on the source.</summary>
    public const string SourceNote = "source.note";

    /// <summary>The observation's notes.</summary>
    public const string Notes = "notes";

    /// <summary>Every column, in the order they are written.</summary>
    public static readonly string[] All =
    [
        Indicator, Region, RegionGroup, Period, Value, Qualifier, Status,
        SourceTitle, SourcePublisher, SourceUrl, SourcePublishedOn, SourceConfidence, SourceNote, Notes,
    ];

    /// <summary>The columns a file must have.</summary>
    public static readonly string[] Required = [Indicator, Period, Value];

    /// <summary>The index of the one numeric column, written as a number in spreadsheets.</summary>
    public static readonly int ValueIndex = Array.IndexOf(All, Value);
}
