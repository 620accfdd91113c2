namespace DeltaSdk.Tool.Conversion;

/// <summary>Turns key tasks into rows of <see cref="TaskColumns"/> and back.</summary>
internal static class TaskRows
{
    /// <summary>Gets the cells of a task, in <see cref="TaskColumns.All"/> order.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The cells.</returns>
    public static string?[] ToCells(KeyTask task)
    {
        var extra = task.Title.Keys.Concat(task.Summary?.Keys ?? []).FirstOrDefault(static k => k is not (LocalizedText.English or LocalizedText.SimplifiedChinese));
        if (extra is not null)
        {
            throw new ToolException($"Task {task.Code} has text in '{extra}', which the CSV columns (zh-Hans and en) do not hold; keep it in JSON.");
        }

        return
        [
            task.Code.ToString(),
            task.Aspect?.ToString(),
            task.Title.GetExact(LocalizedText.SimplifiedChinese),
            task.Title.GetExact(LocalizedText.English),
            task.Summary?.GetExact(LocalizedText.SimplifiedChinese),
            task.Summary?.GetExact(LocalizedText.English),
            CellFormats.List(task.LeadAgencies),
            CellFormats.List(task.ParticipatingAgencies),
            CellFormats.List(task.Regions),
            CellFormats.List(task.RegionGroups),
            task.TimeFrame?.Start is { } start ? CellFormats.Date(start) : null,
            task.TimeFrame?.End is { } end ? CellFormats.Date(end) : null,
            CellFormats.List(task.Tags),
            CellFormats.List(task.Indicators),
            CellFormats.JsonList(task.Milestones),
            CellFormats.JsonList(task.Sources),
            task.Notes,
        ];
    }

    /// <summary>Reads the task of the current record.</summary>
    /// <param name="row">The reader, on a record.</param>
    /// <returns>The task.</returns>
    public static KeyTask FromRecord(CsvRecordReader row)
    {
        var titleZh = row.Get(TaskColumns.TitleZh);
        var titleEn = row.Get(TaskColumns.TitleEn);
        if (titleZh is null && titleEn is null)
        {
            throw row.Error(TaskColumns.TitleZh, $"a task needs a title: fill in '{TaskColumns.TitleZh}', '{TaskColumns.TitleEn}' or both.");
        }

        var summaryZh = row.Get(TaskColumns.SummaryZh);
        var summaryEn = row.Get(TaskColumns.SummaryEn);
        var start = row.OptionalValue(TaskColumns.Start, CellFormats.ParseDate, "a date");
        var end = row.OptionalValue(TaskColumns.End, CellFormats.ParseDate, "a date");
        return new KeyTask
        {
            Code = row.RequiredValue(TaskColumns.Code, TaskCode.Parse, "a task code"),
            Aspect = row.OptionalValue(TaskColumns.Aspect, AspectId.Parse, "an aspect id"),
            Title = LocalizedText.Create(titleZh, titleEn),
            Summary = summaryZh is null && summaryEn is null ? null : LocalizedText.Create(summaryZh, summaryEn),
            LeadAgencies = row.Optional(TaskColumns.LeadAgencies, static t => new Boxed<AgencyId>(CellFormats.ParseList(t, AgencyId.Parse)), "agency ids separated by ';'")?.Items ?? [],
            ParticipatingAgencies = row.Optional(TaskColumns.ParticipatingAgencies, static t => new Boxed<AgencyId>(CellFormats.ParseList(t, AgencyId.Parse)), "agency ids separated by ';'")?.Items ?? [],
            Regions = row.Optional(TaskColumns.Regions, static t => new Boxed<RegionCode>(CellFormats.ParseList(t, RegionCode.Parse)), "region codes separated by ';'")?.Items ?? [],
            RegionGroups = row.Optional(TaskColumns.RegionGroups, static t => new Boxed<RegionGroupId>(CellFormats.ParseList(t, RegionGroupId.Parse)), "region group ids separated by ';'")?.Items ?? [],
            TimeFrame = start is null && end is null ? null : new TaskTimeFrame { Start = start, End = end },
            Tags = row.Optional(TaskColumns.Tags, static t => new Boxed<string>(CellFormats.ParseList(t, static s => s)), "tags separated by ';'")?.Items ?? [],
            Indicators = row.Optional(TaskColumns.Indicators, static t => new Boxed<IndicatorId>(CellFormats.ParseList(t, IndicatorId.Parse)), "indicator ids separated by ';'")?.Items ?? [],
            Milestones = row.Optional(TaskColumns.Milestones, static t => new Boxed<Milestone>(CellFormats.ParseJsonList<Milestone>(t)), "a JSON array of milestones")?.Items ?? [],
            Sources = row.Optional(TaskColumns.Sources, static t => new Boxed<SourceReference>(CellFormats.ParseJsonList<SourceReference>(t)), "a JSON array of sources")?.Items ?? [],
            Notes = row.Get(TaskColumns.Notes),
        };
    }
}
