using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using NodaTime;

namespace DeltaSdk.Serialization;

/// <summary>
/// Building blocks of the fast path: the value readers the member tables of <see cref="FastRecords"/> are made of,
/// and the object walk <see cref="FastRecord{TBuilder, TRecord}"/> does for every record.
/// </summary>
/// <remarks>
/// The fast path accepts only what the contract accepts. Anything outside the canonical shape (escaped names or
/// values, unexpected nulls, duplicates, missing or invalid members) raises <see cref="FastPathFallbackException"/>:
/// the document is then read again through the contract, which decides, so results and errors stay exactly the
/// contract's (see <see cref="DocumentIO.TryReadFast"/>).
/// </remarks>
internal static class FastRead
{
    private static readonly LocalDateJsonConverter LocalDates = new();
    private static readonly LocalizedTextJsonConverter Texts = new();
    private static readonly InstantJsonConverter Instants = new();

    /// <summary>Reads one record of an array (<see cref="FastRecord{TBuilder, TRecord}.Read"/>).</summary>
    public delegate T Item<T>(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options);

    [DoesNotReturn]
    public static void Fallback() => throw new FastPathFallbackException();

    /// <summary>Checks that the reader is on the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Fallback();
        }
    }

    /// <summary>
    /// Moves to the next member: true with the reader on an unescaped property name, false at the end of the object.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        // Escaped names would need unescaping to match; they are rare enough to leave to the contract.
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            Fallback();
        }

        return true;
    }

    /// <summary>Marks a member as seen; a second occurrence goes to the contract, which reports it.</summary>
    public static void Seen(ref int seen, int bit)
    {
        if ((seen & bit) != 0)
        {
            Fallback();
        }

        seen |= bit;
    }

    /// <summary>Reads the value of a property the model does not know, into the extension data (lenient) or not at all (strict).</summary>
    public static void Unknown(ref Utf8JsonReader reader, bool strict, ref Dictionary<string, JsonElement>? extensionData)
    {
        var name = reader.GetString()!;

        // Strict reading refuses unknown members; '$' names may be metadata to System.Text.Json; and the names of
        // members that are not on the wire (ExtensionData is [JsonIgnore]d) are skipped by it: the contract decides.
        if (strict || name.StartsWith('$') || name is "extensionData" or "unknownProperties")
        {
            Fallback();
        }

        reader.Read();
        extensionData ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (!extensionData.TryAdd(name, JsonElement.ParseValue(ref reader)))
        {
            Fallback();
        }
    }

    public static string String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Fallback();
        }

        return reader.GetString()!;
    }

    public static string? NullableString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : String(ref reader);

    /// <summary>Reads a string of a member whose values repeat across a document (see <see cref="StringCache"/>).</summary>
    public static string RepeatedString(ref Utf8JsonReader reader) => StringCache.Read(ref reader);

    public static string? NullableRepeatedString(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : StringCache.Read(ref reader);

    public static double Double(ref Utf8JsonReader reader)
    {
        // A number beyond a double's range is left to the contract path, which reports it.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new FastPathFallbackException();
    }

    public static int Int32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        throw new FastPathFallbackException();
    }

    public static int? NullableInt32(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader);

    public static double? NullableDouble(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : Double(ref reader);

    public static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new FastPathFallbackException(),
    };

    public static LocalDate Date(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Fallback();
        }

        return LocalDates.Read(ref reader, typeof(LocalDate), options);
    }

    public static T Identifier<T>(ref Utf8JsonReader reader)
        where T : struct, IParsable<T>
        => IdentifierCache<T>.Read(ref reader);

    public static T? NullableIdentifier<T>(ref Utf8JsonReader reader)
        where T : struct, IParsable<T>
        => reader.TokenType == JsonTokenType.Null ? null : IdentifierCache<T>.Read(ref reader);

    /// <summary>Reads a reporting period straight from its UTF-8 bytes (every valid form is ASCII and at most 10 characters).</summary>
    public static ReportingPeriod Period(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > 10)
        {
            Fallback();
        }

        var bytes = reader.ValueSpan;
        Span<char> chars = stackalloc char[10];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                Fallback();
            }

            chars[i] = (char)bytes[i];
        }

        if (!ReportingPeriod.TryParse(chars[..bytes.Length], out var period))
        {
            Fallback();
        }

        return period;
    }

    public static LocalDate? NullableDate(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : LocalDates.Read(ref reader, typeof(LocalDate), options);

    /// <summary>Reads an instant or null, through the contract's converter, so that errors read alike.</summary>
    public static Instant? NullableInstant(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : Instants.Read(ref reader, typeof(Instant), options);

    public static LocalizedText Text(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Fallback();
        }

        return Texts.Read(ref reader, typeof(LocalizedText), options);
    }

    public static LocalizedText? NullableText(ref Utf8JsonReader reader, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : Text(ref reader, options);

    public static Uri? NullableUri(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return UriCache.Read(ref reader);
    }

    public static T Enum<T>(ref Utf8JsonReader reader, CamelCaseEnumConverter<T> converter, JsonSerializerOptions options)
        where T : struct, System.Enum
    {
        // A null for a non-nullable enum is an error of the contract's to report.
        if (reader.TokenType != JsonTokenType.String)
        {
            Fallback();
        }

        return converter.Read(ref reader, typeof(T), options);
    }

    public static T? NullableEnum<T>(ref Utf8JsonReader reader, CamelCaseEnumConverter<T> converter, JsonSerializerOptions options)
        where T : struct, System.Enum
        => reader.TokenType == JsonTokenType.Null ? null : Enum(ref reader, converter, options);

    /// <summary>Reads an array of records, each through its fast reader.</summary>
    public static ImmutableArray<T> Array<T>(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options, Item<T> read)
    {
        StartArray(ref reader);
        T[]? items = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Add(ref items, ref count, read(ref reader, strict, options));
        }

        return Seal(items, count);
    }

    /// <summary>Reads an array of identifiers.</summary>
    public static ImmutableArray<T> IdentifierArray<T>(ref Utf8JsonReader reader)
        where T : struct, IParsable<T>
    {
        StartArray(ref reader);
        T[]? items = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Add(ref items, ref count, IdentifierCache<T>.Read(ref reader));
        }

        return Seal(items, count);
    }

    /// <summary>Reads an array of non-null strings (tags: values that repeat).</summary>
    public static ImmutableArray<string> StringArray(ref Utf8JsonReader reader)
    {
        StartArray(ref reader);
        string[]? items = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Add(ref items, ref count, StringCache.Read(ref reader));
        }

        return Seal(items, count);
    }

    private static void StartArray(ref Utf8JsonReader reader)
    {
        // A null list is left to the contract (it decides whether null means empty or is an error).
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Fallback();
        }
    }

    // The items are gathered in a pooled buffer and copied once into an array of the exact length: growing a fresh
    // array (4, 8, ...) and trimming it cost two or more allocations per list, and most lists hold one to three items.
    private static void Add<T>(ref T[]? items, ref int count, T item)
    {
        if (items is null)
        {
            items = ArrayPool<T>.Shared.Rent(8);
        }
        else if (count == items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(count * 2);
            items.AsSpan(0, count).CopyTo(larger);
            Return(items, count);
            items = larger;
        }

        items[count++] = item;
    }

    private static ImmutableArray<T> Seal<T>(T[]? items, int count)
    {
        if (items is null)
        {
            return [];
        }

        var result = items.AsSpan(0, count).ToArray();
        Return(items, count);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private static void Return<T>(T[] items, int count)
    {
        // Cleared so that the pool does not keep the document's strings and records alive.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            items.AsSpan(0, count).Clear();
        }

        ArrayPool<T>.Shared.Return(items);
    }
}
