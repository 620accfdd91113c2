using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;

namespace DeltaSdk.Serialization;

/// <summary>
/// The member tables of the records read on the fast path (see <see cref="FastRecord{TBuilder, TRecord}"/> and
/// <see cref="DeltaJsonContract.FastFor"/>): for each record, how each member's value is read and how the record is
/// made. Names, order and required members come from the contract; everything else a reader does is done once in
/// <see cref="FastRecord{TBuilder, TRecord}.Read"/>.
/// </summary>
/// <remarks>
/// Why these exist at all: System.Text.Json's source generator reads records whose members are
/// <c>required</c>/<c>init</c> through its parameterized-constructor converter, which buffers and boxes every member
/// in an <c>object[]</c>; these tables build each record from a struct instead (docs/benchmarks.md has the numbers:
/// about half the time and allocation on the embedded documents, a third on large observation batches). The
/// document records (<see cref="Plan"/>, <see cref="RegionTable"/>, <see cref="ObservationBatch"/>) keep the
/// contract: they occur once per document, and the contract keeps the header checks in one place.
/// </remarks>
internal static class FastRecords
{
    private static readonly CamelCaseEnumConverter<ValueQualifier> Qualifiers = new();
    private static readonly CamelCaseEnumConverter<ObservationStatus> Statuses = new();
    private static readonly CamelCaseEnumConverter<SourceConfidence> Confidences = new();
    private static readonly CamelCaseEnumConverter<IndicatorDirection> Directions = new();
    private static readonly CamelCaseEnumConverter<AggregationRule> Aggregations = new();
    private static readonly CamelCaseEnumConverter<ReportingPeriodKind> Frequencies = new();
    private static readonly CamelCaseEnumConverter<RegionLevel> Levels = new();
    private static readonly CamelCaseEnumConverter<RegionGroupKind> Kinds = new();

    public static FastRecord<SourceBuilder, SourceReference> SourceReferences { get; } = new(
        default,
        static (b, unknown) => new SourceReference
        {
            Title = b.Title!, Publisher = b.Publisher, Url = b.Url, PublishedOn = b.PublishedOn, Confidence = b.Confidence, Note = b.Note, UnknownProperties = unknown,
        },
        ("title", static (ref r, ref b, _, _) => b.Title = FastRead.RepeatedString(ref r)),
        ("publisher", static (ref r, ref b, _, _) => b.Publisher = FastRead.NullableRepeatedString(ref r)),
        ("url", static (ref r, ref b, _, _) => b.Url = FastRead.NullableUri(ref r)),
        ("publishedOn", static (ref r, ref b, _, o) => b.PublishedOn = FastRead.NullableDate(ref r, o)),
        ("confidence", static (ref r, ref b, _, o) => b.Confidence = FastRead.NullableEnum(ref r, Confidences, o)),
        ("note", static (ref r, ref b, _, _) => b.Note = FastRead.NullableString(ref r)));

    public static FastRecord<ObservationBuilder, Observation> Observations { get; } = new(
        new ObservationBuilder { Qualifier = ValueQualifier.Exact, Status = ObservationStatus.Final },
        static (b, unknown) => new Observation
        {
            Indicator = b.Indicator, Region = b.Region, RegionGroup = b.RegionGroup, Period = b.Period, Value = b.Value,
            Qualifier = b.Qualifier, Status = b.Status, Source = b.Source, Notes = b.Notes, RecordedAt = b.RecordedAt, Revision = b.Revision,
            UnknownProperties = unknown,
        },
        ("indicator", static (ref r, ref b, _, _) => b.Indicator = FastRead.Identifier<IndicatorId>(ref r)),
        ("region", static (ref r, ref b, _, _) => b.Region = FastRead.NullableIdentifier<RegionCode>(ref r)),
        ("regionGroup", static (ref r, ref b, _, _) => b.RegionGroup = FastRead.NullableIdentifier<RegionGroupId>(ref r)),
        ("period", static (ref r, ref b, _, _) => b.Period = FastRead.Period(ref r)),
        ("value", static (ref r, ref b, _, _) => b.Value = FastRead.Double(ref r)),
        ("qualifier", static (ref r, ref b, _, o) => b.Qualifier = FastRead.Enum(ref r, Qualifiers, o)),
        ("status", static (ref r, ref b, _, o) => b.Status = FastRead.Enum(ref r, Statuses, o)),
        ("source", static (ref r, ref b, s, o) => b.Source = SourceReferences.ReadNullable(ref r, s, o)),
        NotesMember<ObservationBuilder>(),
        ("recordedAt", static (ref r, ref b, _, o) => b.RecordedAt = FastRead.NullableInstant(ref r, o)),
        ("revision", static (ref r, ref b, _, _) => b.Revision = FastRead.NullableInt32(ref r)));

