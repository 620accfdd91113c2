namespace DeltaSdk.Tool.Conversion;

/// <summary>
/// The CSV columns of key tasks, one row per task. Lists of identifiers and tags are joined with ';'; milestones and
/// sources, which are records, are canonical JSON arrays in one cell. Titles and summaries hold zh-Hans and en.
/// </summary>
internal static class TaskColumns
{
    /// <summary>The task code.</summary>
    public const string Code = "code";

    /// <summary>The aspect id.</summary>
    public const string Aspect = "aspect";

    /// <summary>The Chinese title.</summary>
    public const string TitleZh = "title.zh-Hans";

    /// <summary>The English title.</summary>
    public const string TitleEn = "title.en";

    /// <summary>The Chinese summary.</summary>
    public const string SummaryZh = "summary.zh-Hans";

    /// <summary>The English summary.</summary>
    public const string SummaryEn = "summary.en";

    /// <summary>The lead agency ids.</summary>
    public const string LeadAgencies = "leadAgencies";

    /// <summary>The participating agency ids.</summary>
    public const string ParticipatingAgencies = "participatingAgencies";

    /// <summary>The region codes.</summary>
    public const string Regions = "regions";

    /// <summary>The region group ids.</summary>
    public const string RegionGroups = "regionGroups";

    /// <summary>The start of the time frame.</summary>
    public const string Start = "timeFrame.start";

    /// <summary>The end of the time frame.</summary>
    public const string End = "timeFrame.end";

    /// <summary>The tags.</summary>
    public const string Tags = "tags";

    /// <summary>The indicator ids.</summary>
    public const string Indicators = "indicators";

    /// <summary>The milestones, a JSON array.</summary>
    public const string Milestones = "milestones";

    /// <summary>The sources, a JSON array.</summary>
    public const string Sources = "sources";

    /// <summary>The notes.</summary>
    public const string Notes = "notes";

    /// <summary>Every column, in the order they are written.</summary>
    public static readonly string[] All =
    [
        Code, Aspect, TitleZh, TitleEn, SummaryZh, SummaryEn, LeadAgencies, ParticipatingAgencies, Regions, RegionGroups,
        Start, End, Tags, Indicators, Milestones, Sources, Notes,
    ];

    /// <summary>The columns a file must have.</summary>
    public static readonly string[] Required = [Code];
}
