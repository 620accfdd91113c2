using DeltaSdk.Internal;

namespace DeltaSdk.Tests.Internal;

public sealed class TextSearchIndexTests
{
    private static readonly TextSearchIndex Index = new(
    [
        ["长三角铁路", "Yangtze Delta Railway"],
        ["港口群", null, "Port cluster", ""],
        ["trade fair amenities"],
        [],
        ["铁水联运", "RAIL-water"],
    ]);

    [Theory]
    [InlineData("铁", new[] { 0, 4 })]
    [InlineData("铁路", new[] { 0 })]
    [InlineData("长三角铁路", new[] { 0 })]
    [InlineData("rail", new[] { 0, 4 })]
    [InlineData("RAILWAY", new[] { 0 })]
    [InlineData("port c", new[] { 1 })]
    [InlineData("a", new[] { 0, 2, 4 })]
    [InlineData("tram", new int[0])]
    [InlineData("铁路港", new int[0])]
    [InlineData("railwayport", new int[0])]
    [InlineData("x", new int[0])]
    public void Find_returns_the_documents_with_a_field_containing_the_keyword(string keyword, int[] expected)
    {
        Assert.Equal(expected, Index.Find(keyword));
    }

    [Fact]
    public void Count_includes_documents_without_text()
    {
        Assert.Equal(5, Index.Count);
    }

    [Fact]
    public void Find_agrees_with_a_plain_substring_scan_on_random_texts()
    {
        var random = new Random(20240725);
        const string Alphabet = "abAB 苏州铁路";
        var documents = Enumerable.Range(0, 200)
            .Select(_ => Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomText(random, Alphabet, random.Next(0, 12))).ToArray())
            .ToArray();
        var index = new TextSearchIndex(documents);

        for (var n = 0; n < 500; n++)
        {
            var keyword = RandomText(random, Alphabet, random.Next(1, 5));
            var expected = Enumerable.Range(0, documents.Length)
                .Where(d => documents[d].Any(f => f.Contains(keyword, StringComparison.OrdinalIgnoreCase)))
                .ToArray();

            Assert.Equal(expected, index.Find(keyword));
        }
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
}
