using BenchmarkDotNet.Attributes;
using DeltaSdk.Validation;
using NodaTime;

namespace DeltaSdk.Benchmarks.Validation;

/// <summary>
/// Validation of generated plans of 10k and 100k tasks (against a 444-region table) and of a batch of one million
/// observations (against a plan and the table). The baseline builds only a dictionary of the task codes: the least any
/// validator that resolves references must do.
/// Run: dotnet run -c Release --project tests/DeltaSdk.Benchmarks -- --filter *Validation* --job short
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private const int ObservationCount = 1_000_000;

    private DeltaValidator _validator = null!;
    private RegionTable _regions = null!;
    private Plan _plan = null!;
    private ObservationBatch _observations = null!;

    [Params(10_000, 100_000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A fixed clock inside the plan period, so that the "not in the future" checks behave the same on every run.
        _validator = new DeltaValidator(new DeltaValidationOptions { Clock = new FixedClock(Instant.FromUtc(2025, 6, 30, 0, 0)) });
        _regions = SyntheticValidationData.Regions();
        _plan = SyntheticValidationData.Plan(Tasks);
        _observations = SyntheticValidationData.Observations(ObservationCount);
        var planReport = _validator.Validate(_plan, _regions);
        var batchReport = _validator.Validate(_observations, _plan, _regions);
        if (planReport.Diagnostics.Length + batchReport.Diagnostics.Length != 0)
        {
            throw new InvalidOperationException($"The synthetic data is not clean: {planReport.Diagnostics.Concat(batchReport.Diagnostics).First()}");
        }
    }

    [Benchmark(Baseline = true)]
    public int IndexTaskCodesOnly()
    {
        var codes = new Dictionary<TaskCode, KeyTask>(Tasks);
        foreach (var aspect in _plan.Aspects)
        {
            foreach (var task in aspect.Tasks)
            {
                codes.TryAdd(task.Code, task);
            }
        }

        return codes.Count;
    }

    [Benchmark]
    public ValidationReport ValidatePlan() => _validator.Validate(_plan, _regions);

    [Benchmark]
    public ValidationReport ValidateObservations() => _validator.Validate(_observations, _plan, _regions);

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
