using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="RegionGroup"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class RegionGroupJsonConverter(bool strict) : JsonConverter<RegionGroup>
{
    private const int Required = 1 | 2 | 4 | 16; // id, kind, name, membershipComplete

    private static readonly CamelCaseEnumConverter<RegionGroupKind> Kinds = new();

    public override RegionGroup Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, RegionGroup value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<RegionGroup>(DeltaJsonContract.Lenient));

    internal static RegionGroup ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        RegionGroupId id = default;
        RegionGroupKind kind = default;
        LocalizedText? name = null;
        ImmutableArray<RegionCode> members = [];
        bool membershipComplete = true;
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
                id = FastRead.Identifier<RegionGroupId>(ref reader);
            }
            else if (property.SequenceEqual("kind"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                kind = FastRead.Enum(ref reader, Kinds, options);
            }
            else if (property.SequenceEqual("name"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                name = FastRead.Text(ref reader, options);
            }
            else if (property.SequenceEqual("members"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                members = FastRead.IdentifierArray<RegionCode>(ref reader);
            }
            else if (property.SequenceEqual("membershipComplete"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                membershipComplete = FastRead.Boolean(ref reader);
            }
            else if (property.SequenceEqual("sources"u8))
            {
                FastRead.Seen(ref seen, 32);
                reader.Read();
                sources = FastRead.Sources(ref reader, strict, options);
            }
            else if (property.SequenceEqual("notes"u8))
            {
                FastRead.Seen(ref seen, 64);
                reader.Read();
                notes = FastRead.NullableString(ref reader);
            }
            else
            {
                FastRead.Unknown(ref reader, strict, ref extensionData);
            }
        }

        // A missing required member (membershipComplete included) is left to the contract, which reports it.
        if ((seen & Required) != Required)
        {
            FastRead.Fallback();
        }

        return new RegionGroup
        {
            Id = id,
            Kind = kind,
            Name = name!,
            Members = members,
            MembershipComplete = membershipComplete,
            Sources = sources,
            Notes = notes,
            UnknownProperties = extensionData,
        };
    }
}
