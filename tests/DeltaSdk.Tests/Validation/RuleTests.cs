using DeltaSdk.Validation;

namespace DeltaSdk.Tests.Validation;

public sealed class RuleTests
{
    [Theory]
    [MemberData(nameof(RuleCases.Names), MemberType = typeof(RuleCases))]
    public void Failing_case_reports_the_rule_with_its_severity_at_its_path(string name)
    {
        var rule = RuleCases.Get(name);

        var report = rule.Failing(SyntheticDocuments.Validator());

        var matches = report.Diagnostics.Where(d => d.Code == rule.Code).ToList();
        Assert.True(matches.Count > 0, $"{rule.Code} not reported. Got: {string.Join(" | ", report.Diagnostics)}");
        var diagnostic = Assert.Single(matches, d => d.Path == rule.Path);
        Assert.Equal(rule.Severity, diagnostic.Severity);
        if (rule.Severity == DiagnosticSeverity.Error)
        {
            Assert.False(report.IsValid);
        }

        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
        Assert.Equal(new Uri(DeltaRules.HelpLinkBase + rule.Code + ".md"), diagnostic.HelpLink);
    }

    [Theory]
    [MemberData(nameof(RuleCases.Names), MemberType = typeof(RuleCases))]
    public void Passing_case_does_not_report_the_rule(string name)
    {
        var rule = RuleCases.Get(name);

        var report = rule.Passing(SyntheticDocuments.Validator());

        Assert.DoesNotContain(report.Diagnostics, d => d.Code == rule.Code);
    }

    [Fact]
    public void Every_built_in_rule_has_a_failing_and_a_passing_case()
    {
        var covered = RuleCases.All.Select(c => c.Code).ToHashSet();

        var missing = DeltaRules.All.Select(r => r.Code).Where(c => !covered.Contains(c)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Case_severities_are_the_rules_default_severities()
    {
        foreach (var rule in RuleCases.All)
        {
            Assert.Equal(DeltaRules.Find(rule.Code)!.DefaultSeverity, rule.Severity);
        }
    }
}
