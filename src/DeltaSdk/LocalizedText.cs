using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using DeltaSdk.Internal;
using DeltaSdk.Serialization;

namespace DeltaSdk;

/// <summary>
/// A text in several languages, keyed by BCP 47 language tag (<c>zh-Hans</c>, <c>en</c>). Immutable; keys compare
/// case-insensitively, as BCP 47 says, and keep the case and order they were given in.
/// </summary>
/// <remarks>
/// <para>The fallback of <see cref="Get(string)"/>, in order:</para>
/// <list type="number">
/// <item>the requested tag itself;</item>
/// <item>the tag with subtags removed from the right (<c>zh-Hans-CN</c> → <c>zh-Hans</c> → <c>zh</c>);</item>
/// <item>the first entry whose tag starts with the requested language (<c>zh</c> finds <c>zh-Hans</c>);</item>
/// <item>English (<c>en</c>), then Simplified Chinese (<c>zh-Hans</c>);</item>
/// <item>the first entry.</item>
/// </list>
/// <para>In JSON it is an object of tag to text: <c>{"zh-Hans": "上海市", "en": "Shanghai"}</c>.</para>
/// </remarks>
[JsonConverter(typeof(LocalizedTextJsonConverter))]
public sealed class LocalizedText : IReadOnlyDictionary<string, string>, IEquatable<LocalizedText>
{
    /// <summary>The BCP 47 tag of English.</summary>
    public const string English = "en";

    /// <summary>The BCP 47 tag of Chinese in simplified script.</summary>
    public const string SimplifiedChinese = "zh-Hans";

    private readonly KeyValuePair<string, string>[] _entries;

    /// <summary>Initializes a new instance from tag/text pairs.</summary>
    /// <param name="entries">The texts by tag; tags must be well-formed and distinct, texts not <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A tag is malformed or repeated, or a text is <see langword="null"/>.</exception>
    public LocalizedText(IEnumerable<KeyValuePair<string, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<string, string>>();
        HashSet<string>? seen = null;
        foreach (var entry in entries)
        {
            // Messages are built only on failure: every bilingual name in a document passes through here.
            if (!IsWellFormedTag(entry.Key))
            {
                throw new ArgumentException($"{IdentifierSyntax.Describe(entry.Key ?? string.Empty)} is not a BCP 47 language tag such as 'zh-Hans' or 'en'.", nameof(entries));
            }

            if (entry.Value is null)
            {
                throw new ArgumentException($"The text for '{entry.Key}' is null.", nameof(entries));
            }

            if (IsDuplicate(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list), entry.Key, ref seen))
            {
                throw new ArgumentException($"The language tag '{entry.Key}' appears twice.", nameof(entries));
            }

            list.Add(entry);
        }

