using System.Globalization;
using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads identifiers from UTF-8 through a per-thread <see cref="RecentValues{T}"/> table: large documents repeat the
/// same few identifiers (indicators, regions, agencies) many thousands of times.
/// </summary>
/// <typeparam name="T">The identifier type.</typeparam>
internal static class IdentifierCache<T>
    where T : struct, IParsable<T>
{
    private const int MaxCachedLength = 64;

    [ThreadStatic]
    private static RecentValues<T>? t_values;

    /// <summary>Reads the string the reader is on as a <typeparamref name="T"/>; throws <see cref="FastPathFallbackException"/> for anything else.</summary>
    public static T Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length is 0 or > MaxCachedLength)
        {
            return Parse(ref reader);
        }

        return (t_values ??= new RecentValues<T>(128)).GetOrAdd(ref reader, Parse);
    }

    private static T Parse(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !T.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out var value))
        {
            throw new FastPathFallbackException();
        }

        return value;
    }
}