    public static FastRecord<TimeFrameBuilder, TaskTimeFrame> TimeFrames { get; } = new(
        default,
        static (b, unknown) => new TaskTimeFrame { Start = b.Start, End = b.End, UnknownProperties = unknown },
        ("start", static (ref r, ref b, _, o) => b.Start = FastRead.NullableDate(ref r, o)),
        ("end", static (ref r, ref b, _, o) => b.End = FastRead.NullableDate(ref r, o)));

    public static FastRecord<MilestoneBuilder, Milestone> Milestones { get; } = new(
        default,
        static (b, unknown) => new Milestone { DueOn = b.DueOn, Title = b.Title!, ReachedOn = b.ReachedOn, UnknownProperties = unknown },
        ("dueOn", static (ref r, ref b, _, o) => b.DueOn = FastRead.Date(ref r, o)),
        ("title", static (ref r, ref b, _, o) => b.Title = FastRead.Text(ref r, o)),
        ("reachedOn", static (ref r, ref b, _, o) => b.ReachedOn = FastRead.NullableDate(ref r, o)));

    public static FastRecord<TaskBuilder, KeyTask> Tasks { get; } = new(
        default,
        static (b, unknown) => new KeyTask
        {
            Code = b.Code, Aspect = b.Aspect, Title = b.Title!, Summary = b.Summary, LeadAgencies = b.LeadAgencies,
            ParticipatingAgencies = b.ParticipatingAgencies, Regions = b.Regions, RegionGroups = b.RegionGroups,
            TimeFrame = b.TimeFrame, Milestones = b.Milestones, Tags = b.Tags, Indicators = b.Indicators, Sources = b.Sources,
            Notes = b.Notes, UnknownProperties = unknown,
        },
        ("code", static (ref r, ref b, _, _) => b.Code = FastRead.Identifier<TaskCode>(ref r)),
        ("aspect", static (ref r, ref b, _, _) => b.Aspect = FastRead.NullableIdentifier<AspectId>(ref r)),
        ("title", static (ref r, ref b, _, o) => b.Title = FastRead.Text(ref r, o)),
        ("summary", static (ref r, ref b, _, o) => b.Summary = FastRead.NullableText(ref r, o)),
        ("leadAgencies", static (ref r, ref b, _, _) => b.LeadAgencies = FastRead.IdentifierArray<AgencyId>(ref r)),
        ("participatingAgencies", static (ref r, ref b, _, _) => b.ParticipatingAgencies = FastRead.IdentifierArray<AgencyId>(ref r)),
        ("regions", static (ref r, ref b, _, _) => b.Regions = FastRead.IdentifierArray<RegionCode>(ref r)),
        ("regionGroups", static (ref r, ref b, _, _) => b.RegionGroups = FastRead.IdentifierArray<RegionGroupId>(ref r)),
        ("timeFrame", static (ref r, ref b, s, o) => b.TimeFrame = TimeFrames.ReadNullable(ref r, s, o)),
        ("milestones", static (ref r, ref b, s, o) => b.Milestones = Milestones.ReadArray(ref r, s, o)),
        ("tags", static (ref r, ref b, _, _) => b.Tags = FastRead.StringArray(ref r)),
        ("indicators", static (ref r, ref b, _, _) => b.Indicators = FastRead.IdentifierArray<IndicatorId>(ref r)),
        SourcesMember<TaskBuilder>(),
        NotesMember<TaskBuilder>());

