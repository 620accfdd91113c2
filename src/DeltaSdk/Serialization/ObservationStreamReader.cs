using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads an observation batch document from a stream one observation at a time, holding only a window of the
/// bytes (about 64 KiB, or one observation if that is larger) and the observations parsed from that window.
/// </summary>
internal sealed class ObservationStreamReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly DeltaJsonReaderOptions _options;
    private readonly JsonTypeInfo<Observation> _typeInfo;
    private readonly JsonTypeInfo<Observation> _fastInfo;
    private readonly JsonTypeInfo<ObservationBatch> _batchInfo;
    private readonly List<Observation> _ready = new(256);
    private readonly HashSet<string> _rootNames = new(StringComparer.Ordinal);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state;
    private Phase _phase;
    private int _index;
    private bool _versionSeen;
    private bool _bomChecked;

    // Whether the last parse ended without a complete step: the next fill then fills the whole window (growing it
    // when full), so that a value larger than a read is scanned a number of times logarithmic, not linear, in its size.
    private bool _stalled;

    // Line and column of _buffer[0] in the document, kept so that errors point at the right place.
    private long _line;
    private long _column;

    private ObservationStreamReader(DeltaJsonReaderOptions options)
    {
        _options = options;
        var serializerOptions = DeltaJsonContract.For(options);
        _typeInfo = DeltaJsonContract.TypeInfo<Observation>(serializerOptions);
        _fastInfo = DeltaJsonContract.TypeInfo<Observation>(DeltaJsonContract.FastFor(options));
        _batchInfo = DeltaJsonContract.TypeInfo<ObservationBatch>(serializerOptions);
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = options.MaxDepth });
    }

    private enum Phase
    {
        BeforeRoot,
        InRoot,
        InArray,
        Done,
    }

    public static async IAsyncEnumerable<Observation> ReadAsync(Stream utf8Json, DeltaJsonReaderOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new ObservationStreamReader(options ?? DeltaJsonReaderOptions.Default);
        while (true)
        {
            await reader.FillAsync(utf8Json, cancellationToken).ConfigureAwait(false);
            try
            {
                reader.Parse();
            }
            catch (Exception exception) when (DocumentIO.IsEscapedBug(exception))
            {
                // The promise is DeltaFormatException and nothing else (see DocumentIO.Read).
                throw DocumentIO.Unexpected(exception);
            }
            foreach (var observation in reader._ready)
            {
                yield return observation;
            }

            reader._ready.Clear();
            if (reader._phase == Phase.Done && reader._final)
            {
                yield break;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private async ValueTask FillAsync(Stream stream, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Advance(_buffer.AsSpan(0, _start));
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One value does not fit the window: grow it, within the per-value limit.
            if (_end >= _options.MaxDocumentBytes)
            {
                throw new DeltaFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"An observation is more than {_options.MaxDocumentBytes:N0} bytes, the limit for one value of a streamed batch; raise DeltaJsonReaderOptions.MaxDocumentBytes to read it."),
                    CurrentPath(),
                    _line,
                    _column);
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, Array.MaxLength));
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        while (_end < _buffer.Length)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _final = true;
                break;
            }

            _end += read;
            if (_end >= InitialBufferSize / 2 && !_stalled)
            {
                break;
            }
        }

        if (!_bomChecked && (_end >= 3 || _final))
        {
            _bomChecked = true;
            if (_buffer.AsSpan(0, _end).StartsWith(DocumentIO.Utf8Bom))
            {
                _start = 3;
            }
        }
    }

    private void Parse()
    {
        var window = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(window, _final, _state);
        long consumed = 0;
        var state = _state;
        try
        {
            while (Step(ref reader, window))
            {
                consumed = reader.BytesConsumed;
                state = reader.CurrentState;
            }
        }
        catch (JsonException exception) when (exception is not DeltaJsonException)
        {
            throw new DeltaFormatException($"The document is not well-formed JSON: {DeltaFormatErrors.Strip(exception.Message)}", CurrentPath(), exception.LineNumber, exception.BytePositionInLine, exception);
        }

        _start += (int)consumed;
        _state = state;
        _stalled = consumed == 0;
        if (_stalled)
        {
            // Whitespace between tokens means nothing: drop it now rather than scan it again after the next read.
            var whitespace = _buffer.AsSpan(_start, _end - _start).IndexOfAnyExcept(" \t\r\n"u8);
            _start = whitespace < 0 ? _end : _start + whitespace;
            _stalled = whitespace >= 0;
        }
        if (_final && _phase != Phase.Done)
        {
            throw new DeltaFormatException("The document ends before its top-level object is closed; expected more JSON.", CurrentPath(), _line, _column);
        }
    }

    /// <summary>Takes one step; false when the window holds no further complete step.</summary>
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        if (!reader.Read())
        {
            return false;
        }

        switch (_phase)
        {
            case Phase.BeforeRoot when reader.TokenType == JsonTokenType.StartObject:
                _phase = Phase.InRoot;
                return true;
            case Phase.BeforeRoot:
                throw Error(ref reader, window, $"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.Describe(typeof(ObservationBatch))}.", "$");
            case Phase.InRoot when reader.TokenType == JsonTokenType.EndObject:
                if (!_versionSeen)
                {
                    throw Error(ref reader, window, $"The document has no \"formatVersion\"; expected \"formatVersion\": \"{DocumentHeader.FormatVersion}\" (or a later 1.x) beside \"$schema\" at the top of the document.", "$.formatVersion");
                }

                _phase = Phase.Done;
                return true;
            case Phase.InRoot:
                return RootProperty(ref reader, window);
            case Phase.InArray when reader.TokenType == JsonTokenType.EndArray:
                _phase = Phase.InRoot;
                return true;
            case Phase.InArray when reader.TokenType == JsonTokenType.StartObject:
                return Element(ref reader, window);
            case Phase.InArray:
                throw Error(ref reader, window, $"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.Describe(typeof(Observation))}.", CurrentPath());
            default:
                // Past the end of the document the reader itself refuses anything but whitespace.
                return true;
        }
    }

    private bool RootProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        // The text check of every reader (DocumentText), run on each complete token or value as it is reached:
        // the name here, the value below, each observation in Element. Each byte is checked once.
        var name = DeltaFormatErrors.SafeString(ref reader);
        var path = "$" + JsonPaths.Property(name);
        var nameStart = reader.TokenStartIndex;
        CheckText(window, (int)nameStart, (int)reader.BytesConsumed, path, isName: true);
        if (!reader.Read())
        {
            return false;
        }

        var valueStart = (int)reader.TokenStartIndex;
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            CheckText(window, valueStart, (int)reader.BytesConsumed, path, isName: false);
        }

        if (!_rootNames.Add(name))
        {
            throw Error(window, nameStart, $"The property \"{name}\" appears twice in this object; expected each property once.", path);
        }

        try
        {
            switch (name)
            {
                case DocumentHeader.SchemaProperty:
                    DocumentHeader.CheckSchema(ReadString(ref reader, "the schema URI"), DeltaDocumentKind.ObservationBatch);
                    return true;
                case DocumentHeader.FormatVersionProperty:
                    DocumentHeader.CheckVersion(ReadString(ref reader, "the format version"));
                    _versionSeen = true;
                    return true;
                case "plan":
                    if (reader.TokenType != JsonTokenType.Null)
                    {
                        _ = PlanId.Parse(ReadString(ref reader, "a plan id"));
                    }

                    return true;
                case "observations" when reader.TokenType == JsonTokenType.StartArray:
                    _phase = Phase.InArray;
                    return true;
                case "observations":
                    throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected {WireDescriptions.Describe(typeof(System.Collections.Immutable.ImmutableArray<Observation>))}.");
                default:
                    if (_options.Strict)
                    {
                        var known = string.Join(", ", _batchInfo.Properties.Where(DeltaFormatErrors.IsWire).Select(static p => "\"" + p.Name + "\""));
                        throw new DeltaJsonException($"The property \"{name}\" is not part of an observation batch object, and strict reading refuses unknown properties; expected one of {known}.");
                    }

                    // Unknown members of the batch are skipped: a stream yields observations, not the batch.
                    if (!reader.TrySkip())
                    {
                        _rootNames.Remove(name); // read again, whole, once more bytes have arrived
                        return false;
                    }

                    CheckText(window, valueStart, (int)reader.BytesConsumed, path, isName: false);
                    return true;
            }
        }
        catch (Exception exception) when (exception is DeltaJsonException or FormatException)
        {
            throw Error(ref reader, window, exception is DeltaJsonException own ? own.Detail : exception.Message, path);
        }
    }

    private bool Element(ref Utf8JsonReader reader, ReadOnlySpan<byte> window)
    {
        var probe = reader;
        if (!probe.TrySkip())
        {
            return false;
        }

        var start = (int)reader.TokenStartIndex;
        var path = CurrentPath();
        CheckText(window, start, (int)probe.BytesConsumed, path, isName: false);
        var atStart = reader;
        JsonException? refused = null;
        try
        {
            _ready.Add(JsonSerializer.Deserialize(ref reader, _fastInfo)!);
            _index++;
            return true;
        }
        catch (FastPathFallbackException)
        {
            // The one fallback (see DocumentIO.TryReadFast): the contract reads the observation again and decides.
            reader = atStart;
        }
        catch (JsonException exception)
        {
            // Refused on the fast path: the contract reads it again only to name the error, and must refuse it too.
            refused = exception;
            reader = atStart;
        }

        try
        {
            _ready.Add(JsonSerializer.Deserialize(ref reader, _typeInfo) ?? throw new DeltaJsonException("Found null, expected an observation object."));
        }
        catch (JsonException exception)
        {
            var slice = window[start..(int)probe.BytesConsumed];
            var (line, column) = Position(window, start);
            throw DeltaFormatErrors.FromJsonException(exception, slice, _typeInfo, _options, path, line, column);
        }

        if (refused is not null)
        {
            throw new InvalidOperationException("The fast reader refused an observation that the contract reads.", refused);
        }

        _index++;
        return true;
    }

    /// <summary>Runs the document text check (<see cref="DocumentText"/>) over one complete token or value of the window.</summary>
    private void CheckText(ReadOnlySpan<byte> window, int from, int upTo, string path, bool isName)
    {
        var slice = window[from..upTo];
        if (DocumentText.Find(slice) is { } flaw)
        {
            var (line, column) = Position(window, from);

            // A flawed name is reported at its own path, as the document readers do; a value at the path inside it.
            var error = DeltaFormatErrors.InvalidText(slice, flaw, path, line, column);
            throw isName ? new DeltaFormatException(error.Message, path, error.LineNumber, error.BytePositionInLine) : error;
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, string what)
        => reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new DeltaJsonException($"Found {JsonTokenDescriber.Describe(in reader)}, expected {what} as a string.");

    private string CurrentPath() => _phase == Phase.InArray
        ? string.Create(CultureInfo.InvariantCulture, $"$.observations[{_index}]")
        : "$";

    private DeltaFormatException Error(ref Utf8JsonReader reader, ReadOnlySpan<byte> window, string message, string path)
        => Error(window, reader.TokenStartIndex, message, path);

    private DeltaFormatException Error(ReadOnlySpan<byte> window, long tokenStart, string message, string path)
    {
        var (line, column) = Position(window, (int)tokenStart);
        return new DeltaFormatException(message, path, line, column);
    }

    /// <summary>The document position of a byte of the window.</summary>
    private (long Line, long Column) Position(ReadOnlySpan<byte> window, int offset)
    {
        var before = _buffer.AsSpan(0, _start).Length + offset;
        var span = _buffer.AsSpan(0, before);
        var lines = span.Count((byte)'\n');
        return lines == 0 ? (_line, _column + before) : (_line + lines, before - span.LastIndexOf((byte)'\n') - 1);
    }

    private void Advance(ReadOnlySpan<byte> discarded)
    {
        var lines = discarded.Count((byte)'\n');
        if (lines == 0)
        {
            _column += discarded.Length;
        }
        else
        {
            _line += lines;
            _column = discarded.Length - discarded.LastIndexOf((byte)'\n') - 1;
        }
    }
}
