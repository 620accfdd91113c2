using System.Diagnostics.CodeAnalysis;

namespace DeltaSdk.Api;

/// <summary>
/// An HTTP entity tag (RFC 9110 §8.8.3): the version of a resource that a conditional write names in <c>If-Match</c>,
/// strong (<c>"3f1c"</c>) or weak (<c>W/"3f1c"</c>). Modelled on Azure.Core's <c>ETag</c>: compare tags with
/// <c>==</c>, never as strings, and write one into a header with <c>ToString("H")</c>.
/// </summary>
/// <remarks>
/// Equality is exact: the same opaque tag and the same strength. <see cref="StrongEquals"/> and
/// <see cref="WeakEquals"/> are the two comparison functions of RFC 9110 §8.8.3.2. <c>default(ETag)</c> is the empty
/// tag (<see cref="IsEmpty"/>), which no server sends.
/// </remarks>
public readonly struct ETag : IEquatable<ETag>
{
    private const string WeakPrefix = "W/";
    private readonly string? _opaqueTag;

    /// <summary>Creates an entity tag from its opaque tag, the part between the quotes.</summary>
    /// <param name="opaqueTag">The opaque tag without quotes, for example <c>3f1c</c>; <c>*</c> makes <see cref="All"/>.</param>
    /// <param name="isWeak">Whether the tag is weak (written <c>W/"…"</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="opaqueTag"/> is empty or holds a quote, a control character or a space.</exception>
    public ETag(string opaqueTag, bool isWeak = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(opaqueTag);
        if (!IsValidOpaqueTag(opaqueTag))
        {
            throw new ArgumentException($"'{opaqueTag}' is not an opaque entity tag: it may not hold quotes, spaces or control characters.", nameof(opaqueTag));
        }

        _opaqueTag = opaqueTag;
        IsWeak = isWeak && opaqueTag != "*";
    }

    /// <summary>Gets the tag that matches any version (<c>*</c>, as in <c>If-Match: *</c>).</summary>
    public static ETag All { get; } = new("*");

    /// <summary>Gets the opaque tag, without quotes or the weak prefix; empty for <c>default(ETag)</c>.</summary>
    public string OpaqueTag => _opaqueTag ?? string.Empty;

    /// <summary>Gets a value indicating whether the tag is weak (<c>W/"…"</c>): two weakly equal representations may differ in bytes.</summary>
    public bool IsWeak { get; }

    /// <summary>Gets a value indicating whether this is <c>default(ETag)</c>, which names no version.</summary>
    public bool IsEmpty => _opaqueTag is null;

    /// <summary>Compares two tags for equality (same opaque tag, same strength).</summary>
    /// <param name="left">The first tag.</param>
    /// <param name="right">The second tag.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ETag left, ETag right) => left.Equals(right);

    /// <summary>Compares two tags for inequality.</summary>
    /// <param name="left">The first tag.</param>
    /// <param name="right">The second tag.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ETag left, ETag right) => !left.Equals(right);

    /// <summary>Parses an entity tag as a header carries it: <c>"3f1c"</c>, <c>W/"3f1c"</c> or <c>*</c>.</summary>
    /// <param name="headerValue">The header value.</param>
    /// <returns>The tag.</returns>
    /// <exception cref="FormatException">The text is not an entity tag.</exception>
    public static ETag Parse(string headerValue)
    {
        ArgumentNullException.ThrowIfNull(headerValue);
        return TryParse(headerValue, out var etag)
            ? etag
            : throw new FormatException($"'{headerValue}' is not an entity tag: expected \"tag\", W/\"tag\" or *.");
    }

    /// <summary>Tries to parse an entity tag as a header carries it: <c>"3f1c"</c>, <c>W/"3f1c"</c> or <c>*</c>.</summary>
    /// <param name="headerValue">The header value.</param>
    /// <param name="etag">The tag, when the text is one.</param>
    /// <returns>Whether the text is an entity tag.</returns>
    public static bool TryParse([NotNullWhen(true)] string? headerValue, out ETag etag)
    {
        etag = default;
        if (headerValue is null)
        {
            return false;
        }

        var text = headerValue.AsSpan().Trim();
        if (text is "*")
        {
            etag = All;
            return true;
        }

        var weak = text.StartsWith(WeakPrefix, StringComparison.Ordinal);
        if (weak)
        {
            text = text[WeakPrefix.Length..];
        }

        if (text.Length < 3 || text[0] != '"' || text[^1] != '"')
        {
            return false;
        }

        var opaque = text[1..^1].ToString();
        if (!IsValidOpaqueTag(opaque))
        {
            return false;
        }

        etag = new ETag(opaque, weak);
        return true;
    }

    /// <summary>The strong comparison of RFC 9110: both tags strong and their opaque tags equal (what <c>If-Match</c> uses).</summary>
    /// <param name="other">The other tag.</param>
    /// <returns>Whether the tags match strongly.</returns>
    public bool StrongEquals(ETag other) => !IsWeak && !other.IsWeak && !IsEmpty && string.Equals(_opaqueTag, other._opaqueTag, StringComparison.Ordinal);

    /// <summary>The weak comparison of RFC 9110: the opaque tags equal, whatever their strength (what <c>If-None-Match</c> uses).</summary>
    /// <param name="other">The other tag.</param>
    /// <returns>Whether the tags match weakly.</returns>
    public bool WeakEquals(ETag other) => !IsEmpty && string.Equals(_opaqueTag, other._opaqueTag, StringComparison.Ordinal);

    /// <inheritdoc/>
    public bool Equals(ETag other) => IsWeak == other.IsWeak && string.Equals(_opaqueTag, other._opaqueTag, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ETag other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_opaqueTag is null ? 0 : StringComparer.Ordinal.GetHashCode(_opaqueTag), IsWeak);

    /// <summary>Gets the tag in its header form, as <c>ToString("H")</c>.</summary>
    /// <returns>For example <c>"3f1c"</c> or <c>W/"3f1c"</c>; empty for <c>default(ETag)</c>.</returns>
    public override string ToString() => ToString("H");

    /// <summary>Formats the tag.</summary>
    /// <param name="format"><c>H</c> (or <c>G</c>): the header form, with quotes and the weak prefix; <c>O</c>: the opaque tag alone.</param>
    /// <returns>The text; empty for <c>default(ETag)</c>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not <c>H</c>, <c>G</c> or <c>O</c>.</exception>
    public string ToString(string? format) => format switch
    {
        _ when IsEmpty => string.Empty,
        null or "" or "H" or "G" => _opaqueTag == "*" ? "*" : (IsWeak ? WeakPrefix : string.Empty) + "\"" + _opaqueTag + "\"",
        "O" => _opaqueTag!,
        _ => throw new FormatException($"Unknown ETag format '{format}': use H (header form) or O (opaque tag)."),
    };

    // RFC 9110 etagc: %x21 / %x23-7E / obs-text, so no space, no quote, no control character.
    private static bool IsValidOpaqueTag(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c <= ' ' || c == '"' || c == '\u007f')
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }
}
