using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads a JSON number as a finite <see cref="double"/>. System.Text.Json turns a number beyond the range of a
/// double (<c>1e400</c>) into infinity, which the writer then refuses: accepting it would take in a document that can
/// never be written back, so the reader rejects it where it stands.
/// </summary>
internal sealed class FiniteDoubleJsonConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected a number.");
        }

        if (reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        var text = reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);
        throw new DeltaJsonException($"Found the number {text}, beyond the range of a double, expected a finite number.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value);
}
