using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="Region"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class RegionJsonConverter(bool strict) : JsonConverter<Region>
{
    private const int Required = 1 | 2 | 4;

    private static readonly CamelCaseEnumConverter<RegionLevel> Levels = new();

    public override Region Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, Region value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<Region>(DeltaJsonContract.Lenient));

    internal static Region ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        RegionCode code = default;
        LocalizedText? name = null;
        RegionLevel level = default;
        RegionCode? parent = null;
        ImmutableArray<SourceReference> sources = [];
        Dictionary<string, JsonElement>? extensionData = null;
        var seen = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var property = reader.ValueSpan;
            if (property.SequenceEqual("code"u8))
            {
                FastRead.Seen(ref seen, 1);
                reader.Read();
                code = FastRead.Identifier<RegionCode>(ref reader);
            }
            else if (property.SequenceEqual("name"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                name = FastRead.Text(ref reader, options);
            }
            else if (property.SequenceEqual("level"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                level = FastRead.Enum(ref reader, Levels, options);
            }
            else if (property.SequenceEqual("parent"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                parent = FastRead.NullableIdentifier<RegionCode>(ref reader);
            }
            else if (property.SequenceEqual("sources"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                sources = FastRead.Sources(ref reader, strict, options);
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

        return new Region
        {
            Code = code,
            Name = name!,
            Level = level,
            Parent = parent,
            Sources = sources,
            UnknownProperties = extensionData,
        };
    }
}