    public static FastRecord<AspectBuilder, Aspect> Aspects { get; } = new(
        default,
        static (b, unknown) => new Aspect
        {
            Id = b.Id, Ordinal = b.Ordinal, Name = b.Name!, DeclaredTaskCount = b.DeclaredTaskCount, Tasks = b.Tasks,
            Sources = b.Sources, Notes = b.Notes, UnknownProperties = unknown,
        },
        ("id", static (ref r, ref b, _, _) => b.Id = FastRead.Identifier<AspectId>(ref r)),
        ("ordinal", static (ref r, ref b, _, _) => b.Ordinal = FastRead.Int32(ref r)),
        ("name", static (ref r, ref b, _, o) => b.Name = FastRead.Text(ref r, o)),
        ("declaredTaskCount", static (ref r, ref b, _, _) => b.DeclaredTaskCount = FastRead.NullableInt32(ref r)),
        ("tasks", static (ref r, ref b, s, o) => b.Tasks = Tasks.ReadArray(ref r, s, o)),
        SourcesMember<AspectBuilder>(),
        NotesMember<AspectBuilder>());

    public static FastRecord<AgencyBuilder, Agency> Agencies { get; } = new(
        default,
        static (b, unknown) => new Agency { Id = b.Id, Name = b.Name!, Region = b.Region, Sources = b.Sources, Notes = b.Notes, UnknownProperties = unknown },
        ("id", static (ref r, ref b, _, _) => b.Id = FastRead.Identifier<AgencyId>(ref r)),
        ("name", static (ref r, ref b, _, o) => b.Name = FastRead.Text(ref r, o)),
        ("region", static (ref r, ref b, _, _) => b.Region = FastRead.NullableIdentifier<RegionCode>(ref r)),
        SourcesMember<AgencyBuilder>(),
        NotesMember<AgencyBuilder>());

    public static FastRecord<ValueBuilder, IndicatorValue> Values { get; } = new(
        new ValueBuilder { Qualifier = ValueQualifier.Exact },
        static (b, unknown) => new IndicatorValue { Period = b.Period, Value = b.Value, Qualifier = b.Qualifier, Source = b.Source, UnknownProperties = unknown },
        ("period", static (ref r, ref b, _, _) => b.Period = FastRead.Period(ref r)),
        ("value", static (ref r, ref b, _, _) => b.Value = FastRead.Double(ref r)),
        ("qualifier", static (ref r, ref b, _, o) => b.Qualifier = FastRead.Enum(ref r, Qualifiers, o)),
        ("source", static (ref r, ref b, s, o) => b.Source = SourceReferences.ReadNullable(ref r, s, o)));

    public static FastRecord<TargetBuilder, IndicatorTarget> Targets { get; } = new(
        default,
        static (b, unknown) => new IndicatorTarget
        {
            Period = b.Period, Value = b.Value, UpperValue = b.UpperValue, Source = b.Source, Unit = b.Unit, Region = b.Region, UnknownProperties = unknown,
        },
        ("period", static (ref r, ref b, _, _) => b.Period = FastRead.Period(ref r)),
        ("value", static (ref r, ref b, _, _) => b.Value = FastRead.Double(ref r)),
        ("upperValue", static (ref r, ref b, _, _) => b.UpperValue = FastRead.NullableDouble(ref r)),
        ("source", static (ref r, ref b, s, o) => b.Source = SourceReferences.ReadNullable(ref r, s, o)),
        ("unit", static (ref r, ref b, _, _) => b.Unit = FastRead.NullableString(ref r)),
        ("region", static (ref r, ref b, _, _) => b.Region = FastRead.NullableIdentifier<RegionCode>(ref r)));

    public static FastRecord<IndicatorBuilder, Indicator> Indicators { get; } = new(
        new IndicatorBuilder { Direction = IndicatorDirection.HigherIsBetter, Aggregation = AggregationRule.Sum },
        static (b, unknown) => new Indicator
        {
            Id = b.Id, Name = b.Name!, Unit = b.Unit!, Direction = b.Direction, Aggregation = b.Aggregation, ExpectedFrequency = b.ExpectedFrequency,
            Baseline = b.Baseline, Targets = b.Targets, Sources = b.Sources, Notes = b.Notes, UnknownProperties = unknown,
        },
        ("id", static (ref r, ref b, _, _) => b.Id = FastRead.Identifier<IndicatorId>(ref r)),
        ("name", static (ref r, ref b, _, o) => b.Name = FastRead.Text(ref r, o)),
        ("unit", static (ref r, ref b, _, _) => b.Unit = FastRead.RepeatedString(ref r)),
        ("direction", static (ref r, ref b, _, o) => b.Direction = FastRead.Enum(ref r, Directions, o)),
        ("aggregation", static (ref r, ref b, _, o) => b.Aggregation = FastRead.Enum(ref r, Aggregations, o)),
        ("expectedFrequency", static (ref r, ref b, _, o) => b.ExpectedFrequency = FastRead.NullableEnum(ref r, Frequencies, o)),
        ("baseline", static (ref r, ref b, s, o) => b.Baseline = Values.ReadNullable(ref r, s, o)),
        ("targets", static (ref r, ref b, s, o) => b.Targets = Targets.ReadArray(ref r, s, o)),
        SourcesMember<IndicatorBuilder>(),
        NotesMember<IndicatorBuilder>());

