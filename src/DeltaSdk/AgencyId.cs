using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DeltaSdk.Internal;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>
/// Identifies an agency or body, for example <c>yrd-cooperation-office</c>.
/// The canonical form is a lower-case slug; an invalid value cannot be constructed.
/// </summary>
/// <remarks>
/// <c>default(AgencyId)</c> is the one value that is not a valid identifier: <see cref="IsEmpty"/> tells it apart,
/// <see cref="ToString"/> returns an empty string for it, and validation reports it.
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<AgencyId>))]
public readonly record struct AgencyId : IComparable<AgencyId>, IParsable<AgencyId>
{
    private readonly string? _value;

    private AgencyId(string value) => _value = value;

    /// <summary>Gets a value indicating whether this is <c>default(AgencyId)</c>, which no parse produces.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses the canonical form.</summary>
    /// <param name="text">The text to parse, for example <c>yrd-cooperation-office</c>.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not in the canonical form; the message names the input and the expected form.</exception>
    public static AgencyId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result)
            ? result
            : throw new FormatException($"{IdentifierSyntax.Describe(text)} is not a valid agency id: expected {IdentifierSyntax.SlugDescription}.");
    }

    /// <summary>Tries to parse the canonical form.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="result">The identifier when the parse succeeds; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is in the canonical form.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out AgencyId result)
    {
        if (text is not null && IdentifierSyntax.IsSlug(text))
        {
            result = new AgencyId(text);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static AgencyId IParsable<AgencyId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<AgencyId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AgencyId result) => TryParse(s, out result);

    /// <summary>Compares identifiers by their canonical text, ordinally.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(AgencyId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the canonical form.</summary>
    /// <returns>The canonical text, or an empty string for <c>default</c>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
