using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="Agency"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class AgencyJsonConverter(bool strict) : JsonConverter<Agency>
{
    private const int Required = 1 | 2;

    public override Agency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, Agency value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<Agency>(DeltaJsonContract.Lenient));

    internal static Agency ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        AgencyId id = default;
        LocalizedText? name = null;
        RegionCode? region = null;
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
                id = FastRead.Identifier<AgencyId>(ref reader);
            }
            else if (property.SequenceEqual("name"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                name = FastRead.Text(ref reader, options);
            }
            else if (property.SequenceEqual("region"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                region = FastRead.NullableIdentifier<RegionCode>(ref reader);
            }
            else if (property.SequenceEqual("sources"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                sources = FastRead.Sources(ref reader, strict, options);
            }
            else if (property.SequenceEqual("notes"u8))
            {
                FastRead.Seen(ref seen, 16);
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

        return new Agency
        {
            Id = id,
            Name = name!,
            Region = region,
            Sources = sources,
            Notes = notes,
            UnknownProperties = extensionData,
        };
    }
}
