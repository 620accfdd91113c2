using System.Globalization;

namespace DeltaSdk.Tests;

public sealed class LocalizedTextTests
{
    [Fact]
    public void Get_returns_the_requested_tag_first()
    {
        var text = Text(("zh-Hans", "上海"), ("en", "Shanghai"), ("fr", "Changhaï"));

        Assert.Equal("上海", text.Get("zh-Hans"));
        Assert.Equal("Shanghai", text.Get("en"));
        Assert.Equal("Changhaï", text.Get("fr"));
    }

    [Fact]
    public void Get_then_removes_subtags_from_the_right()
    {
        var text = Text(("zh", "中"), ("zh-Hans", "简"), ("en", "E"));

        Assert.Equal("简", text.Get("zh-Hans-CN"));
        Assert.Equal("E", text.Get("en-GB"));
        Assert.Equal("中", text.Get("zh-HK"));
    }

    [Fact]
    public void Get_prefers_a_shorter_tag_to_a_sibling_that_shares_the_language()
    {
        // Step 2 (zh-Hans -> zh) comes before step 3 (the first zh-* entry, here zh-Hant).
        var text = Text(("zh-Hant", "繁"), ("zh", "中"));

        Assert.Equal("中", text.Get("zh-Hans"));
    }

    [Fact]
    public void Get_then_takes_the_first_entry_of_the_requested_language()
    {
        var text = Text(("en", "E"), ("zh-Hant", "繁"), ("zh-Hans", "简"));

        Assert.Equal("繁", text.Get("zh"));
        Assert.Equal("繁", text.Get("zh-TW"));
        Assert.Equal("繁", text.Get("ZH-mo"));
    }

    [Fact]
    public void Get_then_falls_back_to_English_then_Simplified_Chinese()
    {
        Assert.Equal("E", Text(("fr", "F"), ("zh-Hans", "简"), ("en", "E")).Get("de"));
        Assert.Equal("简", Text(("fr", "F"), ("zh-Hans", "简")).Get("de-CH"));
    }

    [Fact]
    public void Get_finally_returns_the_first_entry()
    {
        Assert.Equal("F", Text(("fr", "F"), ("ja", "J")).Get("de"));
        Assert.Equal("F", Text(("fr", "F"), ("ja", "J")).Get(string.Empty));
    }

    [Fact]
    public void Get_ignores_the_case_of_tags()
    {
        var text = Text(("zh-Hans", "简"), ("en", "E"));

        Assert.Equal("简", text.Get("ZH-hans-cn"));
        Assert.Equal("E", text.Get("EN"));
    }

    [Fact]
    public void Get_of_an_empty_text_is_an_empty_string()
    {
        Assert.Equal(string.Empty, LocalizedText.Empty.Get("en"));
        Assert.Equal(string.Empty, LocalizedText.Empty.ToString());
    }

