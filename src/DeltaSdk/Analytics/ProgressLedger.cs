using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;

namespace DeltaSdk.Analytics;

/// <summary>
/// The history of progress reports indexed by task and reporting region, so that the state of a task for a region
/// as of any date is a dictionary look-up and a binary search, not a walk through the task's history.
/// </summary>
/// <remarks>
/// Reports for one task and region are ordered by <see cref="ProgressReport.ReportedOn"/>, then
/// <see cref="ProgressReport.RecordedAt"/>, then input order: of two reports on one day, the later-recorded one is
/// the state. A report without a region speaks for the whole delta and is its own reporting "region". Immutable
/// and safe to share between threads.
/// </remarks>
public sealed class ProgressLedger
{
    private static readonly IReadOnlyList<ProgressReport> None = [];

    // default(RegionCode) stands for the whole delta (a report without a region): dictionaries take no null key.
    private readonly FrozenDictionary<TaskCode, FrozenDictionary<RegionCode, ProgressReport[]>> _byTask;

    private ProgressLedger(FrozenDictionary<TaskCode, FrozenDictionary<RegionCode, ProgressReport[]>> byTask, int count)
    {
        _byTask = byTask;
        Count = count;
    }

    /// <summary>Gets a ledger without reports.</summary>
    public static ProgressLedger Empty { get; } = Create([]);

    /// <summary>Gets the number of reports held.</summary>
    public int Count { get; }

    /// <summary>Gets the tasks that have at least one report.</summary>
    public IEnumerable<TaskCode> Tasks => _byTask.Keys;

    /// <summary>Builds a ledger from reports in any order; <see langword="null"/> entries and reports without a task are skipped.</summary>
    /// <param name="reports">The reports.</param>
    /// <returns>The ledger.</returns>
    public static ProgressLedger Create(IEnumerable<ProgressReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var byTask = new Dictionary<TaskCode, Dictionary<RegionCode, List<(ProgressReport Report, int Order)>>>();
        var order = 0;
        foreach (var report in reports)
        {
            if (report is null || report.Task.IsEmpty)
            {
                continue;
            }

            if (!byTask.TryGetValue(report.Task, out var byRegion))
            {
                byTask.Add(report.Task, byRegion = []);
            }

            var region = report.Region ?? default;
            if (!byRegion.TryGetValue(region, out var list))
            {
                byRegion.Add(region, list = new List<(ProgressReport, int)>(1));
            }

            list.Add((report, order++));
        }

        var frozen = byTask.ToFrozenDictionary(
            static t => t.Key,
            static t => t.Value.ToFrozenDictionary(
                static r => r.Key,
                static r =>
                {
                    r.Value.Sort(static (x, y) =>
                    {
                        var byDate = x.Report.ReportedOn.CompareTo(y.Report.ReportedOn);
                        if (byDate != 0)
                        {
                            return byDate;
                        }

                        var byRecorded = Nullable.Compare(x.Report.RecordedAt, y.Report.RecordedAt);
                        return byRecorded != 0 ? byRecorded : x.Order.CompareTo(y.Order);
                    });
                    return r.Value.Select(static p => p.Report).ToArray();
                }));
        return new ProgressLedger(frozen, order);
    }

    /// <summary>Gets the state of a task for one reporting region as of a date: its latest report on or before it.</summary>
    /// <param name="task">The task.</param>
    /// <param name="region">The reporting region; <see langword="null"/> for whole-delta reports.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The report, or <see langword="null"/> when the region had not reported on the task by then.</returns>
    public ProgressReport? Latest(TaskCode task, RegionCode? region, LocalDate asOf)
        => _byTask.TryGetValue(task, out var byRegion) && byRegion.TryGetValue(region ?? default, out var history) ? LatestIn(history, asOf) : null;

    /// <summary>Gets the state of a task as of a date for every region that had reported on it by then, one report per region.</summary>
    /// <param name="task">The task.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The latest report of each reporting region, the whole-delta one (if any) first, then by region code.</returns>
    public IReadOnlyList<ProgressReport> LatestByRegion(TaskCode task, LocalDate asOf)
    {
        if (!_byTask.TryGetValue(task, out var byRegion))
        {
            return None;
        }

        var result = new List<ProgressReport>(byRegion.Count);
        foreach (var (_, history) in byRegion)
        {
            if (LatestIn(history, asOf) is { } report)
            {
                result.Add(report);
            }
        }

        if (result.Count > 1)
        {
            result.Sort(static (x, y) => string.CompareOrdinal(x.Region?.ToString(), y.Region?.ToString()));
        }

        return result;
    }

    /// <summary>Gets every report on a task and region, oldest first.</summary>
    /// <param name="task">The task.</param>
    /// <param name="region">The reporting region; <see langword="null"/> for whole-delta reports.</param>
    /// <returns>The history.</returns>
    public ImmutableArray<ProgressReport> History(TaskCode task, RegionCode? region)
        => _byTask.TryGetValue(task, out var byRegion) && byRegion.TryGetValue(region ?? default, out var history) ? [.. history] : [];

    private static ProgressReport? LatestIn(ProgressReport[] history, LocalDate asOf)
    {
        // The last report with ReportedOn <= asOf: a binary search for the first one after it.
        int low = 0, high = history.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (history[mid].ReportedOn <= asOf)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low == 0 ? null : history[low - 1];
    }
}
