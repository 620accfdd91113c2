using System.Collections.Frozen;
using System.Collections.Immutable;
using DeltaSdk.Internal;
using NodaTime;

namespace DeltaSdk.Validation;

/// <summary>An immutable, checked copy of <see cref="DeltaValidationOptions"/> plus the custom rules sorted by document type.</summary>
internal sealed class ValidatorSettings
{
    public ValidatorSettings(DeltaValidationOptions options, IEnumerable<IValidationRule> extraRules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(extraRules);
        Preconditions.CheckArgument(options.MaxDiagnostics >= 1, $"MaxDiagnostics must be at least 1, not {options.MaxDiagnostics}.", nameof(options));
        Preconditions.CheckArgument(LocalizedText.IsWellFormedTag(options.Language), $"Language {IdentifierSyntax.Describe(options.Language ?? string.Empty)} is not a BCP 47 tag such as 'en' or 'zh-Hans'.", nameof(options));
        Preconditions.CheckArgument(options.Clock is not null, "Clock must not be null.", nameof(options));
        Preconditions.CheckArgument(options.TimeZone is not null, "TimeZone must not be null.", nameof(options));

        WarningsAsErrors = options.WarningsAsErrors;
        Suppressed = options.SuppressedCodes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Language = options.Language!;
        MaxDiagnostics = options.MaxDiagnostics;
        Clock = options.Clock!;
        TimeZone = options.TimeZone!;

        // Options rules first, then injected ones; the same instance registered both ways runs once.
        var rules = options.Rules.Concat(extraRules).Distinct(ReferenceEqualityComparer.Instance).Cast<IValidationRule>().ToArray();
        Preconditions.CheckArgument(Array.TrueForAll(rules, static r => r is not null), "A custom rule is null.", nameof(extraRules));
        Rules = [.. rules];
        PlanRules = [.. rules.OfType<IValidationRule<Plan>>()];
        RegionTableRules = [.. rules.OfType<IValidationRule<RegionTable>>()];
        ObservationBatchRules = [.. rules.OfType<IValidationRule<ObservationBatch>>()];
        ProgressReportRules = [.. rules.OfType<IValidationRule<ProgressReport>>()];
    }

    public bool WarningsAsErrors { get; }

    public FrozenSet<string> Suppressed { get; }

    public string Language { get; }

    public int MaxDiagnostics { get; }

    public IClock Clock { get; }

    public DateTimeZone TimeZone { get; }

    public ImmutableArray<IValidationRule> Rules { get; }

    public ImmutableArray<IValidationRule<Plan>> PlanRules { get; }

    public ImmutableArray<IValidationRule<RegionTable>> RegionTableRules { get; }

    public ImmutableArray<IValidationRule<ObservationBatch>> ObservationBatchRules { get; }

    public ImmutableArray<IValidationRule<ProgressReport>> ProgressReportRules { get; }
}
