using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="Observation"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class ObservationJsonConverter(bool strict) : JsonConverter<Observation>
{
    private const int Required = 1 | 8 | 16;

    private static readonly CamelCaseEnumConverter<ValueQualifier> Qualifiers = new();
    private static readonly CamelCaseEnumConverter<ObservationStatus> Statuses = new();

    public override Observation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        IndicatorId indicator = default;
        RegionCode? region = null;
        RegionGroupId? regionGroup = null;
        ReportingPeriod period = default;
        double value = 0;
        var qualifier = ValueQualifier.Exact;
        var status = ObservationStatus.Final;
        SourceReference? source = null;
        string? notes = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var name = reader.ValueSpan;
            if (name.SequenceEqual("indicator"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                indicator = FastRead.Identifier<IndicatorId>(ref reader);
            }
            else if (name.SequenceEqual("region"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                region = FastRead.NullableIdentifier<RegionCode>(ref reader);
            }
            else if (name.SequenceEqual("regionGroup"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                regionGroup = FastRead.NullableIdentifier<RegionGroupId>(ref reader);
            }
            else if (name.SequenceEqual("period"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                period = FastRead.Period(ref reader);
            }
            else if (name.SequenceEqual("value"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                value = FastRead.Double(ref reader);
            }
            else if (name.SequenceEqual("qualifier"u8))
            {
                FastRead.Seen(ref seen, 32);
                reader.Read();
                qualifier = FastRead.Enum(ref reader, Qualifiers, options);
            }
            else if (name.SequenceEqual("status"u8))
            {
                FastRead.Seen(ref seen, 64);
                reader.Read();
                status = FastRead.Enum(ref reader, Statuses, options);
            }
            else if (name.SequenceEqual("source"u8))
            {
                FastRead.Seen(ref seen, 128);
                reader.Read();
                source = reader.TokenType == JsonTokenType.Null ? null : SourceReferenceJsonConverter.ReadValue(ref reader, strict, options);
            }
            else if (name.SequenceEqual("notes"u8))
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

        return new Observation
        {
            Indicator = indicator,
            Region = region,
            RegionGroup = regionGroup,
            Period = period,
            Value = value,
            Qualifier = qualifier,
            Status = status,
            Source = source,
            Notes = notes,
            UnknownProperties = extensionData,
        };
    }

    public override void Write(Utf8JsonWriter writer, Observation value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<Observation>(DeltaJsonContract.Lenient));
}
