using BenchmarkDotNet.Attributes;
using DeltaSdk.Benchmarks.Validation;
using DeltaSdk.Changes;
using DeltaSdk.Serialization;

namespace DeltaSdk.Benchmarks.Changes;

/// <summary>
/// Diff of two synthetic 100,000-task plans, built separately so that no object is shared and every task is compared
/// member by member: once equal, once with 1% of the tasks renamed, 0.1% removed and 0.1% added. The baseline indexes
/// both plans' task codes, the least any diff that matches by code must do; the naive alternative writes both plans
/// as canonical JSON and compares the bytes, which finds only whether they differ, not what.
/// Run: dotnet run -c Release --project tests/DeltaSdk.Benchmarks -- --filter *PlanDiff* --job short
/// </summary>
[MemoryDiagnoser]
public class PlanDiffBenchmarks
{
    private const int TaskCount = 100_000;

    private Plan _old = null!;
    private Plan _equal = null!;
    private Plan _changed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _old = SyntheticValidationData.Plan(TaskCount);
        _equal = SyntheticValidationData.Plan(TaskCount);
        _changed = Edit(SyntheticValidationData.Plan(TaskCount));
        var changes = PlanDiff.Compare(_old, _changed).Changes.Length;
        if (!PlanDiff.Compare(_old, _equal).IsEmpty || changes != (TaskCount / 100) + (TaskCount / 1000 * 2))
        {
            throw new InvalidOperationException($"The synthetic plans do not differ as planned: {changes} changes.");
        }
    }

    [Benchmark(Baseline = true)]
    public int IndexTaskCodesOnly()
    {
        var codes = new Dictionary<TaskCode, KeyTask>(TaskCount);
        foreach (var task in _old.AllTasks)
        {
            codes.TryAdd(task.Code, task);
        }

        var found = 0;
        foreach (var task in _changed.AllTasks)
        {
            found += codes.ContainsKey(task.Code) ? 1 : 0;
        }

        return found;
    }

    [Benchmark]
    public ChangeSet DiffEqualPlans() => PlanDiff.Compare(_old, _equal);

    [Benchmark]
    public ChangeSet DiffChangedPlans() => PlanDiff.Compare(_old, _changed);

    [Benchmark]
    public bool CompareCanonicalJsonBytes() => DeltaJson.WritePlanToUtf8Bytes(_old).AsSpan().SequenceEqual(DeltaJson.WritePlanToUtf8Bytes(_changed));

    /// <summary>Renames every 100th task, removes every 1000th (offset by 7) and adds as many synthetic tasks to the last aspect.</summary>
    private static Plan Edit(Plan plan)
    {
        var index = 0;
        var aspects = plan.Aspects.Select(aspect => aspect with
        {
            Tasks = [.. aspect.Tasks.Select(task => (Task: task, Index: index++))
                .Where(static t => t.Index % 1000 != 7)
                .Select(static t => t.Index % 100 == 0 ? t.Task with { Title = LocalizedText.Create("合成改名", "Synthetic renamed " + t.Index) } : t.Task)],
        }).ToList();
        var last = aspects[^1];
        aspects[^1] = last with
        {
            Tasks = last.Tasks.AddRange(Enumerable.Range(1, TaskCount / 1000).Select(i => new KeyTask
            {
                Code = TaskCode.Parse($"SYN-ADDED-{i:D4}"),
                Aspect = last.Id,
                Title = LocalizedText.Create("合成新增", "Synthetic added " + i),
            })),
        };
        return plan with { Aspects = [.. aspects] };
    }
}
