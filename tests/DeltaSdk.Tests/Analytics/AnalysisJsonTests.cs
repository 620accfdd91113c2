using System.Text.Json.Nodes;
using DeltaSdk.Analytics;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tests.Analytics;

/// <summary>Analytics results in the canonical format (synthetic figures).</summary>
public sealed class AnalysisJsonTests
{
    [Fact]
    public void Analysis_document_round_trips_with_its_header_and_camel_case_values()
    {
        var status = OpenSdgProgressMeasure.Default.Evaluate(
            new Indicator { Id = IndicatorId.Parse("synthetic"), Name = LocalizedText.Create(null, "Synthetic"), Unit = "km", Targets = [new IndicatorTarget { Period = ReportingPeriod.ForYear(2030), Value = 200 }] },
            [new IndicatorPoint(ReportingPeriod.ForYear(2020), 100), new IndicatorPoint(ReportingPeriod.ForYear(2023), 115.7625)],
            new LocalDate(2024, 12, 31));
        var document = new AnalysisDocument { Plan = PlanId.Parse("synthetic-plan"), AsOf = new LocalDate(2024, 12, 31), IndicatorStatuses = [status] };

        var json = AnalysisJson.Write(document);
        var node = JsonNode.Parse(json)!;
        var read = AnalysisJson.Read(json);

        Assert.Equal("https://deltasdk.dev/schema/v1/analysis.schema.json", (string?)node["$schema"]);
        Assert.Equal("moderateProgress", (string?)node["indicatorStatuses"]![0]!["status"]);
        Assert.Equal("2020", (string?)node["indicatorStatuses"]![0]!["base"]!["period"]);
        Assert.Equal(0.95, (double)node["indicatorStatuses"]![0]!["thresholds"]!["high"]!);
        Assert.Equal("open-sdg-progress-measure", (string?)node["indicatorStatuses"]![0]!["methodology"]!["id"]);
        Assert.Equal(status.Ratio, read.IndicatorStatuses[0].Ratio);
        Assert.Equal(status.Base, read.IndicatorStatuses[0].Base);
        Assert.Equal(json, AnalysisJson.Write(read));
    }

    [Fact]
    public void A_non_analysis_document_is_refused_with_a_format_error()
    {
        var plan = "{\"$schema\":\"https://deltasdk.dev/schema/v1/plan.schema.json\",\"formatVersion\":\"1.0\",\"asOf\":\"2024-12-31\"}";

        Assert.Throws<DeltaFormatException>(() => AnalysisJson.Read(plan));
    }
}
