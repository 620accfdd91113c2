using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads short strings that documents repeat (source titles and publishers, tags, units) through a small per-thread
/// table of recently read values, as <see cref="IdentifierCache{T}"/> does for identifiers: a hit costs a hash and a
/// byte comparison instead of a transcoding and an allocation. Only for members whose values repeat: a distinct
/// value costs a little more than a plain read.
/// </summary>
internal static class StringCache
{
    private const int Size = 64;
    private const int MaxCachedLength = 64;

    [ThreadStatic]
    private static Entry[]? t_entries;

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

        var span = reader.ValueSpan;
        var entries = t_entries ??= new Entry[Size];
        ref var entry = ref entries[Hash(span) & (Size - 1)];
        if (entry.Key is { } key && span.SequenceEqual(key))
        {
            return entry.Value!;
        }

        var value = reader.GetString()!;
        if (entry.Key is { } buffer && buffer.Length == span.Length)
        {
            span.CopyTo(buffer);
        }
        else
        {
            entry.Key = span.ToArray();
        }

        entry.Value = value;
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> span)
    {
        // FNV-1a, as in IdentifierCache: the table only needs a spread.
        var hash = 2166136261u;
        foreach (var b in span)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    private struct Entry
    {
        public byte[]? Key;
        public string? Value;
    }
}
