using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>The one read path and the one write path behind every public <see cref="DeltaJson"/> overload.</summary>
internal static class DocumentIO
{
    private const int InitialStreamBuffer = 16 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Gets the UTF-8 byte order mark, which readers skip.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static T Read<T>(ReadOnlySpan<byte> utf8, DeltaJsonReaderOptions? options)
        where T : class
    {
        options ??= DeltaJsonReaderOptions.Default;
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[3..];
        }

        CheckSize(utf8, options.MaxDocumentBytes);
        if (DocumentText.Find(utf8) is { } flaw)
        {
            throw DeltaFormatErrors.InvalidText(utf8, flaw);
        }

        try
        {
            try
            {
                if (TryReadFast(utf8, options, out T? fast))
                {
                    return fast;
                }
            }
            catch (JsonException refused)
            {
                // Refused on the fast path (malformed JSON, a bad value, a bad header): this is not a fallback. The
                // contract reads the bytes only to name the error, and must refuse them too; if it reads them, the
                // two paths disagree, which is a bug of this library and is reported as one, never returned.
                _ = ReadContract<T>(utf8, options);
                throw new InvalidOperationException("The fast reader refused a document that the contract reads.", refused);
            }

            return ReadContract<T>(utf8, options);
        }
        catch (Exception exception) when (IsEscapedBug(exception))
        {
            // The readers' promise is DeltaFormatException and nothing else. Reaching here is a bug of this library
            // (the property-based tests look for this message); the caller still gets the promised type.
            throw Unexpected(exception);
        }
    }

    /// <summary>Whether an exception broke the readers' promise (anything but DeltaFormatException or a cancellation).</summary>
    internal static bool IsEscapedBug(Exception exception)
        => exception is not (DeltaFormatException or OperationCanceledException or OutOfMemoryException);

    /// <summary>Wraps an exception that should never have left a reader (see <see cref="IsEscapedBug"/>).</summary>
    internal static DeltaFormatException Unexpected(Exception exception)
        => new($"The document could not be read because of an internal error of DeltaSdk ({exception.GetType().Name}: {DeltaFormatErrors.Strip(exception.Message)}); please report it with the document.", "$", null, null, exception);

    /// <summary>
    /// Applies <see cref="DeltaJsonReaderOptions.MaxDocumentBytes"/>: bytes other than JSON whitespace count against
    /// it, so that the writer's indentation never takes a document that was read over the limit; all bytes together
    /// may not pass <see cref="DeltaJsonReaderOptions.RawSizeFactor"/> times it.
    /// </summary>
    internal static void CheckSize(ReadOnlySpan<byte> utf8, long limit)
    {
        if (utf8.Length <= limit)
        {
            return;
        }

        var rawLimit = RawLimit(limit);
        if (utf8.Length > rawLimit)
        {
            throw DeltaFormatErrors.TooLarge(utf8.Length, rawLimit, sizeIsExact: true, counted: "whitespace included");
        }

        var significant = utf8.Length - WhitespaceCount(utf8);
        if (significant > limit)
        {
            throw DeltaFormatErrors.TooLarge(significant, limit, sizeIsExact: true);
        }
    }

    internal static long RawLimit(long limit) => (long)Math.Min((double)limit * DeltaJsonReaderOptions.RawSizeFactor, Array.MaxLength);

    internal static long WhitespaceCount(ReadOnlySpan<byte> utf8)
        => (long)utf8.Count((byte)' ') + utf8.Count((byte)'\n') + utf8.Count((byte)'\r') + utf8.Count((byte)'\t');

    /// <summary>
    /// Reads through the fast path (<see cref="DeltaJsonContract.FastFor"/>: the generated contract with the
    /// table-driven readers of the records, <see cref="FastRecords"/>). True with the value when it read the
    /// document; false when a fast reader left the document to the contract; a <see cref="JsonException"/> when the
    /// bytes are refused.
    /// </summary>
    /// <remarks>
    /// The one condition on which the contract reads the same bytes instead is <see cref="FastPathFallbackException"/>,
    /// which only the fast readers raise, for input outside the canonical shape they read (an escaped name, a
    /// repeated member, an explicit null where they expect a value, a missing required member, a value they do not
    /// parse themselves). It cannot hide a bug: the contract then reads the bytes from the start and its answer,
    /// value or error, is the only one returned; a fast reader that gave up on valid input would only be slower, and
    /// <c>FastReadTests</c> fail if canonical documents do not stay on the fast path; any other exception (a
    /// programming error) is not caught here and surfaces as an internal error.
    /// </remarks>
    internal static bool TryReadFast<T>(ReadOnlySpan<byte> utf8, DeltaJsonReaderOptions options, [NotNullWhen(true)] out T? value)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(utf8, DeltaJsonContract.TypeInfo<T>(DeltaJsonContract.FastFor(options)));
            return value is not null;
        }
        catch (FastPathFallbackException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>Reads through the generated contract alone: the reference behaviour, and the one source of errors.</summary>
    internal static T ReadContract<T>(ReadOnlySpan<byte> utf8, DeltaJsonReaderOptions options)
        where T : class
    {
        var typeInfo = DeltaJsonContract.TypeInfo<T>(DeltaJsonContract.For(options));
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(utf8, typeInfo);
        }
        catch (JsonException exception)
        {
            throw DeltaFormatErrors.FromJsonException(exception, utf8, typeInfo, options);
        }

        return value ?? throw DeltaFormatErrors.NotAnObject(typeof(T));
    }

    public static T Read<T>(string json, DeltaJsonReaderOptions? options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        var rawLimit = RawLimit((options ?? DeltaJsonReaderOptions.Default).MaxDocumentBytes);

        // Every char is at least one UTF-8 byte, so a long string is refused before it is transcoded.
        if (json.Length > rawLimit)
        {
            throw DeltaFormatErrors.TooLarge(json.Length, rawLimit, sizeIsExact: false, counted: "whitespace included");
        }

        int byteCount;
        try
        {
            byteCount = StrictUtf8.GetByteCount(json);
        }
        catch (EncoderFallbackException exception)
        {
            // A string with a lone surrogate is not text: refused as the same flaw in bytes is, at its path.
            var replaced = Encoding.UTF8.GetBytes(json);
            var offset = Encoding.UTF8.GetByteCount(json.AsSpan(0, exception.Index));
            throw DeltaFormatErrors.InvalidText(replaced, new DocumentText.Flaw(offset, "The document holds a lone surrogate (half of a UTF-16 pair), which is not Unicode text"));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(json, buffer);
            return Read<T>(buffer.AsSpan(0, written), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static async Task<T> ReadAsync<T>(Stream utf8Json, DeltaJsonReaderOptions? options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= DeltaJsonReaderOptions.Default;

        // The whole document is read before it is parsed: the model is materialised anyway, the size limit is
        // enforced before any parsing, and bytes and strings then share one synchronous, faster parse path.
        var (buffer, length) = await ReadAllAsync(utf8Json, RawLimit(options.MaxDocumentBytes), cancellationToken).ConfigureAwait(false);
        try
        {
            return Read<T>(buffer.AsSpan(0, length), options);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void Write<T>(IBufferWriter<byte> destination, T value)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(value);
        using (var writer = new Utf8JsonWriter(destination, DeltaJsonContract.WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<T>(DeltaJsonContract.Lenient));
        }

        // A document is a text file: it ends with a line feed.
        destination.Write("\n"u8);
    }

    public static byte[] WriteToUtf8Bytes<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(InitialStreamBuffer);
        Write(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    public static string WriteToString<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>(InitialStreamBuffer);
        Write(buffer, value);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task WriteAsync<T>(Stream utf8Json, T value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(value);
        // The options carry the same indentation, line end and encoder as WriterOptions: the bytes are identical.
        await JsonSerializer.SerializeAsync(utf8Json, value, DeltaJsonContract.TypeInfo<T>(DeltaJsonContract.Lenient), cancellationToken).ConfigureAwait(false);
        await utf8Json.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(byte[] Buffer, int Length)> ReadAllAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        var initial = InitialStreamBuffer;
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > limit)
            {
                throw DeltaFormatErrors.TooLarge(remaining, limit, sizeIsExact: true, counted: "whitespace included");
            }

            initial = (int)Math.Max(remaining + 1, 1);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    throw DeltaFormatErrors.TooLarge(length, limit, sizeIsExact: false, counted: "whitespace included");
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
