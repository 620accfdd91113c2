namespace DeltaSdk.Internal;

/// <summary>
/// The optimal-string-alignment form of the Damerau-Levenshtein distance: the fewest insertions, deletions,
/// substitutions and swaps of two adjacent characters that turn one text into another, each substring edited
/// at most once. Swaps count as one edit because they are the commonest typing slip ("Nanjign").
/// </summary>
internal static class EditDistance
{
    /// <summary>Computes the distance, giving up once it must exceed <paramref name="limit"/>.</summary>
    /// <param name="a">The first text.</param>
    /// <param name="b">The second text.</param>
    /// <param name="limit">The largest distance of interest, zero or more.</param>
    /// <returns>The distance when it is at most <paramref name="limit"/>; otherwise <paramref name="limit"/> + 1.</returns>
    public static int Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        var previousRowMinimum = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            // Later rows build on this row and the one before it (swaps reach back two rows), so only when
            // both are past the limit can no later cell come back under it.
            if (rowMinimum > limit && previousRowMinimum > limit)
            {
                return limit + 1;
            }

            previousRowMinimum = rowMinimum;
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
