using System.Collections.Immutable;
using System.Globalization;
using DeltaSdk.Data;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tool.Tests.Infrastructure;

/// <summary>
/// Documents for the tests, written by code: the embedded plan as a file, a plan broken on purpose, and synthetic
/// observations (named as such; none is a fact about the real plan).
/// </summary>
public static class TestFiles
{
    public static readonly IndicatorId SyntheticIndicator = IndicatorId.Parse("synthetic-indicator");

    public static string EmbeddedPlanJson() => DeltaJson.WritePlan(YangtzeRiverDelta.ActionPlan2024To2026);

    /// <summary>The embedded plan with the second task of the first aspect given the first task's code (DLT1011).</summary>
    public static string PlanWithDuplicateTaskCode()
    {
        var plan = YangtzeRiverDelta.ActionPlan2024To2026;
        var aspect = plan.Aspects[0];
        var tasks = aspect.Tasks.SetItem(1, aspect.Tasks[1] with { Code = aspect.Tasks[0].Code });
        return DeltaJson.WritePlan(plan with { Aspects = plan.Aspects.SetItem(0, aspect with { Tasks = tasks }) });
    }

    /// <summary>The embedded plan with the first task's code written as 'yrd 1', which is not a task code (DLT1006, found while reading, with a line).</summary>
    public static string PlanWithMalformedTaskCode()
    {
        var json = EmbeddedPlanJson();
        var code = "\"code\": \"" + YangtzeRiverDelta.ActionPlan2024To2026.Aspects[0].Tasks[0].Code + "\"";
        Assert.Contains(code, json, StringComparison.Ordinal);
        return json.Replace(code, "\"code\": \"yrd 1\"", StringComparison.Ordinal);
    }

    /// <summary>Synthetic observations that use every CSV column, with text that needs quoting.</summary>
    public static ImmutableArray<Observation> SyntheticObservations(int count)
    {
        var builder = ImmutableArray.CreateBuilder<Observation>(count);
        for (var i = 0; i < count; i++)
        {
            builder.Add(new Observation
            {
                Indicator = SyntheticIndicator,
                Region = i % 3 == 0 ? null : RegionCode.Parse(i % 2 == 0 ? "320500" : "310000"),
                RegionGroup = i % 3 == 0 ? RegionGroupId.Parse("yrd") : null,
                Period = ReportingPeriod.ForYear(2000 + (i % 27)),
                Value = (i * 1.1) - 7.25,
                Qualifier = (ValueQualifier)(i % 6),
                Status = (ObservationStatus)(i % 3),
                Source = i % 4 == 0 ? null : new SourceReference
                {
                    Title = string.Create(CultureInfo.InvariantCulture, $"Synthetic source {i}, \"quoted\", 合成"),
                    Publisher = i % 2 == 0 ? "Synthetic publisher" : null,
                    Url = new Uri(string.Create(CultureInfo.InvariantCulture, $"https://example.org/synthetic/{i}?a=1&b=2")),
                    PublishedOn = new LocalDate(2024, 1 + (i % 12), 1),
                    Confidence = (SourceConfidence)(i % 3),
                    Note = i % 5 == 0 ? "line one\nline two" : null,
                },
                Notes = i % 2 == 0 ? string.Create(CultureInfo.InvariantCulture, $"-synthetic note {i}, with a comma") : null,
            });
        }

        return builder.MoveToImmutable();
    }

    public static string SyntheticObservationBatchJson(int count)
        => DeltaJson.WriteObservations(new ObservationBatch { Observations = SyntheticObservations(count) });
}
