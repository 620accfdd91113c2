using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using DeltaSdk.Serialization;
using DeltaSdk.Server.Http;
using DeltaSdk.Server.Tests.Support;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Server.Tests.Http;

public sealed class QueryValuesTests
{
    [Theory]
    [InlineData("2026-11-30T08:00:00Z")]
    [InlineData("2026-11-30T08:00:00.123456789Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void An_instant_parameter_reads_as_the_canonical_format_reads_it(string text)
    {
        Assert.True(QueryValues.TryParseInstant(text, "updatedSince", out var value, out var problem));
        Assert.Null(problem);
        Assert.Equal(ReadAsDocumentMember(text), value);
    }

    [Theory]
    [InlineData("2026-11-30")]
    [InlineData("2026-11-30T08:00:00")]
    [InlineData("2026-11-30T08:00:00+08:00")]
    [InlineData("2026-11-30T08:00Z")]
    [InlineData("2026-11-30T08:00:00Z\0")]
    [InlineData("yesterday")]
    public void A_text_that_is_not_an_instant_is_a_problem_naming_the_parameter(string text)
    {
        Assert.False(QueryValues.TryParseInstant(text, "updatedSince", out var value, out var problem));
        Assert.Null(value);
        Assert.StartsWith("updatedSince: '", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_is_no_value_and_no_problem()
    {
        Assert.True(QueryValues.TryParseInstant(null, "asOf", out var value, out _));
        Assert.Null(value);
        Assert.True(QueryValues.TryParseInstant(string.Empty, "asOf", out value, out _));
        Assert.Null(value);
    }

    /// <summary>Any text at all: the query parser and the document reader accept exactly the same ones, to the same instant.</summary>
    [Fact]
    public void The_query_and_the_document_agree_on_every_text()
    {
        var instants = Gen.Long[Instant.FromUtc(-9000, 1, 1, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(9000, 1, 1, 0, 0).ToUnixTimeTicks()]
            .Select(static ticks => InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeTicks(ticks)));
        var mutated = Gen.OneOf(instants, Gen.String, instants.Select(Gen.Int[0, 30], Gen.Char, static (text, at, c) => at < text.Length ? text.Remove(at, 1).Insert(at, c.ToString()) : text + c));
        mutated.Sample(text =>
        {
            Instant? fromDocument;
            try
            {
                fromDocument = ReadAsDocumentMember(text);
            }
            catch (DeltaFormatException)
            {
                fromDocument = null;
            }

            var accepted = QueryValues.TryParseInstant(text, "asOf", out var fromQuery, out _);
            Assert.Equal(fromDocument is not null || string.IsNullOrEmpty(text), accepted);
            Assert.Equal(fromDocument, fromQuery);
        });
    }

    /// <summary>The other entry point: a progress report document whose <c>recordedAt</c> is the text, read by <see cref="DeltaJson"/>.</summary>
    private static Instant? ReadAsDocumentMember(string text)
    {
        var document = JsonNode.Parse(DeltaJson.WriteProgressReport(SyntheticPlanData.Report(SyntheticPlanData.Code(1), ImplementationStatus.InProgress, new LocalDate(2024, 6, 1))))!;
        document["recordedAt"] = text;
        return DeltaJson.ReadProgressReport(document.ToJsonString()).RecordedAt;
    }
}
