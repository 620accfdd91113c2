namespace DeltaSdk.Tests.Internal;

/// <summary>
/// The behaviour every identifier-like value type shares (the slugs, <see cref="TaskCode"/>, <see cref="RegionCode"/>,
/// <see cref="ReportingPeriod"/>): parse and round-trip, rejection with a clear message, <c>default</c> as the one
/// empty value, value equality, ordinal ordering, and <see cref="IParsable{TSelf}"/> through a generic method.
/// Each type's test class derives from it and supplies its own valid, invalid and ordered texts.
/// </summary>
/// <typeparam name="T">The identifier type.</typeparam>
public abstract class IdentifierContract<T>
    where T : struct, IParsable<T>, IComparable<T>, IEquatable<T>
{
    /// <summary>Gets what the type's error message calls it, for example <c>plan id</c>.</summary>
    protected abstract string Noun { get; }

    /// <summary>Gets texts that parse and format back unchanged.</summary>
    protected abstract IReadOnlyList<string> ValidTexts { get; }

    /// <summary>Gets texts that must be rejected.</summary>
    protected abstract IReadOnlyList<string> InvalidTexts { get; }

    /// <summary>Gets valid texts in ascending order.</summary>
    protected abstract IReadOnlyList<string> OrderedTexts { get; }

    [Fact]
    public void Valid_texts_parse_and_format_back_unchanged()
    {
        Assert.All(ValidTexts, text =>
        {
            var parsed = Parse(text);

            Assert.Equal(text, parsed.ToString());
            Assert.False(IsEmpty(parsed));
            Assert.True(TryParse(text, out var tried));
            Assert.Equal(parsed, tried);
            Assert.Equal(parsed, ParseGeneric(text));
            Assert.True(TryParseGeneric(text, out var generic));
            Assert.Equal(parsed, generic);
        });
    }

    [Fact]
    public void Invalid_texts_are_rejected_with_a_message_that_names_the_input_and_the_expected_form()
    {
        Assert.All(InvalidTexts, text =>
        {
            Assert.False(TryParse(text, out var tried));
            Assert.True(IsEmpty(tried));
            Assert.False(TryParseGeneric(text, out _));
            var error = Assert.Throws<FormatException>(() => Parse(text));
            Assert.Contains($"not a valid {Noun}", error.Message, StringComparison.Ordinal);
            Assert.Contains("expected", error.Message, StringComparison.Ordinal);
            if (!text.Any(char.IsControl) && text.Length <= 40)
            {
                Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
            }

            Assert.Throws<FormatException>(() => ParseGeneric(text));
        });
    }

    [Fact]
    public void Control_characters_are_escaped_in_the_message()
    {
        var error = Assert.Throws<FormatException>(() => Parse("bad\u0001text\n\u007f"));

        Assert.Contains(@"'bad\u0001text\u000a\u007f'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    [Fact]
    public void Long_input_is_cut_in_the_message()
    {
        var text = new string('x', 1000);

        var error = Assert.Throws<FormatException>(() => Parse(text));

        Assert.Contains("(1000 characters)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 41), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_is_rejected_by_Parse_and_fails_TryParse()
    {
        Assert.Throws<ArgumentNullException>(() => Parse(null!));
        Assert.False(TryParse(null, out var result));
        Assert.True(IsEmpty(result));
        Assert.False(TryParseGeneric(null, out _));
    }

    [Fact]
    public void Default_is_the_one_empty_value()
    {
        Assert.True(IsEmpty(default));
        Assert.Equal(string.Empty, default(T).ToString());
        Assert.Equal(default, default(T));
        Assert.All(ValidTexts, text => Assert.NotEqual(default, Parse(text)));
    }

    [Fact]
    public void Equal_texts_give_equal_values_with_equal_hash_codes()
    {
        Assert.All(ValidTexts, text =>
        {
            var first = Parse(text);
            var second = Parse(new string(text.AsSpan()));

            Assert.True(first.Equals(second));
            Assert.True(first.Equals((object)second));
            Assert.Equal(first.GetHashCode(), second.GetHashCode());
            Assert.Equal(0, first.CompareTo(second));
        });
    }

    [Fact]
    public void Different_texts_give_different_values()
    {
        var values = OrderedTexts.Select(Parse).ToList();

        Assert.Equal(values.Count, values.Distinct().Count());
    }

    [Fact]
    public void Values_sort_in_the_documented_order_with_default_first()
    {
        var shuffled = OrderedTexts.Select(Parse).Reverse().Append(default).ToList();

        shuffled.Sort();

        Assert.True(IsEmpty(shuffled[0]));
        Assert.Equal(OrderedTexts, shuffled.Skip(1).Select(static v => v.ToString()));
        for (var i = 1; i < shuffled.Count; i++)
        {
            Assert.True(shuffled[i - 1].CompareTo(shuffled[i]) < 0, $"{shuffled[i - 1]} < {shuffled[i]}");
            Assert.True(shuffled[i].CompareTo(shuffled[i - 1]) > 0, $"{shuffled[i]} > {shuffled[i - 1]}");
        }
    }

    /// <summary>Parses with the type's own <c>Parse</c>.</summary>
    protected abstract T Parse(string text);

    /// <summary>Parses with the type's own <c>TryParse</c>.</summary>
    protected abstract bool TryParse(string? text, out T result);

    /// <summary>Tells <c>default</c> apart.</summary>
    protected abstract bool IsEmpty(T value);

    private static T ParseGeneric(string text) => T.Parse(text, provider: null);

    private static bool TryParseGeneric(string? text, out T result) => T.TryParse(text, provider: null, out result);
}
