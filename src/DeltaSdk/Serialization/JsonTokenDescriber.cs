using System.Globalization;
using System.Text;
using System.Text.Json;
using DeltaSdk.Internal;

namespace DeltaSdk.Serialization;

/// <summary>Describes JSON tokens for error messages: what was found.</summary>
internal static class JsonTokenDescriber
{
    /// <summary>Describes the token the reader is on, with its value when it is a scalar (cut when long).</summary>
    public static string Describe(ref readonly Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String or JsonTokenType.PropertyName => "the string " + IdentifierSyntax.Describe(GetText(in reader)),
        JsonTokenType.Number => "the number " + GetText(in reader),
        _ => Describe(reader.TokenType),
    };

    /// <summary>Describes a token type without its value.</summary>
    public static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        _ => "no value",
    };

    private static string GetText(ref readonly Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            return Encoding.UTF8.GetString(raw.AsSpan(0, Math.Min(raw.Length, 40)));
        }

        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or a lone surrogate escape: show that it is unreadable rather than fail while failing.
            return string.Create(CultureInfo.InvariantCulture, $"<{reader.ValueSpan.Length} bytes that are not valid UTF-8>");
        }
    }
}
