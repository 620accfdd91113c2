using DeltaSdk.Validation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DeltaSdk.Tests.DependencyInjection;

public sealed class DeltaValidationServiceCollectionExtensionsTests
{
    private static readonly RuleDescriptor NoNotes = new(
        "SYN0002", RuleCategory.Custom, DiagnosticSeverity.Warning,
        LocalizedText.Create("计划应有备注", "Plans carry notes"),
        LocalizedText.Create("计划没有备注。", "The plan has no notes."));

    [Fact]
    public void The_validator_is_a_singleton_built_from_the_options_and_the_registered_rules()
    {
        using var provider = new ServiceCollection()
            .AddDeltaValidation(o => o.Language = "zh-Hans")
            .AddDeltaValidation(o => o.WarningsAsErrors = true)
            .AddDeltaValidationRule<PlanNotesRule>()
            .AddDeltaValidationRule<PlanNotesRule>()
            .BuildServiceProvider();

        var validator = provider.GetRequiredService<DeltaValidator>();
        var report = validator.Validate(SyntheticPlan());

        Assert.Same(validator, provider.GetRequiredService<DeltaValidator>());
        var diagnostic = Assert.Single(report.Diagnostics);
        Assert.Equal(("SYN0002", DiagnosticSeverity.Error, "计划没有备注。"), (diagnostic.Code, diagnostic.Severity, diagnostic.Message));
        Assert.Single(validator.Descriptors, d => d.Code == "SYN0002");
    }

    [Fact]
    public void Plain_registrations_work_without_the_extension()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<IValidationRule, PlanNotesRule>()
            .AddSingleton(new DeltaValidationOptions())
            .AddSingleton<DeltaValidator>(sp => new DeltaValidator(sp.GetRequiredService<DeltaValidationOptions>(), sp.GetServices<IValidationRule>()))
            .BuildServiceProvider();

        var report = provider.GetRequiredService<DeltaValidator>().Validate(SyntheticPlan());

        Assert.Equal("SYN0002", Assert.Single(report.Diagnostics).Code);
    }

    [Fact]
    public void Bad_options_throw_when_the_validator_is_resolved()
    {
        using var provider = new ServiceCollection().AddDeltaValidation(o => o.MaxDiagnostics = 0).BuildServiceProvider();

        var exception = Assert.Throws<ArgumentException>(provider.GetRequiredService<DeltaValidator>);
        Assert.Contains("MaxDiagnostics", exception.Message, StringComparison.Ordinal);
    }

    private static Plan SyntheticPlan() => new()
    {
        Id = PlanId.Parse("synthetic-plan"),
        Title = LocalizedText.Create("合成计划", "Synthetic plan"),
        StartDate = new LocalDate(2024, 1, 1),
        EndDate = new LocalDate(2026, 12, 31),
        Sources = [new SourceReference { Title = "Synthetic source", Url = new Uri("https://example.org/synthetic") }],
    };

    private sealed class PlanNotesRule : IValidationRule<Plan>
    {
        public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [NoNotes];

        public void Validate(Plan document, ValidationContext context)
        {
            if (string.IsNullOrWhiteSpace(document.Notes))
            {
                context.Report(NoNotes, "$.notes");
            }
        }
    }
}
