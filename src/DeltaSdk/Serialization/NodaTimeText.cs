using System.Text.Json;
using NodaTime.Text;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads a NodaTime value from a JSON string with one of NodaTime's own patterns, for <see cref="LocalDateJsonConverter"/>
/// and <see cref="InstantJsonConverter"/>: the same token check, the same NUL rule and the same error wording for both.
/// </summary>
internal static class NodaTimeText
{
    /// <summary>Reads the string the reader is on with <paramref name="pattern"/>.</summary>
    /// <typeparam name="T">The NodaTime type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="pattern">The pattern, which decides what is accepted.</param>
    /// <param name="noun">What a valid value is called in an error ("a date").</param>
    /// <param name="refuse">Says why a text the pattern would accept is refused anyway, or returns null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="DeltaJsonException">The value is not a string, or not accepted.</exception>
    public static T Read<T>(ref Utf8JsonReader reader, IPattern<T> pattern, string noun, Func<string, string?>? refuse = null)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.Describe(typeof(T))}.");
        }

        var text = reader.GetString()!;

        // NodaTime's parser treats NUL as the end of the text, so "2024-07-25\u0000" would otherwise read.
        var reason = text.Contains('\0', StringComparison.Ordinal) ? "it contains a NUL character" : refuse?.Invoke(text);
        if (reason is null)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                return result.Value;
            }

            reason = result.Exception.Message;
        }

        throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, which is not {noun} ({reason}); expected {WireDescriptions.Describe(typeof(T))}.");
    }
}
