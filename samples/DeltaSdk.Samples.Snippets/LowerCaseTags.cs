using DeltaSdk.Validation;

namespace DeltaSdk.Samples.Snippets;

// A custom validation rule, as docs/articles/validation.md shows it.
#region LowerCaseTags
public sealed class LowerCaseTags : IValidationRule<Plan>
{
    public static readonly RuleDescriptor Rule = new(
        "ACME0001", RuleCategory.Custom, DiagnosticSeverity.Warning,
        LocalizedText.Create("标签为小写", "Tags are lower case"),
        LocalizedText.Create("标签 '{0}' 应为小写。", "Tag '{0}' should be lower case."));

    public IReadOnlyList<RuleDescriptor> Descriptors { get; } = [Rule];

    public void Validate(Plan plan, ValidationContext context)
    {
        for (var a = 0; a < plan.Aspects.Length; a++)
        {
            for (var t = 0; t < plan.Aspects[a].Tasks.Length; t++)
            {
                var tags = plan.Aspects[a].Tasks[t].Tags;
                for (var i = 0; i < tags.Length; i++)
                {
                    if (!string.Equals(tags[i], tags[i].ToLowerInvariant(), StringComparison.Ordinal))
                    {
                        context.Report(Rule, $"$.aspects[{a}].tasks[{t}].tags[{i}]", tags[i], tags[i]);
                    }
                }
            }
        }
    }
}
#endregion
