using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk;

/// <summary>A key task (重点任务) of a plan: what is to be done, by whom, where and when, and how it is measured.</summary>
public sealed record KeyTask : ExtensibleRecord
{
    /// <summary>Gets the task's code, unique within its plan.</summary>
    public required TaskCode Code { get; init; }

    /// <summary>Gets the aspect the task belongs to, or <see langword="null"/> when no source states it.</summary>
    public AspectId? Aspect { get; init; }

    /// <summary>Gets the task's title.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>Gets a longer description, when there is one.</summary>
    public LocalizedText? Summary { get; init; }

    /// <summary>Gets the agencies that lead the task.</summary>
    public ImmutableArray<AgencyId> LeadAgencies { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the agencies that take part in the task.</summary>
    public ImmutableArray<AgencyId> ParticipatingAgencies { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the regions the task names.</summary>
    public ImmutableArray<RegionCode> Regions { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the region groups the task names.</summary>
    public ImmutableArray<RegionGroupId> RegionGroups { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets when the task is to be carried out, when known.</summary>
    public TaskTimeFrame? TimeFrame { get; init; }

    /// <summary>Gets the task's milestones.</summary>
    public ImmutableArray<Milestone> Milestones { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets free-form tags (lower-case words such as <c>rail</c> or <c>health</c>) for search and grouping.</summary>
    public ImmutableArray<string> Tags { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the indicators that measure the task.</summary>
    public ImmutableArray<IndicatorId> Indicators { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the sources that describe the task.</summary>
    public ImmutableArray<SourceReference> Sources { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets a free-text note, for example why the aspect is unknown.</summary>
    public string? Notes { get; init; }
}
