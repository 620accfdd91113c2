using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads short strings that documents repeat (source titles and publishers, tags, units) through a per-thread
/// <see cref="RecentValues{T}"/> table. Only for members whose values repeat: a distinct value costs a little more
/// than a plain read.
/// </summary>
internal static class StringCache
{
    private const int MaxCachedLength = 64;

    [ThreadStatic]
    private static RecentValues<string>? t_values;

    /// <summary>Reads the string the reader is on; throws <see cref="FastPathFallbackException"/> for any other token.</summary>
    public static string Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new FastPathFallbackException();
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxCachedLength)
        {
            return reader.GetString()!;
        }

        return (t_values ??= new RecentValues<string>(64)).GetOrAdd(ref reader, static (ref r) => r.GetString()!);
    }
}
