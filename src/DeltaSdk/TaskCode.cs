using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DeltaSdk.Internal;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>
/// Identifies a key task (重点任务) within a plan, for example <c>YRD-1-01</c>.
/// The canonical form is upper-case letters and digits joined by '.' or '-'; an invalid value cannot be constructed.
/// </summary>
/// <remarks>
/// <c>default(TaskCode)</c> is the one value that is not a valid identifier: <see cref="IsEmpty"/> tells it apart,
/// <see cref="ToString"/> returns an empty string for it, and validation reports it.
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<TaskCode>))]
public readonly record struct TaskCode : IComparable<TaskCode>, IParsable<TaskCode>
{
    private readonly string? _value;

    private TaskCode(string value) => _value = value;

    /// <summary>Gets a value indicating whether this is <c>default(TaskCode)</c>, which no parse produces.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Parses the canonical form.</summary>
    /// <param name="text">The text to parse, for example <c>YRD-1-01</c>.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not in the canonical form; the message names the input and the expected form.</exception>
    public static TaskCode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var result)
            ? result
            : throw new FormatException($"{IdentifierSyntax.Describe(text)} is not a valid task code: expected {IdentifierSyntax.TaskCodeDescription}.");
    }

    /// <summary>Tries to parse the canonical form.</summary>
    /// <param name="text">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="result">The identifier when the parse succeeds; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is in the canonical form.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TaskCode result)
    {
        if (text is not null && IdentifierSyntax.IsTaskCode(text))
        {
            result = new TaskCode(text);
            return true;
        }

        result = default;
        return false;
    }

    /// <inheritdoc />
    static TaskCode IParsable<TaskCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<TaskCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TaskCode result) => TryParse(s, out result);

    /// <summary>Compares identifiers by their canonical text, ordinally.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(TaskCode other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the canonical form.</summary>
    /// <returns>The canonical text, or an empty string for <c>default</c>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