        _entries = [.. list];
    }

    // For LocalizedTextJsonConverter, which checks every entry as the public constructor does (well-formed tag,
    // non-null text, no tag twice) while reading, and so need not pay for the checks and the copy a second time.
    private LocalizedText(KeyValuePair<string, string>[] checkedEntries, bool isChecked)
    {
        System.Diagnostics.Debug.Assert(isChecked, "Only for entries checked as the public constructor checks them.");
        _entries = checkedEntries;
    }

    /// <summary>Wraps entries that were checked as the public constructor checks them; the array is taken, not copied.</summary>
    internal static LocalizedText FromCheckedEntries(KeyValuePair<string, string>[] entries) => new(entries, isChecked: true);

    /// <summary>Gets a text with no entries.</summary>
    public static LocalizedText Empty { get; } = new([]);

    /// <summary>Gets the number of languages.</summary>
    public int Count => _entries.Length;

    /// <summary>Gets the language tags, in the order given.</summary>
    public IEnumerable<string> Keys => _entries.Select(static e => e.Key);

    /// <summary>Gets the texts, in the order given.</summary>
    public IEnumerable<string> Values => _entries.Select(static e => e.Value);

    /// <summary>Gets the Simplified Chinese text, or <see langword="null"/> when there is none (no fallback).</summary>
    public string? Chinese => GetExact(SimplifiedChinese);

    /// <summary>Gets the English text, or <see langword="null"/> when there is none (no fallback).</summary>
    public string? EnglishText => GetExact(English);

    /// <summary>Gets the text for exactly <paramref name="key"/> (case-insensitive, no fallback).</summary>
    /// <param name="key">The language tag.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">There is no text for the tag.</exception>
    public string this[string key] => GetExact(key) ?? throw new KeyNotFoundException($"No text in language '{key}'.");

    /// <summary>Creates a text in Simplified Chinese and English; a <see langword="null"/> text is left out.</summary>
    /// <param name="chinese">The Simplified Chinese text.</param>
    /// <param name="english">The English text.</param>
    /// <returns>The localized text.</returns>
    public static LocalizedText Create(string? chinese, string? english)
    {
        var entries = new List<KeyValuePair<string, string>>(2);
        if (chinese is not null)
        {
            entries.Add(new(SimplifiedChinese, chinese));
        }

        if (english is not null)
        {
            entries.Add(new(English, english));
        }

        return new LocalizedText(entries);
    }

    /// <summary>Gets the text for exactly <paramref name="languageTag"/> (case-insensitive), without fallback.</summary>
    /// <param name="languageTag">The language tag.</param>
    /// <returns>The text, or <see langword="null"/>.</returns>
    public string? GetExact(string languageTag)
    {
        var index = IndexOf(_entries, languageTag);
        return index < 0 ? null : _entries[index].Value;
    }

    /// <summary>Gets the best text for a language, following the documented fallback.</summary>
    /// <param name="languageTag">The wanted language, for example <c>zh-Hans-CN</c> or <c>en-GB</c>.</param>
    /// <returns>The best text, or an empty string when there are no entries.</returns>
    public string Get(string languageTag)
    {
        ArgumentNullException.ThrowIfNull(languageTag);
        if (_entries.Length == 0)
        {
            return string.Empty;
        }

        for (var tag = languageTag; tag.Length > 0; tag = tag[..Math.Max(tag.LastIndexOf('-'), 0)])
        {
            var exact = GetExact(tag);
            if (exact is not null)
            {
                return exact;
            }
        }

        var language = languageTag.Split('-')[0];
        foreach (var entry in _entries)
        {
            if (entry.Key.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return GetExact(English) ?? GetExact(SimplifiedChinese) ?? _entries[0].Value;
    }

    /// <summary>Gets the best text for a culture (its BCP 47 name), following the documented fallback.</summary>
    /// <param name="culture">The culture; the invariant culture falls back to English.</param>
    /// <returns>The best text, or an empty string when there are no entries.</returns>
    public string Get(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Get(culture.Name.Length == 0 ? English : culture.Name);
    }

    /// <inheritdoc />
    public bool ContainsKey(string key) => IndexOf(_entries, key) >= 0;

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        value = GetExact(key);
        return value is not null;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Two texts are equal when they hold the same texts for the same tags, in any order.</summary>
    /// <param name="other">The other text.</param>
    /// <returns>Whether both hold the same entries.</returns>
    public bool Equals(LocalizedText? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        if (Count > 8)
        {
            // Linear for many tags too: look the other's texts up in a dictionary rather than scan them per tag.
            var others = new Dictionary<string, string>(other._entries, StringComparer.OrdinalIgnoreCase);
            foreach (var entry in _entries)
            {
                if (!others.TryGetValue(entry.Key, out var text) || !string.Equals(text, entry.Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var entry in _entries)
        {
            if (!string.Equals(other.GetExact(entry.Key), entry.Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LocalizedText);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var entry in _entries)
        {
            // Order-independent, as equality is.
            hash ^= HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(entry.Key), StringComparer.Ordinal.GetHashCode(entry.Value));
        }

        return hash;
    }

    /// <summary>Returns the English text, falling back as <see cref="Get(string)"/> does.</summary>
    /// <returns>The text for display.</returns>
    public override string ToString() => Get(English);

    internal static bool IsWellFormedTag(string? tag)
    {
        // A pragmatic BCP 47 check: 1-8 alphanumeric subtags joined by hyphens, the first all letters.
        if (string.IsNullOrEmpty(tag) || tag.Length > 35)
        {
            return false;
        }

        var parts = tag.Split('-');
        if (!parts[0].All(char.IsAsciiLetter))
        {
            return false;
        }

        return parts.All(static p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    /// <summary>
    /// Whether <paramref name="tag"/> is among the tags before it (case-insensitively). A scan while there are few,
    /// then a set, which this call fills with the earlier tags once: linear in the number of tags however many there are.
    /// </summary>
    internal static bool IsDuplicate(ReadOnlySpan<KeyValuePair<string, string>> before, string tag, ref HashSet<string>? seen)
    {
        const int ScanLimit = 8;
        if (seen is null)
        {
            if (before.Length < ScanLimit)
            {
                foreach (var entry in before)
                {
                    if (string.Equals(entry.Key, tag, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in before)
            {
                seen.Add(entry.Key);
            }
        }

        return !seen.Add(tag);
    }

    private static int IndexOf(IReadOnlyList<KeyValuePair<string, string>> entries, string key)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
