using System.Text.RegularExpressions;
using DeltaSdk.Internal;

namespace DeltaSdk.Tests.Internal;

public sealed class IdentifierSyntaxTests
{
    public static TheoryData<string> Texts { get; } =
    [
        .. SlugTexts.Valid,
        .. SlugTexts.Invalid.Where(static t => !t.EndsWith('\n')),
        "YRD-1-01", "YRD--1", "A.B", "A..B", ".A", "A.",
        "310000", "010000", "31000", "3100000",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_regular_expressions_agree_with_the_checks(string text)
    {
        // The JSON Schema carries the patterns; they must accept exactly what parsing accepts (up to the length limit,
        // which the schema states separately). Texts ending in a line feed are left out: .NET's '$' matches before one.
        if (text.Length <= IdentifierSyntax.MaxLength)
        {
            Assert.Equal(IdentifierSyntax.IsSlug(text), Regex.IsMatch(text, IdentifierSyntax.SlugPattern));
            Assert.Equal(IdentifierSyntax.IsTaskCode(text), Regex.IsMatch(text, IdentifierSyntax.TaskCodePattern));
        }

        Assert.Equal(IdentifierSyntax.IsRegionCode(text), Regex.IsMatch(text, IdentifierSyntax.RegionCodePattern));
    }

    [Fact]
    public void Length_limit_is_inclusive()
    {
        Assert.True(IdentifierSyntax.IsSlug(new string('a', IdentifierSyntax.MaxLength)));
        Assert.False(IdentifierSyntax.IsSlug(new string('a', IdentifierSyntax.MaxLength + 1)));
        Assert.True(IdentifierSyntax.IsTaskCode(new string('A', IdentifierSyntax.MaxLength)));
        Assert.False(IdentifierSyntax.IsTaskCode(new string('A', IdentifierSyntax.MaxLength + 1)));
    }

    [Theory]
    [InlineData("abc", "'abc'")]
    [InlineData("", "''")]
    [InlineData("a\tb", @"'a\u0009b'")]
    [InlineData("\u0000\u001f\u007f\u0085", @"'\u0000\u001f\u007f\u0085'")]
    [InlineData("上海 市", "'上海 市'")]
    public void Describe_quotes_the_input_and_escapes_control_characters(string text, string expected)
    {
        Assert.Equal(expected, IdentifierSyntax.Describe(text));
    }

    [Fact]
    public void Describe_cuts_input_longer_than_forty_characters_and_says_how_long_it_was()
    {
        Assert.Equal($"'{new string('x', 40)}'", IdentifierSyntax.Describe(new string('x', 40)));
        Assert.Equal($"'{new string('x', 40)}'… (41 characters)", IdentifierSyntax.Describe(new string('x', 41)));
    }
}
