using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="IndicatorTarget"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class IndicatorTargetJsonConverter(bool strict) : JsonConverter<IndicatorTarget>
{
    private const int Required = 1 | 2;

    public override IndicatorTarget Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, IndicatorTarget value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<IndicatorTarget>(DeltaJsonContract.Lenient));

    internal static IndicatorTarget ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        ReportingPeriod period = default;
        double value = 0;
        double? upperValue = null;
        SourceReference? source = null;
        string? unit = null;
        RegionCode? region = null;
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            if (property.SequenceEqual("period"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                period = FastRead.Period(ref reader);
            }
            else if (property.SequenceEqual("value"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                value = FastRead.Double(ref reader);
            }
            else if (property.SequenceEqual("upperValue"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                upperValue = FastRead.NullableDouble(ref reader);
            }
            else if (property.SequenceEqual("source"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                source = reader.TokenType == JsonTokenType.Null ? null : SourceReferenceJsonConverter.ReadValue(ref reader, strict, options);
            }
            else if (property.SequenceEqual("unit"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                unit = FastRead.NullableString(ref reader);
            }
            else if (property.SequenceEqual("region"u8))
            {
                FastRead.Seen(ref seen, 32);
                reader.Read();
                region = FastRead.NullableIdentifier<RegionCode>(ref reader);
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

        return new IndicatorTarget
        {
            Period = period,
            Value = value,
            UpperValue = upperValue,
            Source = source,
            Unit = unit,
            Region = region,
            UnknownProperties = extensionData,
        };
    }
}
