using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using NodaTime.Text;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads a NodaTime value from a JSON string with one of NodaTime's own patterns, for <see cref="LocalDateJsonConverter"/>
/// and <see cref="InstantJsonConverter"/>, and from plain text for <see cref="DeltaText"/>: the same token check, the same
/// NUL rule and the same error wording for all.
/// </summary>
internal static class NodaTimeText
{
    /// <summary>Refuses the hour 24, which NodaTime's instant pattern reads as the next day's midnight: a second name for it.</summary>
    public static readonly Func<string, string?> RefuseHour24 = static text =>
    {
        var time = text.IndexOf('T', StringComparison.Ordinal);
        return time >= 0 && text.AsSpan(time + 1).StartsWith("24", StringComparison.Ordinal) ? "the hour 24 is written as 00:00 of the next day" : null;
    };

    /// <summary>
    /// Parses a text with <paramref name="pattern"/> under the format's rules: the one definition behind both the JSON
    /// converters and <see cref="DeltaText"/>.
    /// </summary>
    /// <returns><see langword="true"/> with the value, or <see langword="false"/> with why not.</returns>
    public static bool TryParse<T>(string text, IPattern<T> pattern, Func<string, string?>? refuse, out T value, [NotNullWhen(false)] out string? reason)
    {
        // NodaTime's parser treats NUL as the end of the text, so "2024-07-25\u0000" would otherwise read.
        reason = text.Contains('\0', StringComparison.Ordinal) ? "it contains a NUL character" : refuse?.Invoke(text);
        if (reason is null)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                value = result.Value;
                return true;
            }

            reason = result.Exception.Message;
        }

        value = default!;
        return false;
    }

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

        if (TryParse(reader.GetString()!, pattern, refuse, out var value, out var reason))
        {
            return value;
        }

        throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, which is not {noun} ({reason}); expected {WireDescriptions.Describe(typeof(T))}.");
    }
}
