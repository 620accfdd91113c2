using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Tests.Serialization;

public sealed class DeltaJsonSmokeTests
{
    [Fact]
    public void Plan_round_trips_with_identifiers_dates_and_enums_in_canonical_form()
    {
        var plan = new Plan
        {
            Id = PlanId.Parse("synthetic-plan"),
            Title = LocalizedText.Create("合成计划", "Synthetic plan"),
            StartDate = new LocalDate(2024, 1, 1),
            EndDate = new LocalDate(2026, 12, 31),
            Aspects =
            [
                new Aspect
                {
                    Id = AspectId.Parse("a1"),
                    Ordinal = 1,
                    Name = LocalizedText.Create("方面", "Aspect"),
                    Tasks = [new KeyTask { Code = TaskCode.Parse("T-1"), Title = LocalizedText.Create(null, "Task"), Regions = [RegionCode.Parse("310000")] }],
                },
            ],
        };

        var json = DeltaJson.WritePlan(plan);
        var back = DeltaJson.ReadPlan(json);

        Assert.Contains("\"startDate\": \"2024-01-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"catalogueCompleteness\": \"partial\"", json, StringComparison.Ordinal);
        Assert.Contains("\"310000\"", json, StringComparison.Ordinal);
        Assert.Equal(plan.Id, back.Id);
        Assert.Equal(plan.Title, back.Title);
        Assert.Equal(RegionCode.Parse("310000"), Assert.Single(Assert.Single(back.Aspects).Tasks).Regions[0]);
        Assert.Equal(json, DeltaJson.WritePlan(back));
    }
}
