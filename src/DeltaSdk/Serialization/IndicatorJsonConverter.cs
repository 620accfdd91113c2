using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="Indicator"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class IndicatorJsonConverter(bool strict) : JsonConverter<Indicator>
{
    private const int Required = 1 | 2 | 4;

    private static readonly CamelCaseEnumConverter<IndicatorDirection> Directions = new();
    private static readonly CamelCaseEnumConverter<AggregationRule> Aggregations = new();
    private static readonly CamelCaseEnumConverter<ReportingPeriodKind> Frequencies = new();

    public override Indicator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, Indicator value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<Indicator>(DeltaJsonContract.Lenient));

    internal static Indicator ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        IndicatorId id = default;
        LocalizedText? name = null;
        string? unit = null;
        IndicatorDirection direction = IndicatorDirection.HigherIsBetter;
        AggregationRule aggregation = AggregationRule.Sum;
        IndicatorValue? baseline = null;
        ReportingPeriodKind? expectedFrequency = null;
        ImmutableArray<IndicatorTarget> targets = [];
        ImmutableArray<SourceReference> sources = [];
        string? notes = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            if (property.SequenceEqual("id"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                id = FastRead.Identifier<IndicatorId>(ref reader);
            }
            else if (property.SequenceEqual("name"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                name = FastRead.Text(ref reader, options);
            }
            else if (property.SequenceEqual("unit"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                unit = FastRead.RepeatedString(ref reader);
            }
            else if (property.SequenceEqual("direction"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                direction = FastRead.Enum(ref reader, Directions, options);
            }
            else if (property.SequenceEqual("aggregation"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                aggregation = FastRead.Enum(ref reader, Aggregations, options);
            }
            else if (property.SequenceEqual("expectedFrequency"u8))
            {
                FastRead.Seen(ref seen, 512);
                reader.Read();
                expectedFrequency = reader.TokenType == JsonTokenType.Null ? null : FastRead.Enum(ref reader, Frequencies, options);
            }
            else if (property.SequenceEqual("baseline"u8))
            {
                FastRead.Seen(ref seen, 32);
                reader.Read();
                baseline = reader.TokenType == JsonTokenType.Null ? null : IndicatorValueJsonConverter.ReadValue(ref reader, strict, options);
            }
            else if (property.SequenceEqual("targets"u8))
            {
                FastRead.Seen(ref seen, 64);
                reader.Read();
                targets = FastRead.Array(ref reader, strict, options, IndicatorTargetJsonConverter.ReadValue);
            }
            else if (property.SequenceEqual("sources"u8))
            {
                FastRead.Seen(ref seen, 128);
                reader.Read();
                sources = FastRead.Sources(ref reader, strict, options);
            }
            else if (property.SequenceEqual("notes"u8))
            {
                FastRead.Seen(ref seen, 256);
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

        return new Indicator
        {
            Id = id,
            Name = name!,
            Unit = unit!,
            Direction = direction,
            Aggregation = aggregation,
            ExpectedFrequency = expectedFrequency,
            Baseline = baseline,
            Targets = targets,
            Sources = sources,
            Notes = notes,
            UnknownProperties = extensionData,
        };
    }
}
