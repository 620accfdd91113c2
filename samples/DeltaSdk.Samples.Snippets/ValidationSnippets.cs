using DeltaSdk.Data;
using DeltaSdk.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace DeltaSdk.Samples.Snippets;

/// <summary>Snippets of docs/articles/validation.md.</summary>
internal static class ValidationSnippets
{
    public static void ValidateABatch()
    {
        #region ValidateABatch
        var validator = new DeltaValidator();                      // or DeltaValidator.Default
        var report = validator.ValidateJson(File.ReadAllText("batch.json"),
            YangtzeRiverDelta.ActionPlan2024To2026, YangtzeRiverDelta.Regions);

        foreach (var diagnostic in report.Diagnostics)
        {
            Console.WriteLine(diagnostic);   // error DLT6007 at $.observations[12].value: The value 120 is outside …
        }

        report.EnsureValid();                // throws DeltaValidationException (carrying the report) if there are errors
        #endregion
    }

    public static DeltaValidator Options()
    {
        #region Options
        var validator = new DeltaValidator(new DeltaValidationOptions
        {
            Language = "zh-Hans",
            WarningsAsErrors = true,
            MaxDiagnostics = 200,
            SuppressedCodes = { "DLT5001", "DLT7002" },
        });
        #endregion
        return validator;
    }

    public static DeltaValidator CustomRule()
    {
        #region RegisterCustomRule
        var options = new DeltaValidationOptions();
        options.Rules.Add(new LowerCaseTags());
        var validator = new DeltaValidator(options);
        #endregion
        return validator;
    }

    public static DeltaValidator DependencyInjection(IServiceCollection services)
    {
        #region AddDeltaValidation
        services.AddDeltaValidation(o => o.Language = "zh-Hans")
                .AddDeltaValidationRule<LowerCaseTags>();

        // later
        using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<DeltaValidator>();
        #endregion
        return validator;
    }

    public static void PlainRegistrations(IServiceCollection services)
    {
        #region PlainRegistrations
        services.AddSingleton<IValidationRule, LowerCaseTags>();
        services.AddSingleton(new DeltaValidationOptions { Language = "zh-Hans" });
        services.AddSingleton(sp => new DeltaValidator(
            sp.GetRequiredService<DeltaValidationOptions>(), sp.GetServices<IValidationRule>()));
        #endregion
    }
}