    [Fact]
    public void Get_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => LocalizedText.Empty.Get((string)null!));
        Assert.Throws<ArgumentNullException>(() => LocalizedText.Empty.Get((CultureInfo)null!));
    }

    [Fact]
    public void Get_of_the_invariant_culture_is_English()
    {
        Assert.Equal("E", Text(("zh-Hans", "简"), ("en", "E")).Get(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToString_follows_the_English_fallback()
    {
        Assert.Equal("E", Text(("zh-Hans", "简"), ("en", "E")).ToString());
        Assert.Equal("简", Text(("fr", "F"), ("zh-Hans", "简")).ToString());
    }

    [Fact]
    public void Chinese_and_EnglishText_do_not_fall_back()
    {
        var text = Text(("zh", "中"), ("en-GB", "E"));

        Assert.Null(text.Chinese);
        Assert.Null(text.EnglishText);
        Assert.Equal("简", LocalizedText.Create("简", null).Chinese);
        Assert.Equal("E", LocalizedText.Create(null, "E").EnglishText);
    }

    [Fact]
    public void Dictionary_access_ignores_the_case_of_keys()
    {
        var text = Text(("zh-Hans", "简"), ("en", "E"));

        Assert.True(text.ContainsKey("ZH-HANS"));
        Assert.Equal("E", text["EN"]);
        Assert.True(text.TryGetValue("Zh-hans", out var value));
        Assert.Equal("简", value);
        Assert.Equal("简", text.GetExact("zh-HANS"));
    }

    [Fact]
    public void Dictionary_access_does_not_fall_back()
    {
        var text = Text(("zh-Hans", "简"));

        Assert.False(text.ContainsKey("zh"));
        Assert.False(text.TryGetValue("zh-Hans-CN", out _));
        Assert.Null(text.GetExact("en"));
        Assert.Throws<KeyNotFoundException>(() => text["en"]);
    }

    [Fact]
    public void Keys_keep_the_case_and_order_they_were_given_in()
    {
        var text = Text(("EN", "E"), ("zh-hans", "简"), ("fr", "F"));

        Assert.Equal(["EN", "zh-hans", "fr"], text.Keys);
        Assert.Equal(["E", "简", "F"], text.Values);
        Assert.Equal(["EN", "zh-hans", "fr"], text.Select(static e => e.Key));
        Assert.Equal(3, text.Count);
    }

    [Fact]
    public void Texts_are_equal_regardless_of_order_and_tag_case()
    {
        var first = Text(("zh-Hans", "简"), ("en", "E"));
        var second = Text(("EN", "E"), ("zh-hans", "简"));

        Assert.True(first.Equals(second));
        Assert.True(second.Equals(first));
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Texts_differ_when_a_text_a_tag_or_the_count_differs()
    {
        var text = Text(("zh-Hans", "简"), ("en", "Shanghai"));

        Assert.False(text.Equals(Text(("zh-Hans", "简"), ("en", "shanghai"))));
        Assert.False(text.Equals(Text(("zh-Hans", "简"), ("fr", "Shanghai"))));
        Assert.False(text.Equals(Text(("zh-Hans", "简"))));
        Assert.False(Text(("zh-Hans", "简")).Equals(text));
        Assert.False(text.Equals(null));
        Assert.False(text.Equals((object)"Shanghai"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hans-CN")]
    [InlineData("sr-Latn-RS")]
    [InlineData("es-419")]
    [InlineData("de-CH-1996")]
    [InlineData("EN")]
    public void Well_formed_tags_are_accepted(string tag)
    {
        Assert.Equal("x", Text((tag, "x"))[tag]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" en")]
    [InlineData("en ")]
    [InlineData("1en")]
    [InlineData("en_US")]
    [InlineData("en--US")]
    [InlineData("-en")]
    [InlineData("en-")]
    [InlineData("en-toolongsub")]
    [InlineData("中文")]
    [InlineData("en-US-\u00e9")]
    [InlineData("zh-Hans-CN-aaaaaaaa-bbbbbbbb-cccccccc")]
    public void Malformed_tags_are_rejected_with_a_message_naming_the_tag(string tag)
    {
        var error = Assert.Throws<ArgumentException>("entries", () => Text((tag, "x")));

        Assert.Contains($"'{tag}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("BCP 47", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_tag_is_rejected()
    {
        Assert.Throws<ArgumentException>("entries", () => new LocalizedText([new KeyValuePair<string, string>(null!, "x")]));
    }

    [Fact]
    public void Repeated_tags_are_rejected_whatever_their_case()
    {
        var error = Assert.Throws<ArgumentException>("entries", () => Text(("en", "a"), ("zh-Hans", "b"), ("EN", "c")));

        Assert.Contains("'EN'", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_text_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>("entries", () => Text(("en", null!)));

        Assert.Contains("'en'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_sequence_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => new LocalizedText(null!));
    }

    [Fact]
    public void Empty_has_no_entries_and_equals_every_empty_text()
    {
        Assert.Empty(LocalizedText.Empty);
        Assert.Empty(LocalizedText.Empty.Keys);
        Assert.True(LocalizedText.Empty.Equals(new LocalizedText([])));
        Assert.True(LocalizedText.Empty.Equals(LocalizedText.Create(null, null)));
        Assert.Equal(LocalizedText.Empty.GetHashCode(), new LocalizedText([]).GetHashCode());
    }

    [Fact]
    public void Create_puts_Chinese_first_and_leaves_out_nulls()
    {
        Assert.Equal([LocalizedText.SimplifiedChinese, LocalizedText.English], LocalizedText.Create("简", "E").Keys);
        Assert.Equal([LocalizedText.English], LocalizedText.Create(null, "E").Keys);
        Assert.Equal([LocalizedText.SimplifiedChinese], LocalizedText.Create("简", null).Keys);
    }

    [Fact]
    public void The_entries_are_copied_at_construction()
    {
        var entries = new List<KeyValuePair<string, string>> { new("en", "E") };
        var text = new LocalizedText(entries);

        entries[0] = new("en", "changed");
        entries.Add(new("fr", "F"));

        Assert.Equal("E", Assert.Single(text).Value);
    }

    private static LocalizedText Text(params (string Tag, string Text)[] entries) =>
        new(entries.Select(static e => new KeyValuePair<string, string>(e.Tag, e.Text)));
}
