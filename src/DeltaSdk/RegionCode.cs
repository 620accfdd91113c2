using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DeltaSdk.Internal;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>
/// A six-digit GB/T 2260 administrative division code, for example <c>310000</c> (Shanghai) or <c>320509</c>
/// (Wujiang District of Suzhou). The digits encode the hierarchy: two for the provincial-level unit, two for
/// the prefecture, two for the county; trailing <c>00</c> pairs mark the higher levels.
/// </summary>
/// <remarks>
/// <c>default(RegionCode)</c> is the one value that is not a valid code: <see cref="IsEmpty"/> tells it apart.
/// The level derived from the digits (<see cref="CodeLevel"/>) is the code's own; a <see cref="Region"/> also
/// carries its administrative <see cref="Region.Level"/>, which says more (a municipality or a province).
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<RegionCode>))]
public readonly record struct RegionCode : IComparable<RegionCode>, IParsable<RegionCode>
{
    private readonly string? _value;

    private RegionCode(string value) => _value = value;

    /// <summary>Gets a value indicating whether this is <c>default(RegionCode)</c>, which no parse produces.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Gets the level that the digits encode.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(RegionCode)</c>.</exception>
    public RegionCodeLevel CodeLevel
    {
        get
        {
            var value = Value;
            return value.AsSpan(2) is "0000" ? RegionCodeLevel.Provincial
                : value.AsSpan(4) is "00" ? RegionCodeLevel.Prefectural
                : RegionCodeLevel.County;
        }
    }

    /// <summary>Gets the code of the provincial-level unit this code lies in (itself for a provincial code).</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(RegionCode)</c>.</exception>
    public RegionCode Province => new(string.Concat(Value.AsSpan(0, 2), "0000"));

    /// <summary>
    /// Gets the code of the prefecture-level unit this code lies in (itself for a prefectural code), or
    /// <see langword="null"/> for a provincial code.
    /// </summary>
    /// <remarks>
    /// For districts of a municipality the digits name a nominal prefecture (<c>310100</c>, 市辖区) that is not a
    /// region of its own; callers that walk a region table should follow <see cref="Region.Parent"/> instead.
    /// </remarks>
    /// <exception cref="InvalidOperationException">This is <c>default(RegionCode)</c>.</exception>
    public RegionCode? Prefecture => CodeLevel switch
    {
        RegionCodeLevel.Provincial => null,
        RegionCodeLevel.Prefectural => this,
        _ => new RegionCode(string.Concat(Value.AsSpan(0, 4), "00")),
    };

    private string Value => _value ?? throw new InvalidOperationException("default(RegionCode) is not a region code.");

    /// <summary>Determines whether this code lies within <paramref name="ancestor"/> by its digits (a code lies within itself).</summary>
    /// <param name="ancestor">The provincial or prefectural code to test against.</param>
    /// <returns><see langword="true"/> when the digits of <paramref name="ancestor"/> are a prefix of this code at the ancestor's level.</returns>
    public bool IsWithin(RegionCode ancestor)
    {
        if (IsEmpty || ancestor.IsEmpty)
        {
            return false;
        }

        var prefixLength = ancestor.CodeLevel switch
        {
            RegionCodeLevel.Provincial => 2,
            RegionCodeLevel.Prefectural => 4,
            _ => 6,
        };
        return Value.AsSpan(0, prefixLength).SequenceEqual(ancestor.Value.AsSpan(0, prefixLength));
    }

    /// <summary>Parses a six-digit code.</summary>
    /// <param name="text">The text to parse, for example <c>310000</c>.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not six digits; the message names the input and the expected form.</exception>
    public static RegionCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result)
            ? result
            : throw new FormatException($"{IdentifierSyntax.Describe(text)} is not a valid region code: expected {IdentifierSyntax.RegionCodeDescription}.");
    }

    /// <summary>Tries to parse a six-digit code.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="result">The code when the parse succeeds; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is six digits not starting with zero.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out RegionCode result)
    {
        if (text is not null && IdentifierSyntax.IsRegionCode(text))
        {
            result = new RegionCode(text);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static RegionCode IParsable<RegionCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<RegionCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RegionCode result) => TryParse(s, out result);

    /// <summary>Compares codes by their digits.</summary>
    /// <param name="other">The code to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(RegionCode other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the six digits.</summary>
    /// <returns>The canonical text, or an empty string for <c>default</c>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
