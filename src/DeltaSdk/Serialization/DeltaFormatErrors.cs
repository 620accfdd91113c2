using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DeltaSdk.Serialization;

/// <summary>
/// Turns whatever System.Text.Json reports into a <see cref="DeltaFormatException"/> a person can act on. Its
/// exceptions carry a path but a generic message ("The JSON value could not be converted to …"), so on failure the
/// document is walked once more up to that path, and what was found there is compared with what the contract
/// expects. Runs only on bad input, so it favours clarity over speed.
/// </summary>
internal static class DeltaFormatErrors
{
    public static DeltaFormatException TooLarge(long size, long limit, bool sizeIsExact, string counted = "not counting whitespace")
        => new(
            sizeIsExact
                ? string.Create(CultureInfo.InvariantCulture, $"The document is {size:N0} bytes ({counted}), over the limit of {limit:N0} bytes; raise DeltaJsonReaderOptions.MaxDocumentBytes to read it.")
                : string.Create(CultureInfo.InvariantCulture, $"The document is more than {limit:N0} bytes ({counted}), the limit; raise DeltaJsonReaderOptions.MaxDocumentBytes to read it."),
            "$",
            0,
            0);

    /// <summary>Reports a flaw <see cref="DocumentText.Find"/> found, at the path of the token that holds it.</summary>
    public static DeltaFormatException InvalidText(ReadOnlySpan<byte> utf8, DocumentText.Flaw flaw, string rootPath = "$", long baseLine = 0, long baseColumn = 0)
    {
        var path = PathAt(utf8, flaw.Offset);
        var before = utf8[..flaw.Offset];
        var lines = before.Count((byte)'\n');
        var (line, column) = lines == 0 ? (baseLine, baseColumn + before.Length) : (baseLine + lines, (long)(before.Length - before.LastIndexOf((byte)'\n') - 1));
        return new DeltaFormatException(flaw.Reason + "; expected UTF-8 text of Unicode characters.", JsonPaths.Rebase(path, rootPath), line, column);
    }

