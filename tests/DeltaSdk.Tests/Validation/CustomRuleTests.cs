using DeltaSdk.Serialization;
using DeltaSdk.Validation;
using static DeltaSdk.Tests.Validation.SyntheticDocuments;

namespace DeltaSdk.Tests.Validation;

public sealed class CustomRuleTests
{
    private static readonly RuleDescriptor TagRule = new(
        "SYN0001", RuleCategory.Custom, DiagnosticSeverity.Warning,
        LocalizedText.Create("标签为小写", "Tags are lower case"),
        LocalizedText.Create("标签 '{0}' 应为小写。", "Tag '{0}' should be lower case."));

    [Fact]
    public void A_rule_in_the_options_runs_after_the_built_in_rules_and_reports_through_the_context()
    {
        var plan = Plan().WithTask(0, 1, t => t with { Tags = ["rail", "Health"], Sources = [] });
        var options = new DeltaValidationOptions();
        options.Rules.Add(new LowerCaseTags());

        var report = new DeltaValidator(options).Validate(plan);

        Assert.Equal(["DLT7001", "SYN0001"], report.Diagnostics.Select(d => d.Code));
        var custom = report.Diagnostics[1];
        Assert.Equal("$.aspects[0].tasks[1].tags[1]", custom.Path);
        Assert.Equal("Tag 'Health' should be lower case.", custom.Message);
        Assert.Equal("Health", custom.Value);
        Assert.Equal(DiagnosticSeverity.Warning, custom.Severity);
    }

    [Fact]
    public void Options_apply_to_custom_rules_too()
    {
        var plan = Plan().WithTask(0, 0, t => t with { Tags = ["Rail"] });
        var rule = new LowerCaseTags();

        var chinese = new DeltaValidator(new DeltaValidationOptions { Language = "zh-Hans", WarningsAsErrors = true }, [rule]).Validate(plan);
        var suppressed = new DeltaValidator(new DeltaValidationOptions { SuppressedCodes = { "SYN0001" } }, [rule]).Validate(plan);

        var diagnostic = Assert.Single(chinese.Diagnostics);
        Assert.Equal("标签 'Rail' 应为小写。", diagnostic.Message);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(suppressed.Diagnostics);
    }

    [Fact]
    public void Injected_rules_run_once_even_when_also_in_the_options_and_only_for_their_document_type()
    {
        var rule = new CountingRule();
        var options = new DeltaValidationOptions();
        options.Rules.Add(rule);
        var validator = new DeltaValidator(options, [rule]);

        validator.Validate(Plan());
        validator.Validate(Regions());
        validator.Validate(Batch());
        validator.Validate(Report());

        Assert.Equal(1, rule.Plans);
        Assert.Equal(1, rule.Batches);
        Assert.Contains(rule.Descriptors[0], validator.Descriptors);
    }

    [Fact]
    public void The_context_gives_rules_the_plan_region_table_and_today()
    {
        var rule = new CountingRule();
        var plan = Plan();
        var regions = Regions();

        new DeltaValidator(new DeltaValidationOptions { Clock = NodaTime.SystemClock.Instance }, [rule]).Validate(Batch(), plan, regions);

        Assert.Same(plan, rule.SeenPlan);
        Assert.Same(regions, rule.SeenRegions);
        Assert.Equal(DeltaDocumentKind.ObservationBatch, rule.SeenDocument);
    }

    [Fact]
    public void Rules_run_on_JSON_see_the_kind_it_was_recognised_as()
    {
        var rule = new CountingRule();

        new DeltaValidator(new DeltaValidationOptions(), [rule]).ValidateJson(DeltaJson.WriteObservations(Batch()), Plan(), Regions());

        Assert.Equal(1, rule.Batches);
        Assert.Equal(DeltaDocumentKind.ObservationBatch, rule.SeenDocument);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S0001")]
    [InlineData("syn0001")]
    [InlineData("SYN001")]
    [InlineData("SYNTHETIC0001")]
    public void Rule_codes_must_be_letters_then_four_digits(string code)
    {
        Assert.Throws<ArgumentException>(() => new RuleDescriptor(code, RuleCategory.Custom, DiagnosticSeverity.Info, TagRule.Title, TagRule.MessageFormat));
    }

    private sealed class LowerCaseTags : IValidationRule<Plan>
    {
        public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [TagRule];

        public void Validate(Plan document, ValidationContext context)
        {
            for (var a = 0; a < document.Aspects.Length; a++)
            {
                for (var t = 0; t < document.Aspects[a].Tasks.Length; t++)
                {
                    var tags = document.Aspects[a].Tasks[t].Tags;
                    for (var i = 0; i < tags.Length; i++)
                    {
                        if (!tags[i].Equals(tags[i].ToLowerInvariant(), StringComparison.Ordinal))
                        {
                            context.Report(TagRule, $"$.aspects[{a}].tasks[{t}].tags[{i}]", tags[i], tags[i]);
                        }
                    }
                }
            }
        }
    }

    private sealed class CountingRule : IValidationRule<Plan>, IValidationRule<ObservationBatch>
    {
        public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [TagRule];

        public int Plans { get; private set; }

        public int Batches { get; private set; }

        public Plan? SeenPlan { get; private set; }

        public RegionTable? SeenRegions { get; private set; }

        public DeltaDocumentKind SeenDocument { get; private set; }

        public void Validate(Plan document, ValidationContext context) => Plans++;

        public void Validate(ObservationBatch document, ValidationContext context)
        {
            Batches++;
            SeenPlan = context.Plan;
            SeenRegions = context.Regions;
            SeenDocument = context.Document;
        }
    }
}
