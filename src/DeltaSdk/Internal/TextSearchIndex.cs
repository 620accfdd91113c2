namespace DeltaSdk.Internal;

/// <summary>
/// Case-insensitive substring search over a fixed list of documents, each a list of fields.
/// </summary>
/// <remarks>
/// Chinese text has no spaces to split words on, so the index keys on characters rather than words: every
/// single character and every pair of adjacent characters (bigram) of a field maps to the documents holding it.
/// A keyword's candidates are the documents that hold all of its bigrams (or its one character); each candidate
/// is then checked for the whole keyword, because holding every bigram does not mean holding them in sequence.
/// Fields are indexed separately so that a keyword never matches across the end of one field and the start of
/// the next. The index is never changed after construction, so its plain dictionaries are safe to read from several
/// threads (plain rather than frozen: freezing thousands of bigram keys costs more than it saves for this size).
/// </remarks>
internal sealed class TextSearchIndex
{
    private static readonly int[] None = [];

    private readonly string[][] _fields;
    private readonly Dictionary<char, int[]> _characters;
    private readonly Dictionary<uint, int[]> _bigrams;

    /// <summary>Initializes a new instance over <paramref name="documents"/>; a document's position is its number.</summary>
    /// <param name="documents">The fields of each document, not yet normalized; <see langword="null"/> fields are skipped.</param>
    public TextSearchIndex(IReadOnlyList<IEnumerable<string?>> documents)
    {
        _fields = new string[documents.Count][];
        var characters = new Dictionary<char, List<int>>();
        var bigrams = new Dictionary<uint, List<int>>();
        var seenCharacters = new HashSet<char>();
        var seenBigrams = new HashSet<uint>();
        for (var document = 0; document < documents.Count; document++)
        {
            seenCharacters.Clear();
            seenBigrams.Clear();
            var fields = documents[document].Where(static f => !string.IsNullOrEmpty(f)).Select(static f => Normalize(f!)).ToArray();
            _fields[document] = fields;
            foreach (var field in fields)
            {
                for (var i = 0; i < field.Length; i++)
                {
                    if (seenCharacters.Add(field[i]))
                    {
                        Append(characters, field[i], document);
                    }

                    if (i > 0 && seenBigrams.Add(Bigram(field[i - 1], field[i])))
                    {
                        Append(bigrams, Bigram(field[i - 1], field[i]), document);
                    }
                }
            }
        }

        // Documents are visited in order, so every posting list is already ascending and free of repeats.
        _characters = characters.ToDictionary(static p => p.Key, static p => p.Value.ToArray());
        _bigrams = bigrams.ToDictionary(static p => p.Key, static p => p.Value.ToArray());
    }

    /// <summary>Gets the number of documents.</summary>
    public int Count => _fields.Length;

    /// <summary>Folds case the same way for documents and keywords (simple invariant lower-casing keeps lengths).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalized text.</returns>
    public static string Normalize(string text) => text.ToLowerInvariant();

    /// <summary>Finds the documents with a field that contains <paramref name="keyword"/>, ignoring case.</summary>
    /// <param name="keyword">The keyword, not empty.</param>
    /// <returns>The matching document numbers, ascending.</returns>
    public IReadOnlyList<int> Find(string keyword)
    {
        var key = Normalize(keyword);
        var candidates = key.Length == 1 ? _characters.GetValueOrDefault(key[0], None) : Candidates(key);
        var result = new List<int>();
        foreach (var document in candidates)
        {
            foreach (var field in _fields[document])
            {
                if (field.Contains(key, StringComparison.Ordinal))
                {
                    result.Add(document);
                    break;
                }
            }
        }

        return result;
    }

    private static uint Bigram(char first, char second) => ((uint)first << 16) | second;

    private static void Append<TKey>(Dictionary<TKey, List<int>> postings, TKey key, int document)
        where TKey : notnull
    {
        if (!postings.TryGetValue(key, out var list))
        {
            postings[key] = list = [];
        }

        list.Add(document);
    }

    private int[] Candidates(string key)
    {
        var lists = new List<int[]>(key.Length - 1);
        var seen = new HashSet<uint>();
        for (var i = 1; i < key.Length; i++)
        {
            var bigram = Bigram(key[i - 1], key[i]);
            if (!seen.Add(bigram))
            {
                continue;
            }

            if (!_bigrams.TryGetValue(bigram, out var list))
            {
                return None;
            }

            lists.Add(list);
        }

        // Intersect the shortest lists first: the running result only shrinks.
        lists.Sort(static (a, b) => a.Length.CompareTo(b.Length));
        var current = lists[0];
        for (var l = 1; l < lists.Count && current.Length > 0; l++)
        {
            current = Intersect(current, lists[l]);
        }

        return current;
    }

    private static int[] Intersect(int[] left, int[] right)
    {
        var result = new List<int>(Math.Min(left.Length, right.Length));
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                result.Add(left[i]);
                i++;
                j++;
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return [.. result];
    }
}