    /// <summary>The JSON path of the token that holds byte <paramref name="offset"/> (or of the last token read before the document stopped parsing).</summary>
    private static string PathAt(ReadOnlySpan<byte> utf8, int offset)
    {
        var segments = new List<(bool IsArray, int Index, string? Name)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 100_000 });
        string Path()
        {
            var builder = new StringBuilder("$");
            foreach (var (isArray, index, name) in segments)
            {
                if (isArray)
                {
                    if (index >= 0)
                    {
                        JsonPaths.AppendIndex(builder, index);
                    }
                }
                else if (name is not null)
                {
                    JsonPaths.AppendProperty(builder, name);
                }
            }

            return builder.ToString();
        }

        try
        {
            while (reader.Read())
            {
                var inArray = segments.Count > 0 && segments[^1].IsArray;
                if (inArray && reader.TokenType is not JsonTokenType.EndArray)
                {
                    segments[^1] = segments[^1] with { Index = segments[^1].Index + 1 };
                }

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    segments[^1] = segments[^1] with { Name = SafeString(ref reader) };
                }

                if (reader.BytesConsumed > offset)
                {
                    return Path();
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        segments.Add((false, -1, null));
                        break;
                    case JsonTokenType.StartArray:
                        segments.Add((true, -1, null));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        segments.RemoveAt(segments.Count - 1);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The flaw lies past a syntax error; the path of the last token read is the best there is.
        }

        return Path();
    }

    /// <summary>
    /// The text of a string or property name token, never throwing: a token that is not valid text (which the
    /// readers refuse before they get here) comes back with replacement characters, for use in messages only.
    /// </summary>
    internal static string SafeString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
        }
    }

    public static DeltaFormatException NotAnObject(Type type, string path = "$")
        => new($"Found null, expected {WireDescriptions.Describe(type)}.", path, 0, 0);

    /// <summary>Explains a failed read of <paramref name="utf8"/> as <paramref name="root"/>.</summary>
    /// <param name="exception">What System.Text.Json threw.</param>
    /// <param name="utf8">The bytes that were read (for a streamed element, just that element).</param>
    /// <param name="root">The contract of the value those bytes hold.</param>
    /// <param name="options">The reader options in force.</param>
    /// <param name="rootPath">Where the bytes sit in the document (<c>$</c>, or <c>$.observations[3]</c> for a streamed element).</param>
    /// <param name="baseLine">The zero-based line of the first byte in the document.</param>
    /// <param name="baseColumn">The zero-based byte position of the first byte in its line.</param>
    public static DeltaFormatException FromJsonException(JsonException exception, ReadOnlySpan<byte> utf8, JsonTypeInfo root, DeltaJsonReaderOptions options, string rootPath = "$", long baseLine = 0, long baseColumn = 0)
    {
        var readerFailed = exception is not DeltaJsonException && exception.InnerException is JsonException;
        var walk = new Walk(utf8, root, options, readerFailed ? null : exception.Path ?? "$");
        walk.Run();

        (long Line, long Column) At(long line, long column) => line == 0 ? (baseLine, baseColumn + column) : (baseLine + line, column);
        DeltaFormatException Make(string message, string path, long line, long column, Exception? inner = null)
        {
            var (l, c) = At(line, column);
            return new DeltaFormatException(message, JsonPaths.Rebase(path, rootPath), l, c, inner ?? exception);
        }

        if (walk.Problem is { } problem)
        {
            return Make(problem.Message, problem.Path, problem.Line, problem.Column);
        }

        var path = exception.Path ?? "$";
        var found = walk.Target;
        if (exception is DeltaJsonException own)
        {
            return found is { } t
                ? Make(own.Detail, path + own.RelativePath, t.Line, t.Column)
                : Make(own.Detail, path + own.RelativePath, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
        }

        if (found is not { } target)
        {
            return Make(Strip(exception.Message), path, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
        }

        if (target.IsUnknown)
        {
            return Make(UnknownProperty(target.ParentInfo, path), path, target.Line, target.Column);
        }

        if (target.Token == JsonTokenType.StartObject && target.Info is { Kind: JsonTypeInfoKind.Object } objectInfo)
        {
            if (options.Strict && target.Names is not null)
            {
                foreach (var name in target.Names)
                {
                    if (!objectInfo.Properties.Any(p => p.Name == name && IsWire(p)))
                    {
                        return Make(UnknownProperty(objectInfo, path + JsonPaths.Property(name)), path + JsonPaths.Property(name), target.Line, target.Column);
                    }
                }
            }

            foreach (var property in objectInfo.Properties)
            {
                if (property.IsRequired && (target.Names is null || !target.Names.Contains(property.Name)))
                {
                    var message = property.Name == DocumentHeader.FormatVersionProperty
                        ? $"The document has no \"formatVersion\"; expected \"formatVersion\": \"{DocumentHeader.FormatVersion}\" (or a later 1.x) beside \"$schema\" at the top of the document."
                        : $"The {WireDescriptions.FriendlyName(objectInfo.Type)} object has no \"{property.Name}\"; expected \"{property.Name}\" with {WireDescriptions.Describe(property.PropertyType)}.";
                    return Make(message, path + JsonPaths.Property(property.Name), target.Line, target.Column);
                }
            }
        }

        if (target.Type is { } type && !WireDescriptions.Accepts(type, target.Info, target.Token))
        {
            return Make($"Found {target.Description}, expected {WireDescriptions.Describe(type)}.", path, target.Line, target.Column);
        }

        if (target.Token == JsonTokenType.Number && target.Type is { } numberType)
        {
            var range = (Nullable.GetUnderlyingType(numberType) ?? numberType) == typeof(int)
                ? " from -2147483648 to 2147483647"
                : " within the range of a 64-bit floating-point number";
            return Make($"Found {target.Description}, expected {WireDescriptions.Describe(numberType)}{range}.", path, target.Line, target.Column);
        }

        return Make($"The value ({target.Description}) is not valid here: {Strip(exception.Message)}", path, target.Line, target.Column);
    }

    private static string UnknownProperty(JsonTypeInfo? parent, string path)
    {
        var name = path[(path.LastIndexOfAny(['.', '[']) + 1)..].Trim('[', ']', '\'');
        if (parent is not { Kind: JsonTypeInfoKind.Object })
        {
            return $"The property \"{name}\" is not part of the format, and strict reading refuses unknown properties.";
        }

        var known = string.Join(", ", parent.Properties.Where(IsWire).Select(static p => "\"" + p.Name + "\""));
        return $"The property \"{name}\" is not part of {Article(WireDescriptions.FriendlyName(parent.Type))} object, and strict reading refuses unknown properties; expected one of {known}.";
    }

    /// <summary>Whether a contract property is a member of the format (not extension data, not [JsonIgnore]d).</summary>
    internal static bool IsWire(JsonPropertyInfo property) => !property.IsExtensionData && (property.Get is not null || property.Set is not null);

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    /// <summary>Cuts System.Text.Json's " Path: … | LineNumber: …" tail: the exception carries those separately.</summary>
    internal static string Strip(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd();
    }

    private sealed record Problem(string Message, string Path, long Line, long Column);

    private sealed record Found(JsonTokenType Token, string Description, long Line, long Column, int Depth, Type? Type, JsonTypeInfo? Info, JsonTypeInfo? ParentInfo, bool IsUnknown)
    {
        public HashSet<string>? Names { get; set; }
    }

    private struct Frame
    {
        public bool IsArray;
        public int NextIndex;
        public int PathLength;
        public JsonTypeInfo? Info;
        public HashSet<string>? Names;
        public bool IsTarget;
    }

    /// <summary>One pass over the document, tracking the path and the contract at each token.</summary>
    private ref struct Walk
    {
        private readonly ReadOnlySpan<byte> _utf8;
        private readonly JsonTypeInfo _root;
        private readonly DeltaJsonReaderOptions _options;
        private readonly string? _target;
        private readonly StringBuilder _path = new("$");
        private readonly List<Frame> _frames = [];
        private long _line;
        private int _lineStart;
        private int _scanned;

        // What the next value is, as far as the contract knows.
        private Type? _valueType;
        private JsonTypeInfo? _valueParent;
        private bool _valueUnknown;

        public Walk(ReadOnlySpan<byte> utf8, JsonTypeInfo root, DeltaJsonReaderOptions options, string? target)
        {
            _utf8 = utf8;
            _root = root;
            _options = options;
            _target = target;
            _valueType = root.Type;
        }

        public Problem? Problem { get; private set; }

        public Found? Target { get; private set; }

        public void Run()
        {
            if (_target is null && _utf8.TrimStart(" \t\r\n"u8).IsEmpty)
            {
                Problem = new("The document is empty; expected a JSON object.", "$", 0, 0);
                return;
            }

            var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { MaxDepth = 100_000 });
            while (true)
            {
                try
                {
                    if (!reader.Read())
                    {
                        return;
                    }
                }
                catch (JsonException exception)
                {
                    if (_target is null)
                    {
                        Problem = new($"The document is not well-formed JSON: {Strip(exception.Message)}", _path.ToString(), exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0);
                    }

                    return;
                }

                if (!Step(ref reader))
                {
                    return;
                }
            }
        }

        private bool Step(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    OnPropertyName(ref reader);
                    return Problem is null;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var frame = _frames[^1];
                    _frames.RemoveAt(_frames.Count - 1);
                    if (frame.IsTarget && Target is not null)
                    {
                        Target.Names = frame.Names;
                    }

                    // Once the value holding the target has closed, nothing further can explain the failure.
                    return Target is null || reader.CurrentDepth >= Target.Depth;
                case JsonTokenType.Comment or JsonTokenType.None:
                    return true;
                default:
                    return OnValue(ref reader);
            }
        }

        private void OnPropertyName(ref Utf8JsonReader reader)
        {
            var frame = _frames[^1];
            var name = SafeString(ref reader);
            _path.Length = frame.PathLength;
            _path.Append(JsonPaths.Property(name));
            frame.Names ??= new HashSet<string>(StringComparer.Ordinal);
            if (!frame.Names.Add(name) && _target is not null && _path.Equals(_target))
            {
                var (line, column) = Position(reader.TokenStartIndex);
                Problem = new($"The property \"{name}\" appears twice in this object; expected each property once.", _target, line, column);
            }

            _frames[^1] = frame;
            _valueParent = frame.Info;
            _valueUnknown = false;
            _valueType = null;
            if (frame.Info is { Kind: JsonTypeInfoKind.Object } info)
            {
                var property = info.Properties.FirstOrDefault(p => p.Name == name && IsWire(p));
                if (property is null)
                {
                    _valueUnknown = _options.Strict;
                }
                else
                {
                    _valueType = property.PropertyType;
                }
            }
            else if (frame.Info is { Kind: JsonTypeInfoKind.Dictionary } dictionary)
            {
                _valueType = dictionary.ElementType;
            }
        }

        private bool OnValue(ref Utf8JsonReader reader)
        {
            if (_frames.Count > 0 && _frames[^1].IsArray)
            {
                var frame = _frames[^1];
                _path.Length = frame.PathLength;
                JsonPaths.AppendIndex(_path, frame.NextIndex++);
                _frames[^1] = frame;
                _valueType = frame.Info?.ElementType;
                _valueParent = frame.Info;
                _valueUnknown = false;
            }

            var type = _valueType;
            var info = type is null ? null : InfoFor(type);
            var isTarget = false;
            if (Target is null && _target is not null && _path.Equals(_target))
            {
                var (line, column) = Position(reader.TokenStartIndex);
                Target = new(reader.TokenType, JsonTokenDescriber.Describe(in reader), line, column, reader.CurrentDepth, type, info, _valueParent, _valueUnknown);
                isTarget = true;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (_target is null && reader.CurrentDepth >= _options.MaxDepth)
                {
                    var (line, column) = Position(reader.TokenStartIndex);
                    Problem = new(
                        string.Create(CultureInfo.InvariantCulture, $"The document nests objects and arrays {reader.CurrentDepth + 1} levels deep here, deeper than the limit of {_options.MaxDepth}; raise DeltaJsonReaderOptions.MaxDepth to read it."),
                        _path.ToString(),
                        line,
                        column);
                    return false;
                }

                _frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray, PathLength = _path.Length, Info = info, IsTarget = isTarget });
            }
            return true;
        }

        private readonly JsonTypeInfo? InfoFor(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            try
            {
                return _root.Options.GetTypeInfo(type);
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }

        private (long Line, long Column) Position(long index)
        {
            var upTo = (int)index;
            if (upTo < _scanned)
            {
                _scanned = 0;
                _line = 0;
                _lineStart = 0;
            }

            var span = _utf8[_scanned..upTo];
            var at = span.IndexOf((byte)'\n');
            while (at >= 0)
            {
                _line++;
                _lineStart = _scanned + at + 1;
                _scanned += at + 1;
                span = span[(at + 1)..];
                at = span.IndexOf((byte)'\n');
            }

            _scanned = upTo;
            return (_line, upTo - _lineStart);
        }
    }
}
