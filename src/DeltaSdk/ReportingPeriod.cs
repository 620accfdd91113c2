using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using DeltaSdk.Internal;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk;

/// <summary>
/// A span of the ISO calendar that figures are reported for: a year (<c>2024</c>), a half (<c>2024-H1</c>),
/// a quarter (<c>2024-Q3</c>), a month (<c>2024-07</c>) or a day (<c>2024-07-25</c>).
/// </summary>
/// <remarks>
/// <para>Years are limited to 1000-9999 so that every period has a four-digit canonical form.</para>
/// <para>
/// Ordering is total: periods sort by their first day, and among periods starting on the same day the longer
/// one first (<c>2024</c> &lt; <c>2024-H1</c> &lt; <c>2024-Q1</c> &lt; <c>2024-01</c> &lt; <c>2024-01-01</c>),
/// which lists a year before the parts of it, as a report's table of contents does.
/// </para>
/// <para><c>default(ReportingPeriod)</c> is not a valid period (<see cref="IsEmpty"/>).</para>
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<ReportingPeriod>))]
public readonly struct ReportingPeriod : IEquatable<ReportingPeriod>, IComparable<ReportingPeriod>, IParsable<ReportingPeriod>
{
    /// <summary>The earliest year a period may fall in.</summary>
    public const int MinYear = 1000;

    /// <summary>The latest year a period may fall in.</summary>
    public const int MaxYear = 9999;

    private const string ExpectedForms = "expected a year '2024', a half '2024-H1', a quarter '2024-Q3', a month '2024-07' or a day '2024-07-25', with a year from 1000 to 9999";

    // Kind is stored +1 so that default(ReportingPeriod) is distinguishable from the year 0001.
    private readonly byte _kindPlusOne;
    private readonly LocalDate _start;

    private ReportingPeriod(ReportingPeriodKind kind, LocalDate start)
    {
        _kindPlusOne = (byte)(kind + 1);
        _start = start;
    }

    /// <summary>Gets a value indicating whether this is <c>default(ReportingPeriod)</c>, which no factory or parse produces.</summary>
    public bool IsEmpty => _kindPlusOne == 0;

    /// <summary>Gets the granularity of the period.</summary>
    public ReportingPeriodKind Kind => (ReportingPeriodKind)(CheckedKindPlusOne - 1);

    /// <summary>Gets the calendar year the period lies in.</summary>
    public int Year => Start.Year;

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start
    {
        get
        {
            _ = CheckedKindPlusOne;
            return _start;
        }
    }

    /// <summary>Gets the last day of the period (inclusive).</summary>
    // Computed within the period's last month, not as "next period's start minus a day": periods of the year
    // 9999 have no next period inside NodaTime's range, and stepping past it overflows.
    public LocalDate End => Kind switch
    {
        ReportingPeriodKind.Year => _start.PlusMonths(11).With(DateAdjusters.EndOfMonth),
        ReportingPeriodKind.Half => _start.PlusMonths(5).With(DateAdjusters.EndOfMonth),
        ReportingPeriodKind.Quarter => _start.PlusMonths(2).With(DateAdjusters.EndOfMonth),
        ReportingPeriodKind.Month => _start.With(DateAdjusters.EndOfMonth),
        _ => _start,
    };

    private byte CheckedKindPlusOne => _kindPlusOne != 0
        ? _kindPlusOne
        : throw new InvalidOperationException("default(ReportingPeriod) is not a reporting period.");

    /// <summary>Creates a calendar year.</summary>
    /// <param name="year">The year, 1000-9999.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public static ReportingPeriod ForYear(int year) => new(ReportingPeriodKind.Year, new LocalDate(CheckYear(year), 1, 1));

    /// <summary>Creates a half year.</summary>
    /// <param name="year">The year, 1000-9999.</param>
    /// <param name="half">1 for January-June, 2 for July-December.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod ForHalf(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return new(ReportingPeriodKind.Half, new LocalDate(CheckYear(year), (half * 6) - 5, 1));
    }

    /// <summary>Creates a calendar quarter.</summary>
    /// <param name="year">The year, 1000-9999.</param>
    /// <param name="quarter">The quarter, 1-4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod ForQuarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new(ReportingPeriodKind.Quarter, new LocalDate(CheckYear(year), (quarter * 3) - 2, 1));
    }

    /// <summary>Creates a calendar month.</summary>
    /// <param name="year">The year, 1000-9999.</param>
    /// <param name="month">The month, 1-12.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod ForMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return new(ReportingPeriodKind.Month, new LocalDate(CheckYear(year), month, 1));
    }

    /// <summary>Creates a single day.</summary>
    /// <param name="date">The day; its year must be 1000-9999 in the ISO calendar.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    /// <exception cref="ArgumentException">The date is not in the ISO calendar.</exception>
    public static ReportingPeriod ForDay(LocalDate date)
    {
        Preconditions.CheckArgument(date.Calendar == CalendarSystem.Iso, "A reporting period uses the ISO calendar.", nameof(date));
        CheckYear(date.Year);
        return new(ReportingPeriodKind.Day, date);
    }

    /// <summary>Returns the days of the period as a NodaTime interval (both ends inclusive).</summary>
    /// <returns>The interval from <see cref="Start"/> to <see cref="End"/>.</returns>
    public DateInterval ToDateInterval() => new(Start, End);

    /// <summary>Determines whether a day lies within the period.</summary>
    /// <param name="date">The day to test.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> is between <see cref="Start"/> and <see cref="End"/>.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Determines whether another period lies entirely within this one.</summary>
    /// <param name="other">The period to test.</param>
    /// <returns><see langword="true"/> when every day of <paramref name="other"/> is in this period.</returns>
    public bool Contains(ReportingPeriod other) => other.Start >= Start && other.End <= End;

    /// <summary>Parses the canonical form.</summary>
    /// <param name="text">The text, for example <c>2024-Q3</c>.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a period; the message names the input and the accepted forms.</exception>
    public static ReportingPeriod Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var result)
            ? result
            : throw new FormatException($"{IdentifierSyntax.Describe(text)} is not a valid reporting period: {ExpectedForms}.");
    }

    /// <summary>Tries to parse the canonical form.</summary>
    /// <param name="text">The text; <see langword="null"/> fails.</param>
    /// <param name="result">The period when the parse succeeds; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid period.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportingPeriod result)
    {
        result = default;
        return text is not null && TryParse(text.AsSpan(), out result);
    }

    /// <summary>Tries to parse the canonical form from characters.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="result">The period when the parse succeeds; otherwise <c>default</c>.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid period.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out ReportingPeriod result)
    {
        result = default;
        if (text.Length < 4 || !TryDigits(text[..4], out var year) || year < MinYear)
        {
            return false;
        }

        if (text.Length == 4)
        {
            result = ForYear(year);
            return true;
        }

        if (text[4] != '-')
        {
            return false;
        }

        var rest = text[5..];
        switch (rest.Length)
        {
            case 2 when rest[0] == 'H' && TryDigits(rest[1..], out var half) && half is 1 or 2:
                result = ForHalf(year, half);
                return true;
            case 2 when rest[0] == 'Q' && TryDigits(rest[1..], out var quarter) && quarter is >= 1 and <= 4:
                result = ForQuarter(year, quarter);
                return true;
            case 2 when TryDigits(rest, out var month) && month is >= 1 and <= 12:
                result = ForMonth(year, month);
                return true;
            case 5 when rest[2] == '-' && TryDigits(rest[..2], out var m) && m is >= 1 and <= 12
                        && TryDigits(rest[3..], out var day) && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, m):
                result = ForDay(new LocalDate(year, m, day));
                return true;
            default:
                return false;
        }
    }

    /// <inheritdoc />
    static ReportingPeriod IParsable<ReportingPeriod>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc />
    static bool IParsable<ReportingPeriod>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportingPeriod result) => TryParse(s, out result);

    /// <summary>Returns the canonical form, for example <c>2024-H1</c>.</summary>
    /// <returns>The canonical text, or an empty string for <c>default</c>.</returns>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return string.Empty;
        }

        var inv = CultureInfo.InvariantCulture;
        return Kind switch
        {
            ReportingPeriodKind.Year => _start.Year.ToString("D4", inv),
            ReportingPeriodKind.Half => string.Create(inv, $"{_start.Year:D4}-H{((_start.Month - 1) / 6) + 1}"),
            ReportingPeriodKind.Quarter => string.Create(inv, $"{_start.Year:D4}-Q{((_start.Month - 1) / 3) + 1}"),
            ReportingPeriodKind.Month => string.Create(inv, $"{_start.Year:D4}-{_start.Month:D2}"),
            _ => string.Create(inv, $"{_start.Year:D4}-{_start.Month:D2}-{_start.Day:D2}"),
        };
    }

    /// <inheritdoc />
    public bool Equals(ReportingPeriod other) => _kindPlusOne == other._kindPlusOne && _start == other._start;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReportingPeriod other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_kindPlusOne, _start);

    /// <summary>Orders by first day, then the longer period first; <c>default</c> sorts before every period.</summary>
    /// <param name="other">The period to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(ReportingPeriod other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return IsEmpty.CompareTo(other.IsEmpty) * -1;
        }

        var byStart = _start.CompareTo(other._start);
        return byStart != 0 ? byStart : _kindPlusOne.CompareTo(other._kindPlusOne);
    }

    /// <summary>Equality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the periods are the same.</returns>
    public static bool operator ==(ReportingPeriod left, ReportingPeriod right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether the periods differ.</returns>
    public static bool operator !=(ReportingPeriod left, ReportingPeriod right) => !left.Equals(right);

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> sorts first or equal.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Ordering (see <see cref="CompareTo"/>).</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns>Whether <paramref name="left"/> sorts last or equal.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    private static int CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return year;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }
}
