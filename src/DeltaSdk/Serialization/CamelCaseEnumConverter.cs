using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>
/// Writes enum members as camelCase strings and reads only those exact names (no integers, no other casing), so
/// that the wire form is stable; an unknown name is reported with the accepted ones. Generic, so trim- and AOT-safe.
/// </summary>
/// <remarks>
/// Public only so that a source-generated <see cref="JsonSerializerContext"/> in another assembly can cover types
/// that hold the model's enums (the generator must be able to instantiate the converter a model's
/// <see cref="JsonConverterAttribute"/> names). You do not need it directly: use <see cref="DeltaJson.Options"/>.
/// </remarks>
/// <typeparam name="TEnum">The enum type.</typeparam>
public sealed class CamelCaseEnumConverter<TEnum> : JsonConverter<TEnum>, IWireEnum
    where TEnum : struct, Enum
{
    // Members are few (at most a handful), so a linear scan over UTF-8 names beats hashing.
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Names = Array.ConvertAll(Values, static v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()));
    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, Encoding.UTF8.GetBytes);
    private static readonly JsonEncodedText[] EncodedNames = Array.ConvertAll(Names, static n => JsonEncodedText.Encode(n));

    IReadOnlyList<string> IWireEnum.WireNames => Names;

    /// <summary>Gets the wire name of a member: the one source of enum wire names, for messages as for the wire.</summary>
    internal static string NameOf(TEnum value)
    {
        var index = Array.IndexOf(Values, value);
        return index < 0 ? value.ToString() : Names[index];
    }

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < Utf8Names.Length; i++)
            {
                if (span.SequenceEqual(Utf8Names[i]))
                {
                    return Values[i];
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            var index = Array.IndexOf(Names, reader.GetString());
            if (index >= 0)
            {
                return Values[index];
            }
        }

        throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.DescribeEnum(Names)}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        var index = Array.IndexOf(Values, value);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a defined {typeof(TEnum).Name} and has no JSON form.");
        }

        writer.WriteStringValue(EncodedNames[index]);
    }
}
