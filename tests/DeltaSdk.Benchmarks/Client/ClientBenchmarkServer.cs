using System.Globalization;
using DeltaSdk.Server;
using DeltaSdk.Server.Storage;
using NodaTime;

namespace DeltaSdk.Benchmarks.Client;

/// <summary>
/// The reference server, in process on loopback, seeded with a synthetic plan (generated here; no fact about the
/// real plan) of 200 tasks, so that a page of 50 and a single task are realistic payloads.
/// </summary>
internal static class ClientBenchmarkServer
{
    public static readonly PlanId PlanId = PlanId.Parse("synthetic-benchmark-plan");

    public static readonly TaskCode TaskCode = TaskCode.Parse("SYN-1-07");

    public static Task<PlanServerHost> StartAsync() => PlanServerHost.StartAsync(new InMemoryPlanStore(new PlanStoreSeed { Plans = [Plan()] }));

    private static Plan Plan() => new()
    {
        Id = PlanId,
        Title = LocalizedText.Create("合成计划", "Synthetic benchmark plan"),
        StartDate = new LocalDate(2024, 1, 1),
        EndDate = new LocalDate(2026, 12, 31),
        Aspects = [.. Enumerable.Range(1, 4).Select(Aspect)],
    };

    private static Aspect Aspect(int ordinal) => new()
    {
        Id = AspectId.Parse(string.Create(CultureInfo.InvariantCulture, $"synthetic-aspect-{ordinal}")),
        Ordinal = ordinal,
        Name = LocalizedText.Create("合成方面", string.Create(CultureInfo.InvariantCulture, $"Synthetic aspect {ordinal}")),
        Tasks = [.. Enumerable.Range(1, 50).Select(task => new KeyTask
        {
            Code = DeltaSdk.TaskCode.Parse(string.Create(CultureInfo.InvariantCulture, $"SYN-{ordinal}-{task:D2}")),
            Aspect = AspectId.Parse(string.Create(CultureInfo.InvariantCulture, $"synthetic-aspect-{ordinal}")),
            Title = LocalizedText.Create("合成任务：推进长三角一体化示范项目建设", string.Create(CultureInfo.InvariantCulture, $"Synthetic task {ordinal}.{task}: advance a demonstration project")),
            Summary = LocalizedText.Create("合成摘要", "A synthetic summary of a few words, to give the task a realistic size."),
            Regions = [RegionCode.Parse("310000"), RegionCode.Parse("320000")],
            Tags = ["synthetic", task % 2 == 0 ? "even" : "odd"],
            TimeFrame = new TaskTimeFrame { Start = new LocalDate(2024, 1, 1), End = new LocalDate(2026, 12, 31) },
        })],
    };
}