    public static FastRecord<RegionBuilder, Region> Regions { get; } = new(
        default,
        static (b, unknown) => new Region { Code = b.Code, Name = b.Name!, Level = b.Level, Parent = b.Parent, Sources = b.Sources, UnknownProperties = unknown },
        ("code", static (ref r, ref b, _, _) => b.Code = FastRead.Identifier<RegionCode>(ref r)),
        ("name", static (ref r, ref b, _, o) => b.Name = FastRead.Text(ref r, o)),
        ("level", static (ref r, ref b, _, o) => b.Level = FastRead.Enum(ref r, Levels, o)),
        ("parent", static (ref r, ref b, _, _) => b.Parent = FastRead.NullableIdentifier<RegionCode>(ref r)),
        SourcesMember<RegionBuilder>());

    public static FastRecord<GroupBuilder, RegionGroup> RegionGroups { get; } = new(
        new GroupBuilder { MembershipComplete = true },
        static (b, unknown) => new RegionGroup
        {
            Id = b.Id, Kind = b.Kind, Name = b.Name!, Members = b.Members, MembershipComplete = b.MembershipComplete,
            Sources = b.Sources, Notes = b.Notes, UnknownProperties = unknown,
        },
        ("id", static (ref r, ref b, _, _) => b.Id = FastRead.Identifier<RegionGroupId>(ref r)),
        ("kind", static (ref r, ref b, _, o) => b.Kind = FastRead.Enum(ref r, Kinds, o)),
        ("name", static (ref r, ref b, _, o) => b.Name = FastRead.Text(ref r, o)),
        ("members", static (ref r, ref b, _, _) => b.Members = FastRead.IdentifierArray<RegionCode>(ref r)),
        ("membershipComplete", static (ref r, ref b, _, _) => b.MembershipComplete = FastRead.Boolean(ref r)),
        SourcesMember<GroupBuilder>(),
        NotesMember<GroupBuilder>());

    /// <summary>The <c>sources</c> member, read alike by every record that has one.</summary>
    private static (string Name, MemberReader<TBuilder> Read) SourcesMember<TBuilder>()
        where TBuilder : struct, IWithSources
        => ("sources", static (ref r, ref b, s, o) => b.Sources = SourceReferences.ReadArray(ref r, s, o));

    /// <summary>The <c>notes</c> member, read alike by every record that has one.</summary>
    private static (string Name, MemberReader<TBuilder> Read) NotesMember<TBuilder>()
        where TBuilder : struct, IWithNotes
        => ("notes", static (ref r, ref b, _, _) => b.Notes = FastRead.NullableString(ref r));

    /// <summary>Adds a converter for each table to fast-path options.</summary>
    /// <param name="converters">The options' converters.</param>
    /// <param name="strict">Whether unknown members are refused.</param>
    public static void AddTo(IList<System.Text.Json.Serialization.JsonConverter> converters, bool strict)
    {
        converters.Add(Observations.Converter(strict));
        converters.Add(Tasks.Converter(strict));
        converters.Add(SourceReferences.Converter(strict));
        converters.Add(TimeFrames.Converter(strict));
        converters.Add(Milestones.Converter(strict));
        converters.Add(Aspects.Converter(strict));
        converters.Add(Agencies.Converter(strict));
        converters.Add(Indicators.Converter(strict));
        converters.Add(Values.Converter(strict));
        converters.Add(Targets.Converter(strict));
        converters.Add(Regions.Converter(strict));
        converters.Add(RegionGroups.Converter(strict));
    }

