using System.Text.Json.Nodes;
using CsCheck;
using DeltaSdk.Serialization;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Tests.Serialization;

/// <summary>
/// <see cref="DeltaText"/> against the other entry point, a document read by <see cref="DeltaJson"/>: over generated,
/// mutated and arbitrary texts, both accept exactly the same instants and dates, to the same value.
/// </summary>
public sealed class DeltaTextTests
{
    private static readonly Gen<string> Instants = Gen.Long[Instant.FromUtc(-9000, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(9000, 1, 1, 0, 0).ToUnixTimeTicks()]
        .Select(static ticks => InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeTicks(ticks)));

    private static readonly Gen<string> Dates = Gen.Int[-4_000_000, 2_900_000].Select(static days => LocalDatePattern.Iso.Format(new LocalDate(2000, 1, 1).PlusDays(days)));

    [Theory]
    [InlineData("2026-11-30T08:00:00Z")]
    [InlineData("2026-11-30T08:00:00.123456789Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void A_canonical_instant_reads_and_writes_back_unchanged(string text)
    {
        Assert.True(DeltaText.TryParseInstant(text, out var value));
        Assert.Equal(value, DeltaText.ParseInstant(text));
        Assert.Equal(text, DeltaText.FormatInstant(value));
    }

    [Theory]
    [InlineData("2026-11-30T24:00:00Z", "hour 24")]
    [InlineData("2026-11-30T08:00:00Z\0", "NUL")]
    [InlineData("2026-11-30T08:00:00+08:00", "'2026-11-30T08:00:00+08:00'")]
    [InlineData("2026-11-30", "'2026-11-30'")]
    public void A_text_that_is_not_an_instant_is_refused_saying_why(string text, string reasonPart)
    {
        Assert.False(DeltaText.TryParseInstant(text, out _));
        var error = Assert.Throws<FormatException>(() => DeltaText.ParseInstant(text));
        Assert.Contains(reasonPart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_read_and_write_in_the_ISO_calendar_only()
    {
        Assert.Equal(new LocalDate(2025, 6, 30), DeltaText.ParseDate("2025-06-30"));
        Assert.Equal("2025-06-30", DeltaText.FormatDate(new LocalDate(2025, 6, 30)));
        Assert.False(DeltaText.TryParseDate("2025-06-30\0", out _));
        Assert.False(DeltaText.TryParseDate(null, out _));
        Assert.Contains("NUL", Assert.Throws<FormatException>(() => DeltaText.ParseDate("2025-06-30\0")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DeltaText.FormatDate(new LocalDate(2025, 6, 30).WithCalendar(CalendarSystem.Julian)));
    }

    [Fact]
    public void Text_and_document_agree_on_every_instant_text()
        => Mutated(Instants).Sample(text =>
        {
            var fromDocument = Read(text, "recordedAt", static r => r.RecordedAt);
            Assert.Equal(fromDocument is not null, DeltaText.TryParseInstant(text, out var fromText));
            Assert.Equal(fromDocument, fromDocument is null ? null : fromText);
        });

    [Fact]
    public void Text_and_document_agree_on_every_date_text()
        => Mutated(Dates).Sample(text =>
        {
            var fromDocument = Read(text, "reportedOn", static r => (LocalDate?)r.ReportedOn);
            Assert.Equal(fromDocument is not null, DeltaText.TryParseDate(text, out var fromText));
            Assert.Equal(fromDocument, fromDocument is null ? null : fromText);
        });

    /// <summary>Valid texts, texts with one character replaced, inserted or removed, and arbitrary strings.</summary>
    private static Gen<string> Mutated(Gen<string> valid) => Gen.OneOf(
        valid,
        Gen.String,
        valid.Select(Gen.Int[0, 40], Gen.Char, static (text, at, c) => at < text.Length ? text.Remove(at, 1).Insert(at, c.ToString()) : text + c),
        valid.Select(Gen.Int[0, 40], Gen.OneOf('\0', '+', '-', ' ', '.', 'Z', '9', 'T', ':'), static (text, at, c) => text.Insert(Math.Min(at, text.Length), c.ToString())),
        valid.Select(Gen.Int[0, 40], static (text, at) => at < text.Length ? text.Remove(at, 1) : text));

    /// <summary>Reads a progress report document whose <paramref name="member"/> holds the text; null when the document is refused.</summary>
    private static T? Read<T>(string text, string member, Func<ProgressReport, T?> pick)
        where T : struct
    {
        var document = JsonNode.Parse(DeltaJson.WriteProgressReport(SyntheticModels.Report()))!;
        document[member] = text;
        try
        {
            return pick(DeltaJson.ReadProgressReport(document.ToJsonString()));
        }
        catch (DeltaFormatException)
        {
            return null;
        }
    }
}
