using System.Globalization;
using CsvHelper;

namespace DeltaSdk.Tool.Conversion;

/// <summary>
/// Reads a CSV file record by record by column name, and turns every bad cell into a <see cref="ToolException"/> that
/// names the file, the line, the column and what the column accepts.
/// </summary>
internal sealed class CsvRecordReader : IAsyncDisposable
{
    private readonly CsvReader _reader;
    private readonly string _file;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private CsvRecordReader(CsvReader reader, string file)
    {
        _reader = reader;
        _file = file;
    }

    /// <summary>Gets the header names, in file order.</summary>
    public IReadOnlyList<string> Headers => [.. _columns.OrderBy(static c => c.Value).Select(static c => c.Key)];

    /// <summary>Gets the byte offset of the current record, for progress.</summary>
    public long ByteOffset => _reader.ByteOffset;

    /// <summary>Gets the 1-based line the current record starts on.</summary>
    public long LineNumber => _reader.LineNumber;

    /// <summary>Opens a reader and reads the header, checking it against the columns a document accepts.</summary>
    /// <param name="stream">The CSV (UTF-8); left open.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <param name="accepted">The columns that may appear.</param>
    /// <param name="required">The columns that must appear.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reader, positioned before the first record.</returns>
    public static async Task<CsvRecordReader> OpenAsync(Stream stream, string file, IReadOnlyList<string> accepted, IReadOnlyList<string> required, CancellationToken cancellationToken)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true };
        var reader = CsvReader.Create(stream, options, leaveOpen: true);
        var result = new CsvRecordReader(reader, file);
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException exception)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw new ToolException($"{file}:{exception.LineNumber}: the header row is not valid CSV: {exception.Message}", exception);
        }

        for (var i = 0; i < reader.Headers.Count; i++)
        {
            var name = reader.Headers[i];
            if (!accepted.Contains(name, StringComparer.Ordinal))
            {
                await reader.DisposeAsync().ConfigureAwait(false);
                throw new ToolException($"{file}:1: unknown column '{name}'. The columns are: {string.Join(", ", accepted)} (docs/articles/command-line.md lists what each holds).");
            }

            if (!result._columns.TryAdd(name, i))
            {
                await reader.DisposeAsync().ConfigureAwait(false);
                throw new ToolException($"{file}:1: the column '{name}' appears twice; keep one.");
            }
        }

        var missing = required.Where(r => !result._columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            await reader.DisposeAsync().ConfigureAwait(false);
            throw new ToolException($"{file}:1: the header has no {string.Join(", ", missing.Select(static m => $"'{m}'"))} column; add it (required columns: {string.Join(", ", required)}).");
        }

        return result;
    }

    /// <summary>Moves to the next record.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Whether there is a record.</returns>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException exception)
        {
            throw new ToolException($"{_file}:{exception.LineNumber}: not valid CSV: {exception.Message} Check the quoting of that line.", exception);
        }
    }

    /// <summary>Gets a cell, or <see langword="null"/> when it is empty or the column is absent.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The text.</returns>
    public string? Get(string column)
    {
        if (!_columns.TryGetValue(column, out var index) || index >= _reader.FieldCount)
        {
            return null;
        }

        var text = _reader.GetString(index);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Gets a required cell.</summary>
    /// <param name="column">The column.</param>
    /// <returns>The text.</returns>
    public string Required(string column)
        => Get(column) ?? throw Error(column, $"the '{column}' cell is empty; it is required.");

    /// <summary>Parses a cell, or returns <see langword="null"/> when it is empty.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="column">The column.</param>
    /// <param name="parse">The parser, which throws <see cref="FormatException"/> or <see cref="ArgumentException"/> on bad text.</param>
    /// <param name="expected">What the column holds, for the message.</param>
    /// <returns>The value.</returns>
    public T? Optional<T>(string column, Func<string, T> parse, string expected)
        where T : class
        => Get(column) is { } text ? Parse(column, text, parse, expected) : null;

    /// <summary>Parses a cell of a value type, or returns <see langword="null"/> when it is empty.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="column">The column.</param>
    /// <param name="parse">The parser.</param>
    /// <param name="expected">What the column holds, for the message.</param>
    /// <returns>The value.</returns>
    public T? OptionalValue<T>(string column, Func<string, T> parse, string expected)
        where T : struct
        => Get(column) is { } text ? Parse(column, text, parse, expected) : null;

    /// <summary>Parses a required cell.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="column">The column.</param>
    /// <param name="parse">The parser.</param>
    /// <param name="expected">What the column holds, for the message.</param>
    /// <returns>The value.</returns>
    public T RequiredValue<T>(string column, Func<string, T> parse, string expected)
        => Parse(column, Required(column), parse, expected);

    /// <summary>Builds the error for a bad cell of the current record.</summary>
    /// <param name="column">The column.</param>
    /// <param name="detail">What is wrong and how to fix it.</param>
    /// <returns>The exception.</returns>
    public ToolException Error(string column, string detail)
        => new(string.Create(CultureInfo.InvariantCulture, $"{_file}:{_reader.LineNumber}, column '{column}': {detail}"));

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _reader.DisposeAsync();

    private T Parse<T>(string column, string text, Func<string, T> parse, string expected)
    {
        try
        {
            return parse(text);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            throw Error(column, $"'{text}' is not {expected}: {exception.Message}");
        }
    }
}
