namespace DeltaSdk.Serialization;

/// <summary>
/// A document is not in the canonical DeltaSdk JSON format. <see cref="Path"/>, <see cref="LineNumber"/> and
/// <see cref="BytePositionInLine"/> say where, and the message says what was found and what was expected.
/// </summary>
public sealed class DeltaFormatException : FormatException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What was found and what was expected.</param>
    /// <param name="path">The JSON path of the offending value, for example <c>$.aspects[0].tasks[2].code</c>.</param>
    /// <param name="lineNumber">The zero-based line of the offending token, when known.</param>
    /// <param name="bytePositionInLine">The zero-based byte offset in that line, when known.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public DeltaFormatException(string message, string? path = null, long? lineNumber = null, long? bytePositionInLine = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>Initializes a new instance with no location.</summary>
    public DeltaFormatException()
        : this("The document is not in the DeltaSdk JSON format.")
    {
    }

    /// <summary>Initializes a new instance with no location.</summary>
    /// <param name="message">What was found and what was expected.</param>
    public DeltaFormatException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance with no location.</summary>
    /// <param name="message">What was found and what was expected.</param>
    /// <param name="innerException">The underlying exception.</param>
    public DeltaFormatException(string message, Exception? innerException)
        : this(message, null, null, null, innerException)
    {
    }

    /// <summary>Gets the JSON path of the offending value (<c>$</c> for the document), when known.</summary>
    public string? Path { get; }

    /// <summary>Gets the zero-based line number of the offending token, when known.</summary>
    public long? LineNumber { get; }

    /// <summary>Gets the zero-based byte position of the offending token within its line, when known.</summary>
    public long? BytePositionInLine { get; }
}
