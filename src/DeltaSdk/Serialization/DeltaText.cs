using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Serialization;

/// <summary>
/// The canonical text of an instant and a date outside a document: a query parameter, a command-line option, a
/// spreadsheet cell. Each method accepts exactly what the canonical JSON format accepts for an instant or date member
/// (<see cref="DeltaJson"/>), so a value that reads in one place reads in every other, and one that is refused is
/// refused everywhere with the same reason.
/// </summary>
/// <remarks>
/// An instant is UTC with a <c>Z</c> and an optional fraction of up to nine digits (<c>2026-11-30T08:00:00Z</c>); a
/// date is <c>yyyy-MM-dd</c> in the ISO calendar. Both are NodaTime's own patterns
/// (<see cref="InstantPattern.ExtendedIso"/>, <see cref="LocalDatePattern.Iso"/>) less two texts those patterns read
/// although they name a value in a second way: a NUL character (the parser stops at it, so
/// <c>"2024-07-25\u0000"</c> would read as a date) and, for an instant, the hour 24.
/// </remarks>
/// <example>
/// <code>
/// if (!DeltaText.TryParseInstant(Console.ReadLine(), out var since))
/// {
///     Console.Error.WriteLine("Give an instant such as 2026-11-30T08:00:00Z.");
/// }
/// </code>
/// </example>
public static class DeltaText
{
    /// <summary>Reads an instant as the canonical format does.</summary>
    /// <param name="text">The text, such as <c>2026-11-30T08:00:00Z</c>.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not an instant of the canonical format; the message says why.</exception>
    public static Instant ParseInstant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NodaTimeText.TryParse(text, InstantPattern.ExtendedIso, NodaTimeText.RefuseHour24, out var value, out var reason)
            ? value
            : throw new FormatException($"'{text}' is not a UTC timestamp such as 2026-11-30T08:00:00Z ({reason}).");
    }

    /// <summary>Tries to read an instant as the canonical format does.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="value">The instant, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is an instant of the canonical format.</returns>
    public static bool TryParseInstant([NotNullWhen(true)] string? text, out Instant value)
    {
        value = default;
        return text is not null && NodaTimeText.TryParse(text, InstantPattern.ExtendedIso, NodaTimeText.RefuseHour24, out value, out _);
    }

    /// <summary>Writes an instant as the canonical format does (a fraction only when there is one).</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The text, such as <c>2026-11-30T08:00:00Z</c>.</returns>
    public static string FormatInstant(Instant value) => InstantPattern.ExtendedIso.Format(value);

    /// <summary>Reads a date as the canonical format does.</summary>
    /// <param name="text">The text, such as <c>2025-06-30</c>.</param>
    /// <returns>The date, in the ISO calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a date of the canonical format; the message says why.</exception>
    public static LocalDate ParseDate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NodaTimeText.TryParse(text, LocalDatePattern.Iso, null, out var value, out var reason)
            ? value
            : throw new FormatException($"'{text}' is not a date such as 2025-06-30 ({reason}).");
    }

    /// <summary>Tries to read a date as the canonical format does.</summary>
    /// <param name="text">The text, or <see langword="null"/>.</param>
    /// <param name="value">The date, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a date of the canonical format.</returns>
    public static bool TryParseDate([NotNullWhen(true)] string? text, out LocalDate value)
    {
        value = default;
        return text is not null && NodaTimeText.TryParse(text, LocalDatePattern.Iso, null, out value, out _);
    }

    /// <summary>Writes a date as the canonical format does.</summary>
    /// <param name="value">The date, in the ISO calendar.</param>
    /// <returns>The text, such as <c>2025-06-30</c>.</returns>
    /// <exception cref="ArgumentException">The date is in another calendar, whose day the format cannot name.</exception>
    public static string FormatDate(LocalDate value)
        => value.Calendar == CalendarSystem.Iso
            ? LocalDatePattern.Iso.Format(value)
            : throw new ArgumentException($"Only ISO-calendar dates have a canonical text; {value} is in the {value.Calendar.Id} calendar.", nameof(value));
}
