using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads and writes <see cref="LocalDate"/> as an ISO date, <c>2024-07-25</c>. The common four-digit-year form is
/// handled directly on the UTF-8 bytes (dates are the most frequent values of a plan); anything else goes to
/// NodaTime's own <see cref="LocalDatePattern.Iso"/>, so the accepted forms are exactly NodaTime's ISO pattern, less
/// a trailing NUL (NodaTime's parser treats NUL as the end of the text, so <c>"2024-07-25\u0000"</c> would read).
/// </summary>
/// <remarks>
/// NodaTime.Serialization.SystemTextJson would do the same, but its converter factory trips IL2026/IL3050 in a
/// consumer's trimmed or native AOT publish; a pattern is all it used.
/// </remarks>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    private static readonly LocalDatePattern Pattern = LocalDatePattern.Iso;

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && TryParseFast(reader.ValueSpan, out var date))
        {
            return date;
        }

        return NodaTimeText.Read(ref reader, Pattern, "a date");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        if (value.Calendar != CalendarSystem.Iso)
        {
            // The format has ISO dates only; a date in another calendar would be written as a different day.
            throw new ArgumentException($"Only ISO-calendar dates can be written; {value} is in the {value.Calendar.Id} calendar.", nameof(value));
        }

        if (value.Year is < 1 or > 9999)
        {
            writer.WriteStringValue(Pattern.Format(value));
            return;
        }

        Span<byte> text = stackalloc byte[10];
        WriteDigits(text[..4], value.Year);
        text[4] = (byte)'-';
        WriteDigits(text.Slice(5, 2), value.Month);
        text[7] = (byte)'-';
        WriteDigits(text.Slice(8, 2), value.Day);
        writer.WriteStringValue(text);
    }

    private static bool TryParseFast(ReadOnlySpan<byte> text, out LocalDate date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
