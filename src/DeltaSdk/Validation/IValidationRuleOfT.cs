namespace DeltaSdk.Validation;

/// <summary>
/// A custom validation rule for one document type: <see cref="Plan"/>, <see cref="RegionTable"/>,
/// <see cref="ObservationBatch"/> or <see cref="ProgressReport"/>. It runs after the built-in rules and reports
/// through <see cref="ValidationContext.Report(RuleDescriptor, string, string?, object?[])"/>.
/// </summary>
/// <typeparam name="TDocument">The document type the rule checks.</typeparam>
/// <remarks>Rules are shared between validations and threads: keep them stateless. Exceptions they throw are not caught.</remarks>
public interface IValidationRule<in TDocument> : IValidationRule
    where TDocument : class
{
    /// <summary>Checks a document and reports what is wrong.</summary>
    /// <param name="document">The document.</param>
    /// <param name="context">Where to report, with the plan and region table the document is validated against.</param>
    void Validate(TDocument document, ValidationContext context);
}
