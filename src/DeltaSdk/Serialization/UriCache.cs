using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads URIs through a per-thread <see cref="RecentValues{T}"/> table: parsing a <see cref="Uri"/> is costly, and a
/// plan cites the same few sources from many tasks. Sharing one instance is safe: a <see cref="Uri"/> is immutable.
/// </summary>
internal static class UriCache
{
    private const int MaxCachedLength = 512;

    [ThreadStatic]
    private static RecentValues<Uri>? t_values;

    /// <summary>Reads the string the reader is on as a URI, relative or absolute as System.Text.Json's converter does; throws <see cref="FastPathFallbackException"/> otherwise.</summary>
    public static Uri Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new FastPathFallbackException();
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxCachedLength)
        {
            return Parse(reader.GetString()!);
        }

        return (t_values ??= new RecentValues<Uri>(64)).GetOrAdd(ref reader, static (ref r) => Parse(r.GetString()!));
    }

    private static Uri Parse(string text)
        => Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new FastPathFallbackException();
}
