using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// A small direct-mapped table of values recently read from JSON strings, keyed by the string's UTF-8 bytes: the one
/// table behind <see cref="IdentifierCache{T}"/>, <see cref="StringCache"/> and <see cref="UriCache"/>. Large
/// documents repeat the same few identifiers, tags, titles and URIs many thousands of times; a hit costs a hash and
/// a byte comparison instead of a transcoding, an allocation and a parse. Each user keeps one table per thread, so
/// that it needs no locking.
/// </summary>
/// <typeparam name="T">The values kept.</typeparam>
/// <param name="size">The number of slots, a power of two.</param>
internal sealed class RecentValues<T>(int size)
{
    private readonly byte[]?[] _keys = new byte[]?[size];
    private readonly T[] _values = new T[size];

    /// <summary>Makes a value from the string the reader is on (called on a miss only).</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <returns>The value.</returns>
    public delegate T Parse(ref Utf8JsonReader reader);

    /// <summary>
    /// Returns the value kept for the unescaped string the reader is on, or makes it with <paramref name="parse"/>
    /// and keeps it. The caller checks that the token is an unescaped string in one segment, of a length worth keeping.
    /// </summary>
    /// <param name="reader">The reader, on the string.</param>
    /// <param name="parse">Makes the value on a miss; whatever it throws propagates.</param>
    /// <returns>The value.</returns>
    public T GetOrAdd(ref Utf8JsonReader reader, Parse parse)
    {
        var span = reader.ValueSpan;
        var slot = Hash(span) & (_keys.Length - 1);
        if (_keys[slot] is { } key && span.SequenceEqual(key))
        {
            return _values[slot];
        }

        var value = parse(ref reader);

        // Distinct values (task codes) miss every time and often have one length: reuse the slot's key buffer.
        if (_keys[slot] is { } buffer && buffer.Length == span.Length)
        {
            span.CopyTo(buffer);
        }
        else
        {
            _keys[slot] = span.ToArray();
        }

        _values[slot] = value;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> span)
    {
        // FNV-1a: keys are short, and the table only needs a spread, not collision resistance.
        var hash = 2166136261u;
        foreach (var b in span)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }
}
