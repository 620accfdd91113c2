using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads URIs through a small per-thread table of recently parsed ones. Parsing a <see cref="Uri"/> is costly, and a
/// plan cites the same few sources from many tasks. Sharing one instance is safe: a <see cref="Uri"/> is immutable.
/// </summary>
internal static class UriCache
{
    private const int Size = 64;
    private const int MaxCachedLength = 512;

    [ThreadStatic]
    private static (byte[]? Key, Uri? Value)[]? t_entries;

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

        var span = reader.ValueSpan;
        var entries = t_entries ??= new (byte[]?, Uri?)[Size];
        var hash = 2166136261u;
        foreach (var b in span)
        {
            hash = (hash ^ b) * 16777619u;
        }

        ref var entry = ref entries[(hash ^ (hash >> 15)) % Size];
        if (entry.Key is { } key && span.SequenceEqual(key))
        {
            return entry.Value!;
        }

        var uri = Parse(reader.GetString()!);
        entry = (span.ToArray(), uri);
        return uri;
    }

    private static Uri Parse(string text)
        => Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new FastPathFallbackException();
}
