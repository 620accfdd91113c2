using System.Text.RegularExpressions;
using DeltaSdk.Validation;

namespace DeltaSdk.Tests.Validation;

/// <summary>Convention tests over the rule catalogue: codes, messages in both languages, and a documentation page per rule.</summary>
public sealed partial class DeltaRulesTests
{
    public static TheoryData<string> Codes => [.. DeltaRules.All.Select(static r => r.Code)];

    [Fact]
    public void Codes_are_unique_and_ordered()
    {
        var codes = DeltaRules.All.Select(r => r.Code).ToList();

        Assert.Equal(codes.Distinct(StringComparer.Ordinal).Count(), codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_is_DLT_and_four_digits_whose_first_digit_is_the_category(string code)
    {
        var rule = DeltaRules.Find(code)!;

        Assert.Matches(CodePattern(), code);
        var expected = rule.Category switch
        {
            RuleCategory.Structure => '1',
            RuleCategory.Reference => '2',
            RuleCategory.Time => '3',
            RuleCategory.Status => '4',
            RuleCategory.Count => '5',
            RuleCategory.Indicator => '6',
            RuleCategory.Provenance => '7',
            _ => '?',
        };
        Assert.Equal(expected, code[3]);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Title_and_message_exist_in_English_and_Simplified_Chinese(string code)
    {
        var rule = DeltaRules.Find(code)!;

        Assert.False(string.IsNullOrWhiteSpace(rule.Title.EnglishText));
        Assert.False(string.IsNullOrWhiteSpace(rule.Title.Chinese));
        Assert.False(string.IsNullOrWhiteSpace(rule.MessageFormat.EnglishText));
        Assert.False(string.IsNullOrWhiteSpace(rule.MessageFormat.Chinese));
        Assert.Matches(HanPattern(), rule.MessageFormat.Chinese!);
        Assert.DoesNotMatch(HanPattern(), rule.MessageFormat.EnglishText!);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Both_languages_use_the_same_placeholders(string code)
    {
        var rule = DeltaRules.Find(code)!;

        var english = Placeholders().Matches(rule.MessageFormat.EnglishText!).Select(m => m.Value).ToHashSet();
        var chinese = Placeholders().Matches(rule.MessageFormat.Chinese!).Select(m => m.Value).ToHashSet();

        Assert.Equal(english.Order(), chinese.Order());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Rule_has_a_documentation_page_listed_in_the_index_and_the_toc(string code)
    {
        var rules = Path.Combine(RepositoryRoot(), "docs", "rules");
        var page = Path.Combine(rules, code + ".md");

        Assert.True(File.Exists(page), $"Missing docs/rules/{code}.md");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + code, text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it checks", "## Why", "## Failing example", "## Fix" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains($"href: {code}.md", File.ReadAllText(Path.Combine(rules, "toc.yml")), StringComparison.Ordinal);
        Assert.Contains($"({code}.md)", File.ReadAllText(Path.Combine(rules, "index.md")), StringComparison.Ordinal);
        Assert.Equal(new Uri(DeltaRules.HelpLinkBase + code + ".md"), DeltaRules.Find(code)!.HelpLink);
    }

    [Fact]
    public void Find_ignores_case_and_returns_null_for_unknown_codes()
    {
        Assert.Same(DeltaRules.TimeFrameInverted, DeltaRules.Find("dlt3002"));
        Assert.Null(DeltaRules.Find("DLT9999"));
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DeltaSdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DeltaSdk.sln not found above the test output directory.");
    }

    [GeneratedRegex("^DLT[1-7][0-9]{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanPattern();

    [GeneratedRegex(@"\{[0-9]+\}")]
    private static partial Regex Placeholders();
}
