using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>The one read path and the one write path behind every public <see cref="DeltaJson"/> overload.</summary>
internal static class DocumentIO
{
    private const int InitialStreamBuffer = 16 * 1024;

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

        if (utf8.Length > options.MaxDocumentBytes)
        {
            throw DeltaFormatErrors.TooLarge(utf8.Length, options.MaxDocumentBytes, sizeIsExact: true);
        }

        if (TryReadFast(utf8, options, out T? fast))
        {
            return fast;
        }

        return ReadContract<T>(utf8, options);
    }

    /// <summary>
    /// Reads through the hand-written readers of the hot records; false when they leave the input to the contract
    /// (anything unusual, every error included), which then reads it again and has the final word.
    /// </summary>
    internal static bool TryReadFast<T>(ReadOnlySpan<byte> utf8, DeltaJsonReaderOptions options, [NotNullWhen(true)] out T? value)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(utf8, DeltaJsonContract.TypeInfo<T>(DeltaJsonContract.FastFor(options)));
            return value is not null;
        }
        catch (Exception exception) when (IsFallback(exception))
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

    /// <summary>Whether an exception from the fast path means "read this through the contract" (what bad input can raise).</summary>
    internal static bool IsFallback(Exception exception)
        => exception is JsonException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException or OverflowException;

    public static T Read<T>(string json, DeltaJsonReaderOptions? options)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        var limit = (options ?? DeltaJsonReaderOptions.Default).MaxDocumentBytes;

        // Every char is at least one UTF-8 byte, so a long string is refused before it is transcoded.
        if (json.Length > limit)
        {
            throw DeltaFormatErrors.TooLarge(json.Length, limit, sizeIsExact: false);
        }

        var byteCount = Encoding.UTF8.GetByteCount(json);
        if (byteCount > limit)
        {
            throw DeltaFormatErrors.TooLarge(byteCount, limit, sizeIsExact: true);
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
        var (buffer, length) = await ReadAllAsync(utf8Json, options.MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
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
                throw DeltaFormatErrors.TooLarge(remaining, limit, sizeIsExact: true);
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
                    throw DeltaFormatErrors.TooLarge(length, limit, sizeIsExact: false);
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
