namespace DeltaSdk.Validation;

/// <summary>
/// A custom validation rule. Implement <see cref="IValidationRule{TDocument}"/> for one or more document types;
/// this non-generic interface lets rules for different documents share one list (and one DI registration).
/// </summary>
public interface IValidationRule
{
    /// <summary>Gets the descriptors of the diagnostics the rule can report, so that they can be listed and documented.</summary>
    IReadOnlyList<RuleDescriptor> Descriptors { get; }
}
