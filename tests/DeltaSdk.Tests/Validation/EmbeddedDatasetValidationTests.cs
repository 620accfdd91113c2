using DeltaSdk.Data;
using DeltaSdk.Validation;
using Xunit.Abstractions;

namespace DeltaSdk.Tests.Validation;

public sealed class EmbeddedDatasetValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void The_embedded_dataset_validates_with_no_errors()
    {
        var validator = new DeltaValidator(new DeltaValidationOptions { MaxDiagnostics = 10_000 });
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;
        var regions = YangtzeRiverDelta.Regions;

        var reports = new[]
        {
            validator.Validate(plan, regions),
            validator.Validate(regions),
            validator.Validate(YangtzeRiverDelta.Observations, plan, regions),
        };

        foreach (var diagnostic in reports.SelectMany(r => r.Diagnostics))
        {
            output.WriteLine(diagnostic.ToString());
        }

        Assert.All(reports, r => Assert.Empty(r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }

    [Fact]
    public void The_partial_task_catalogue_is_reported_as_information()
    {
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;

        var report = new DeltaValidator().Validate(plan, YangtzeRiverDelta.Regions);

        Assert.Equal(CatalogueCompleteness.Partial, plan.CatalogueCompleteness);
        var gap = Assert.Single(report.Diagnostics, d => d.Code == DeltaRules.CountGapInPartialCatalogue.Code && d.Path == "$.declaredTaskCount");
        Assert.Equal(DiagnosticSeverity.Info, gap.Severity);
        Assert.Equal(plan.DeclaredTaskCount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), gap.Value);
    }
}
