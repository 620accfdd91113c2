using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="KeyTask"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class KeyTaskJsonConverter(bool strict) : JsonConverter<KeyTask>
{
    private const int Required = 1 | 4;

    public override KeyTask Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, KeyTask value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<KeyTask>(DeltaJsonContract.Lenient));

    internal static KeyTask ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        TaskCode code = default;
        AspectId? aspect = null;
        LocalizedText? title = null, summary = null;
        ImmutableArray<AgencyId> leadAgencies = [], participatingAgencies = [];
        ImmutableArray<RegionCode> regions = [];
        ImmutableArray<RegionGroupId> regionGroups = [];
        TaskTimeFrame? timeFrame = null;
        ImmutableArray<Milestone> milestones = [];
        ImmutableArray<string> tags = [];
        ImmutableArray<IndicatorId> indicators = [];
        ImmutableArray<SourceReference> sources = [];
        string? notes = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            if (name.SequenceEqual("code"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                code = FastRead.Identifier<TaskCode>(ref reader);
            }
            else if (name.SequenceEqual("aspect"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                aspect = FastRead.NullableIdentifier<AspectId>(ref reader);
            }
            else if (name.SequenceEqual("title"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                title = FastRead.Text(ref reader, options);
            }
            else if (name.SequenceEqual("summary"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                summary = FastRead.NullableText(ref reader, options);
            }
            else if (name.SequenceEqual("leadAgencies"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                leadAgencies = FastRead.IdentifierArray<AgencyId>(ref reader);
            }
            else if (name.SequenceEqual("participatingAgencies"u8))
            {
                FastRead.Seen(ref seen, 32);
                reader.Read();
                participatingAgencies = FastRead.IdentifierArray<AgencyId>(ref reader);
            }
            else if (name.SequenceEqual("regions"u8))
            {
                FastRead.Seen(ref seen, 64);
                reader.Read();
                regions = FastRead.IdentifierArray<RegionCode>(ref reader);
            }
            else if (name.SequenceEqual("regionGroups"u8))
            {
                FastRead.Seen(ref seen, 128);
                reader.Read();
                regionGroups = FastRead.IdentifierArray<RegionGroupId>(ref reader);
            }
            else if (name.SequenceEqual("timeFrame"u8))
            {
                FastRead.Seen(ref seen, 256);
                reader.Read();
                timeFrame = reader.TokenType == JsonTokenType.Null ? null : TaskTimeFrameJsonConverter.ReadValue(ref reader, strict, options);
            }
            else if (name.SequenceEqual("milestones"u8))
            {
                FastRead.Seen(ref seen, 512);
                reader.Read();
                milestones = FastRead.Array(ref reader, strict, options, MilestoneJsonConverter.ReadValue);
            }
            else if (name.SequenceEqual("tags"u8))
            {
                FastRead.Seen(ref seen, 1024);
                reader.Read();
                tags = FastRead.StringArray(ref reader);
            }
            else if (name.SequenceEqual("indicators"u8))
            {
                FastRead.Seen(ref seen, 2048);
                reader.Read();
                indicators = FastRead.IdentifierArray<IndicatorId>(ref reader);
            }
            else if (name.SequenceEqual("sources"u8))
            {
                FastRead.Seen(ref seen, 4096);
                reader.Read();
                sources = FastRead.Sources(ref reader, strict, options);
            }
            else if (name.SequenceEqual("notes"u8))
            {
                FastRead.Seen(ref seen, 8192);
                reader.Read();
                notes = FastRead.NullableString(ref reader);
            }
            else
            {
                FastRead.Unknown(ref reader, strict, ref extensionData);
            }
        }

        if ((seen & Required) != Required)
        {
            FastRead.Fallback();
        }

        return new KeyTask
        {
            Code = code,
            Aspect = aspect,
            Title = title!,
            Summary = summary,
            LeadAgencies = leadAgencies,
            ParticipatingAgencies = participatingAgencies,
            Regions = regions,
            RegionGroups = regionGroups,
            TimeFrame = timeFrame,
            Milestones = milestones,
            Tags = tags,
            Indicators = indicators,
            Sources = sources,
            Notes = notes,
            UnknownProperties = extensionData,
        };
    }
}
