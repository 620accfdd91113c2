using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads identifiers from UTF-8 through a small per-thread table of recently parsed values. Large documents repeat
/// the same few identifiers (indicators, regions, agencies) many thousands of times; a hit costs a hash and a
/// byte comparison instead of a string allocation and a syntax check. Per thread so that it needs no locking.
/// </summary>
/// <typeparam name="T">The identifier type.</typeparam>
internal static class IdentifierCache<T>
    where T : struct, IParsable<T>
{
    private const int Size = 128;
    private const int MaxCachedLength = 64;

    [ThreadStatic]
    private static Entry[]? t_entries;

    /// <summary>Reads the string the reader is on as a <typeparamref name="T"/>; throws <see cref="FastPathFallbackException"/> for anything else.</summary>
    public static T Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return Slow(ref reader);
        }

        var span = reader.ValueSpan;
        if (span.Length is 0 or > MaxCachedLength)
        {
            return Slow(ref reader);
        }

        var entries = t_entries ??= new Entry[Size];
        ref var entry = ref entries[Hash(span) & (Size - 1)];
        if (entry.Key is { } key && span.SequenceEqual(key))
        {
            return entry.Value;
        }

        var value = Slow(ref reader);

        // Distinct identifiers (task codes) miss every time and often have one length: reuse the slot's key buffer.
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

    private static T Slow(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !T.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out var value))
        {
            throw new FastPathFallbackException();
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<byte> span)
    {
        // FNV-1a: identifiers are short, and the table only needs a spread, not collision resistance.
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
        public T Value;
    }
}