    internal interface IWithSources
    {
        ImmutableArray<SourceReference> Sources { set; }
    }

    internal interface IWithNotes
    {
        string? Notes { set; }
    }

    // The builders: one field per member, as the record declares it. Fields, not properties, so that a member
    // reader sets them in place through the ref it is given.
#pragma warning disable SA1201, SA1202, SA1307, SA1401, SA1600 // plain data holders, documented by their record
    internal struct SourceBuilder
    {
        public string? Title, Publisher, Note;
        public Uri? Url;
        public LocalDate? PublishedOn;
        public SourceConfidence? Confidence;
    }

    internal struct ObservationBuilder : IWithNotes
    {
        public IndicatorId Indicator;
        public RegionCode? Region;
        public RegionGroupId? RegionGroup;
        public ReportingPeriod Period;
        public double Value;
        public ValueQualifier Qualifier;
        public ObservationStatus Status;
        public SourceReference? Source;
        public Instant? RecordedAt;
        public int? Revision;
        public string? Notes { get; set; }
    }

    internal struct TimeFrameBuilder
    {
        public LocalDate? Start, End;
    }

    internal struct MilestoneBuilder
    {
        public LocalDate DueOn;
        public LocalizedText? Title;
        public LocalDate? ReachedOn;
    }

    internal struct TaskBuilder : IWithSources, IWithNotes
    {
        public TaskCode Code;
        public AspectId? Aspect;
        public LocalizedText? Title, Summary;
        public ImmutableArray<AgencyId> LeadAgencies, ParticipatingAgencies;
        public ImmutableArray<RegionCode> Regions;
        public ImmutableArray<RegionGroupId> RegionGroups;
        public TaskTimeFrame? TimeFrame;
        public ImmutableArray<Milestone> Milestones;
        public ImmutableArray<string> Tags;
        public ImmutableArray<IndicatorId> Indicators;
        public ImmutableArray<SourceReference> Sources { get; set; }
        public string? Notes { get; set; }
    }

    internal struct AspectBuilder : IWithSources, IWithNotes
    {
        public AspectId Id;
        public int Ordinal;
        public LocalizedText? Name;
        public int? DeclaredTaskCount;
        public ImmutableArray<KeyTask> Tasks;
        public ImmutableArray<SourceReference> Sources { get; set; }
        public string? Notes { get; set; }
    }

    internal struct AgencyBuilder : IWithSources, IWithNotes
    {
        public AgencyId Id;
        public LocalizedText? Name;
        public RegionCode? Region;
        public ImmutableArray<SourceReference> Sources { get; set; }
        public string? Notes { get; set; }
    }

    internal struct ValueBuilder
    {
        public ReportingPeriod Period;
        public double Value;
        public ValueQualifier Qualifier;
        public SourceReference? Source;
    }

    internal struct TargetBuilder
    {
        public ReportingPeriod Period;
        public double Value;
        public double? UpperValue;
        public SourceReference? Source;
        public string? Unit;
        public RegionCode? Region;
    }

    internal struct IndicatorBuilder : IWithSources, IWithNotes
    {
        public IndicatorId Id;
        public LocalizedText? Name;
        public string? Unit;
        public IndicatorDirection Direction;
        public AggregationRule Aggregation;
        public ReportingPeriodKind? ExpectedFrequency;
        public IndicatorValue? Baseline;
        public ImmutableArray<IndicatorTarget> Targets;
        public ImmutableArray<SourceReference> Sources { get; set; }
        public string? Notes { get; set; }
    }

    internal struct RegionBuilder : IWithSources
    {
        public RegionCode Code;
        public LocalizedText? Name;
        public RegionLevel Level;
        public RegionCode? Parent;
        public ImmutableArray<SourceReference> Sources { get; set; }
    }

    internal struct GroupBuilder : IWithSources, IWithNotes
    {
        public RegionGroupId Id;
        public RegionGroupKind Kind;
        public LocalizedText? Name;
        public ImmutableArray<RegionCode> Members;
        public bool MembershipComplete;
        public ImmutableArray<SourceReference> Sources { get; set; }
        public string? Notes { get; set; }
    }
#pragma warning restore SA1201, SA1202, SA1307, SA1401, SA1600
}
