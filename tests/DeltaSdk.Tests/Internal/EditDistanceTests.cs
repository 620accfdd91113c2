using DeltaSdk.Internal;

namespace DeltaSdk.Tests.Internal;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("suzhou", "suzhou", 0)]
    [InlineData("suzou", "suzhou", 1)]
    [InlineData("suzhou", "xuzhou", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("nanjign", "nanjing", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("abcd", "badc", 2)]
    [InlineData("苏洲", "苏州", 1)]
    [InlineData("宿州", "苏州", 1)]
    [InlineData("ca", "abc", 3)] // the optimal-string-alignment form edits each substring once (unrestricted would say 2)
    public void Compute_counts_insertions_deletions_substitutions_and_adjacent_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Compute(a, b, limit: 10));
        Assert.Equal(expected, EditDistance.Compute(b, a, limit: 10));
    }

    [Theory]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("abc", "", 0)]
    [InlineData("hangzhou", "suzhou", 1)]
    [InlineData("abcdefgh", "abcdefghijkl", 3)]
    public void Compute_returns_limit_plus_one_beyond_the_limit(string a, string b, int limit)
    {
        Assert.Equal(limit + 1, EditDistance.Compute(a, b, limit));
    }

    [Fact]
    public void Compute_rejects_a_negative_limit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EditDistance.Compute("a", "b", -1));
    }

    [Fact]
    public void Bounded_results_agree_with_the_full_computation_on_random_texts()
    {
        // Giving up early must never hide a distance within the limit; check against a plain full table.
        var random = new Random(20240725);
        const string Alphabet = "abc苏州";
        for (var n = 0; n < 2000; n++)
        {
            var a = RandomText(random, Alphabet, random.Next(0, 9));
            var b = random.Next(3) == 0 ? Mutate(random, a, Alphabet) : RandomText(random, Alphabet, random.Next(0, 9));
            var full = Reference(a, b);
            for (var limit = 0; limit <= 5; limit++)
            {
                Assert.Equal(Math.Min(full, limit + 1), EditDistance.Compute(a, b, limit));
            }
        }
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    private static string Mutate(Random random, string text, string alphabet)
    {
        var chars = text.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = chars.Count == 0 ? 0 : random.Next(chars.Count);
            switch (random.Next(4))
            {
                case 0:
                    chars.Insert(at, alphabet[random.Next(alphabet.Length)]);
                    break;
                case 1 when chars.Count > 0:
                    chars.RemoveAt(at);
                    break;
                case 2 when chars.Count > 0:
                    chars[at] = alphabet[random.Next(alphabet.Length)];
                    break;
                case 3 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
            }
        }

        return new string([.. chars]);
    }

    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
