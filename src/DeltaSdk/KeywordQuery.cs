using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace DeltaSdk;

/// <summary>
/// A keyword search over key tasks, the one definition that <see cref="PlanIndex.Search(string)"/> and the Plan API's
/// <c>q=</c> share: the text is split on white space into keywords, and a task matches when every keyword occurs,
/// ignoring case, in its code, its title or summary (any language) or one of its tags.
/// </summary>
/// <remarks>
/// A keyword matches as a substring (<c>rail</c> finds <c>Railway</c>, <c>铁路</c> finds <c>铁路网</c>), never across two
/// fields. Case is folded with invariant lower-casing. The work a query asks for is bounded: at most
/// <see cref="MaxKeywords"/> keywords and <see cref="MaxLength"/> characters, so that a query from the network cannot
/// make the matching (or the SQL built from it) grow without limit.
/// </remarks>
// A class, not a record: a query is a value built by Parse, not a model record with members to copy with `with`.
public sealed class KeywordQuery : IEquatable<KeywordQuery>
{
    /// <summary>The most keywords a query may hold.</summary>
    public const int MaxKeywords = 16;

    /// <summary>The most characters a query's text may hold, white space included.</summary>
    public const int MaxLength = 256;

    private KeywordQuery(ImmutableArray<string> keywords) => Keywords = keywords;

    /// <summary>Gets the query that matches every task (no keywords).</summary>
    public static KeywordQuery All { get; } = new([]);

    /// <summary>Gets the keywords, case-folded, in the order given, without repeats.</summary>
    public ImmutableArray<string> Keywords { get; }

    /// <summary>Gets a value indicating whether the query has no keywords and so matches every task.</summary>
    public bool IsEmpty => Keywords.IsEmpty;

    /// <summary>Reads a query from text such as <c>rail 铁路</c>.</summary>
    /// <param name="text">The text; <see langword="null"/>, empty or white space gives <see cref="All"/>.</param>
    /// <returns>The query.</returns>
    /// <exception cref="ArgumentException">The text is longer than <see cref="MaxLength"/> or holds more than <see cref="MaxKeywords"/> keywords.</exception>
    public static KeywordQuery Parse(string? text)
        => TryParse(text, out var query, out var error) ? query : throw new ArgumentException(error, nameof(text));

    /// <summary>Reads a query from text such as <c>rail 铁路</c>, or says why it cannot.</summary>
    /// <param name="text">The text; <see langword="null"/>, empty or white space gives <see cref="All"/>.</param>
    /// <param name="query">The query, when the text is within the limits.</param>
    /// <param name="error">Why the text is refused, naming the limit it breaks; otherwise <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the text is within <see cref="MaxLength"/> and <see cref="MaxKeywords"/>.</returns>
    public static bool TryParse(string? text, out KeywordQuery query, out string? error)
    {
        query = All;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (text.Length > MaxLength)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The keyword query is {text.Length} characters long; at most {MaxLength} (max query length) are allowed.");
            return false;
        }

        var keywords = new List<string>();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var keyword = Fold(word);
            if (!keywords.Contains(keyword, StringComparer.Ordinal))
            {
                keywords.Add(keyword);
            }
        }

        if (keywords.Count > MaxKeywords)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"The keyword query holds {keywords.Count} keywords; at most {MaxKeywords} (max keywords) are allowed.");
            return false;
        }

        query = new KeywordQuery([.. keywords]);
        return true;
    }

    /// <summary>Folds case the way keywords and searched text are compared: invariant lower-casing, which keeps lengths.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToLowerInvariant();
    }

    /// <summary>Gets the fields of a task a keyword is looked for in: its code, title and summary in every language, and tags.</summary>
    /// <param name="task">The task.</param>
    /// <returns>The fields, not yet case-folded; none is empty.</returns>
    public static IEnumerable<string> SearchFields(KeyTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        yield return task.Code.ToString();
        if (task.Title is not null)
        {
            foreach (var entry in task.Title)
            {
                yield return entry.Value;
            }
        }

        if (task.Summary is not null)
        {
            foreach (var entry in task.Summary)
            {
                yield return entry.Value;
            }
        }

        foreach (var tag in task.Tags)
        {
            if (!string.IsNullOrEmpty(tag))
            {
                yield return tag;
            }
        }
    }

    /// <summary>
    /// Gets a task's search text: its <see cref="SearchFields(KeyTask)"/>, case-folded, each followed by a line feed. A
    /// keyword holds no white space, so it can occur in this text only within one field; a store can keep the text and
    /// test each keyword as a substring of it (SQL: <c>instr(search_text, keyword) &gt; 0</c>).
    /// </summary>
    /// <param name="task">The task.</param>
    /// <returns>The search text.</returns>
    public static string SearchText(KeyTask task)
    {
        var builder = new StringBuilder();
        foreach (var field in SearchFields(task))
        {
            builder.Append(field).Append('\n');
        }

        return Fold(builder.ToString());
    }

    /// <summary>Tells whether a task matches: every keyword occurs in one of its fields.</summary>
    /// <param name="task">The task.</param>
    /// <returns><see langword="true"/> when the task matches.</returns>
    public bool Matches(KeyTask task) => IsEmpty || MatchesSearchText(SearchText(task));

    /// <summary>Tells whether a task's <see cref="SearchText(KeyTask)"/> holds every keyword.</summary>
    /// <param name="searchText">The task's search text.</param>
    /// <returns><see langword="true"/> when every keyword occurs in it.</returns>
    public bool MatchesSearchText(string searchText)
    {
        ArgumentNullException.ThrowIfNull(searchText);
        foreach (var keyword in Keywords)
        {
            if (!searchText.Contains(keyword, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes the keywords as a query text, separated by a space.</summary>
    /// <returns>The text, which <see cref="Parse(string)"/> reads back to an equal query.</returns>
    public override string ToString() => string.Join(' ', Keywords);

    /// <summary>Compares two queries by their keywords.</summary>
    /// <param name="left">The first query.</param>
    /// <param name="right">The second query.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or hold the same keywords in the same order.</returns>
    public static bool operator ==(KeywordQuery? left, KeywordQuery? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two queries by their keywords.</summary>
    /// <param name="left">The first query.</param>
    /// <param name="right">The second query.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(KeywordQuery? left, KeywordQuery? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(KeywordQuery? other) => other is not null && Keywords.SequenceEqual(other.Keywords, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as KeywordQuery);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var keyword in Keywords)
        {
            hash.Add(keyword, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
