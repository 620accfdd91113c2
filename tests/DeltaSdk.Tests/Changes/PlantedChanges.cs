using DeltaSdk.Changes;

namespace DeltaSdk.Tests.Changes;

/// <summary>
/// Synthetic edits of the embedded plan for diff tests: each one made by code, none of them a fact about the real
/// plan (the texts and codes say "synthetic").
/// </summary>
internal static class PlantedChanges
{
    public const string RenamedTitle = "Synthetic renamed title";

    public static KeyTask SyntheticTask(string code) => new()
    {
        Code = TaskCode.Parse(code),
        Title = LocalizedText.Create("合成任务", "Synthetic task"),
        Tags = ["synthetic"],
    };

    /// <summary>
    /// Renames YRD-1-02, removes YRD-3-05, adds SYNTHETIC-1 to aspect a2, moves YRD-X-03 from the unassigned tasks into
    /// aspect a5, raises a4's declared count, removes the last agency, adds an indicator, changes the unit of yrd-gdp
    /// and the plan's notes. <see cref="PlanDiffTests"/> lists the changes <see cref="PlanDiff"/> must find.
    /// </summary>
    public static Plan Apply(Plan plan)
    {
        var aspects = plan.Aspects.ToBuilder();
        var a1 = aspects[0];
        aspects[0] = a1 with { Tasks = a1.Tasks.SetItem(1, a1.Tasks[1] with { Title = LocalizedText.Create(a1.Tasks[1].Title["zh-Hans"], RenamedTitle) }) };
        aspects[1] = aspects[1] with { Tasks = aspects[1].Tasks.Add(SyntheticTask("SYNTHETIC-1") with { Aspect = aspects[1].Id }) };
        aspects[2] = aspects[2] with { Tasks = aspects[2].Tasks.RemoveAt(4) };
        aspects[3] = aspects[3] with { DeclaredTaskCount = aspects[3].DeclaredTaskCount + 1 };
        var moved = plan.UnassignedTasks[2];
        aspects[4] = aspects[4] with { Tasks = [moved with { Aspect = aspects[4].Id }] };

        var gdp = plan.Indicators.Single(static i => i.Id.ToString() == "yrd-gdp");
        return plan with
        {
            Notes = plan.Notes + " Synthetic note.",
            Aspects = aspects.ToImmutable(),
            UnassignedTasks = plan.UnassignedTasks.RemoveAt(2),
            Agencies = plan.Agencies.RemoveAt(plan.Agencies.Length - 1),
            Indicators = plan.Indicators.Replace(gdp, gdp with { Unit = "synthetic-unit" }).Add(new Indicator { Id = IndicatorId.Parse("synthetic-indicator"), Name = LocalizedText.Create("合成指标", "Synthetic indicator"), Unit = "count" }),
        };
    }
}
