namespace DeltaSdk.Serialization;

/// <summary>
/// How <see cref="DeltaJson"/> reads a document: whether unknown properties are errors, and the limits that keep a
/// hostile or broken document from costing unbounded time or memory. Immutable; start from <see cref="Default"/>
/// or <see cref="StrictDefault"/> and change what you need with <c>with</c>.
/// </summary>
public sealed record DeltaJsonReaderOptions
{
    /// <summary>The default of <see cref="MaxDepth"/>: 64 levels, far more than any DeltaSdk document needs (about 8).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default of <see cref="MaxDocumentBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>
    /// How many times <see cref="MaxDocumentBytes"/> a document may be counting whitespace too: 16. Whitespace does not
    /// count against <see cref="MaxDocumentBytes"/> (so that the indented canonical form of a document read within
    /// the limit is read again), but it still costs time and memory, so it is bounded too.
    /// </summary>
    public const int RawSizeFactor = 16;

    /// <summary>Gets the lenient defaults: unknown properties are kept, 64 levels, 64 MiB.</summary>
    public static DeltaJsonReaderOptions Default { get; } = new();

    /// <summary>Gets the defaults with <see cref="Strict"/> set.</summary>
    public static DeltaJsonReaderOptions StrictDefault { get; } = new() { Strict = true };

    /// <summary>
    /// Gets a value indicating whether a property the model does not know is an error. Default <see langword="false"/>:
    /// unknown properties are kept in each model's <c>ExtensionData</c> and written back, so that a document from a
    /// newer 1.x writer survives a read and a write by this version.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Gets how deeply objects and arrays may nest; default <see cref="DefaultMaxDepth"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than 1000.</exception>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1000);
            field = value;
        }
    }

    = DefaultMaxDepth;

    /// <summary>
    /// Gets the largest document accepted, in UTF-8 bytes other than JSON whitespace (space, tab, CR, LF); default
    /// <see cref="DefaultMaxDocumentBytes"/>. Whitespace does not count, so that a document written by
    /// <see cref="DeltaJson"/> (indented) from one read within the limit is read again; all bytes together may not pass
    /// <see cref="RawSizeFactor"/> times the limit. A larger document is rejected before it is parsed. <see cref="DeltaJson.StreamObservationsAsync"/>, which never holds
    /// the whole document, applies it to each observation instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MaxDocumentBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    }

    = DefaultMaxDocumentBytes;
}
