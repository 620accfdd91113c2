using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>
/// Writes an identifier (or a <see cref="ReportingPeriod"/>) as its canonical string and reads it back through
/// <see cref="IParsable{TSelf}.Parse"/>, as a value and as a dictionary key. A bad value raises a
/// <see cref="DeltaJsonException"/> carrying the parser's message, which names the input and the expected form.
/// </summary>
/// <remarks>
/// Public only so that a source-generated <see cref="JsonSerializerContext"/> in another assembly can cover types
/// that hold identifiers or reporting periods (the generator must be able to instantiate the converter a model's
/// <see cref="JsonConverterAttribute"/> names). You do not need it directly: use <see cref="DeltaJson.Options"/>.
/// </remarks>
/// <typeparam name="T">The identifier type.</typeparam>
public sealed class IdentifierJsonConverter<T> : JsonConverter<T>
    where T : struct, IParsable<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.Describe(typeof(T))}.");
        }

        return Parse(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Parse(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WritePropertyName(value.ToString()!);

    private static T Parse(string text)
    {
        try
        {
            return T.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException exception)
        {
            throw new DeltaJsonException(exception.Message, innerException: exception);
        }
    }
}
