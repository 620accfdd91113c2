using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>The fast reader of <see cref="Aspect"/> (see <see cref="FastRead"/>); writes through the contract.</summary>
internal sealed class AspectJsonConverter(bool strict) : JsonConverter<Aspect>
{
    private const int Required = 1 | 2 | 4;

    public override Aspect Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => ReadValue(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, Aspect value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<Aspect>(DeltaJsonContract.Lenient));

    internal static Aspect ReadValue(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        AspectId id = default;
        int ordinal = 0;
        LocalizedText? name = null;
        int? declaredTaskCount = null;
        ImmutableArray<KeyTask> tasks = [];
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
                id = FastRead.Identifier<AspectId>(ref reader);
            }
            else if (property.SequenceEqual("ordinal"u8))
            {
                FastRead.Seen(ref seen, 2);
                reader.Read();
                ordinal = FastRead.Int32(ref reader);
            }
            else if (property.SequenceEqual("name"u8))
            {
                FastRead.Seen(ref seen, 4);
                reader.Read();
                name = FastRead.Text(ref reader, options);
            }
            else if (property.SequenceEqual("declaredTaskCount"u8))
            {
                FastRead.Seen(ref seen, 8);
                reader.Read();
                declaredTaskCount = FastRead.NullableInt32(ref reader);
            }
            else if (property.SequenceEqual("tasks"u8))
            {
                FastRead.Seen(ref seen, 16);
                reader.Read();
                tasks = FastRead.Array(ref reader, strict, options, KeyTaskJsonConverter.ReadValue);
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

        if ((seen & Required) != Required)
        {
            FastRead.Fallback();
        }

        return new Aspect
        {
            Id = id,
            Ordinal = ordinal,
            Name = name!,
            DeclaredTaskCount = declaredTaskCount,
            Tasks = tasks,
            Sources = sources,
            Notes = notes,
            UnknownProperties = extensionData,
        };
    }
}
