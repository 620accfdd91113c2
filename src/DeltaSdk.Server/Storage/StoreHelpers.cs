using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace DeltaSdk.Server.Storage;

/// <summary>Rules both stores share, so that they answer every query alike.</summary>
internal static class StoreHelpers
{
    private const long TicksPerMicrosecond = NodaConstants.TicksPerMillisecond / 1000;

    /// <summary>A fixed-width instant format, so that stored instants sort as text.</summary>
    public static readonly InstantPattern InstantPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffff'Z'");

    /// <summary>
    /// An instant as stored in a <c>recorded_at</c> column: whole microseconds since the Unix epoch, the precision of
    /// PostgreSQL's <c>timestamptz</c>, so that every store keeps exactly the same instant and compares it as a number.
    /// </summary>
    public static long ToMicros(Instant instant) => Math.DivRem(instant.ToUnixTimeTicks(), TicksPerMicrosecond) switch
    {
        // Floor, not truncation towards zero, so that an instant before 1970 is not moved later.
        (var quotient, < 0) => quotient - 1,
        (var quotient, _) => quotient,
    };

    /// <summary>The instant a <c>recorded_at</c> column holds (see <see cref="ToMicros"/>).</summary>
    public static Instant FromMicros(long micros) => Instant.FromUnixTimeTicks(micros * TicksPerMicrosecond);

    /// <summary>
    /// The change clock's rule: the writer's clock truncated to microseconds, or one microsecond after the previous
    /// write when that clock is not ahead of it, so that recording times strictly rise in commit order even when the
    /// instances sharing a database disagree about the time.
    /// </summary>
    public static long NextRecordedAt(long previousMicros, Instant now) => Math.Max(ToMicros(now), previousMicros + 1);

    /// <summary>The text a keyword search looks in: <see cref="KeywordQuery.SearchText(KeyTask)"/>, the core's one definition.</summary>
    public static string SearchText(KeyTask task) => KeywordQuery.SearchText(task);

    public static bool MatchesKeywords(string searchText, ImmutableArray<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            if (!searchText.Contains(keyword, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static string RegionScope(RegionCode code) => "r:" + code.ToString();

    public static string GroupScope(RegionGroupId id) => "g:" + id.ToString();

    /// <summary>Whether <paramref name="candidate"/> supersedes <paramref name="current"/> as a task's latest report.</summary>
    /// <remarks>A later state date wins; on the same date the later recorded one does, so a correction posted the same day counts.</remarks>
    public static bool IsLatest(ProgressReport candidate, ProgressReport? current)
        => current is null || candidate.ReportedOn >= current.ReportedOn;

    /// <summary>Lists each plan's tasks in plan order, rejecting a seed where two tasks of a plan share a code.</summary>
    public static IReadOnlyList<KeyTask> TasksInOrder(Plan plan)
    {
        var tasks = plan.AllTasks.ToList();
        var seen = new HashSet<TaskCode>();
        foreach (var task in tasks)
        {
            if (!seen.Add(task.Code))
            {
                throw new InvalidOperationException($"The seed plan '{plan.Id}' catalogues task '{task.Code}' more than once; task codes must be unique within a plan.");
            }
        }

        return tasks;
    }

    public static IReadOnlyList<Indicator> IndicatorsInOrder(IEnumerable<Plan> plans)
    {
        var seen = new HashSet<IndicatorId>();
        return [.. plans.SelectMany(static p => p.Indicators).Where(i => seen.Add(i.Id))];
    }

    public static string ObservationScope(Observation observation)
        => observation.Region is { } region ? RegionScope(region)
            : observation.RegionGroup is { } group ? GroupScope(group)
            : throw new ArgumentException($"Observation of '{observation.Indicator}' for {observation.Period} names neither a region nor a region group.", nameof(observation));

    /// <summary>The scope of an observation named by its region or group: exactly one must be given.</summary>
    public static string ObservationScope(RegionCode? region, RegionGroupId? regionGroup)
        => (region, regionGroup) switch
        {
            ({ } r, null) => RegionScope(r),
            (null, { } g) => GroupScope(g),
            _ => throw new ArgumentException("Name exactly one of a region and a region group."),
        };

    /// <summary>The sort key of an observation: period start, then period length (longest first), then scope.</summary>
    public static string ObservationSortKey(Observation observation)
        => ObservationSortKey(observation.Period, ObservationScope(observation));

    public static string ObservationSortKey(ReportingPeriod period, string scope)
        => string.Create(CultureInfo.InvariantCulture, $"{Date(period.Start)}|{(int)period.Kind}|{scope}");

    public static bool MatchesObservation(Observation observation, ObservationFilter filter)
        => (filter.Region is not { } region || observation.Region == region)
            && (filter.RegionGroup is not { } group || observation.RegionGroup == group)
            && (filter.From is not { } from || observation.Period.Start >= from.Start)
            && (filter.To is not { } to || observation.Period.End <= to.End);

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Progress continuation: the last report's state date and identifier.</summary>
    public static string ProgressContinuation(StoredProgressReport last)
        => string.Create(CultureInfo.InvariantCulture, $"{Date(last.Report.ReportedOn)}|{last.Id}");

    public static (LocalDate ReportedOn, long Id) ParseProgressContinuation(string continuation)
    {
        var parts = continuation.Split('|');
        if (parts.Length == 2
            && LocalDatePattern.Iso.Parse(parts[0]) is { Success: true } date
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (date.Value, id);
        }

        throw new FormatException("The progress continuation is malformed.");
    }

    public static long ParseOrdinalContinuation(string continuation)
        => long.TryParse(continuation, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
            ? ordinal
            : throw new FormatException("The continuation is malformed.");

    public static string OrdinalContinuation(long ordinal) => ordinal.ToString(CultureInfo.InvariantCulture);

    public static bool IsExpired(Instant createdAt, IdempotencyRequest request) => createdAt < request.ReceivedAt - request.Lifetime;

    /// <summary>
    /// What a write with <paramref name="request"/>'s key already did: <see langword="null"/> when the key is unseen or
    /// expired (so the write goes ahead), else the first write's result, or a misuse when the request differs.
    /// </summary>
    public static WriteResult<T>? CheckIdempotency<T>(RememberedWrite? remembered, IdempotencyRequest? request)
        where T : class
    {
        if (request is null || remembered is null || IsExpired(remembered.CreatedAt, request))
        {
            return null;
        }

        // The fingerprint covers the operation, so a key reused for another kind of write is a misuse too.
        return string.Equals(remembered.Fingerprint, request.Fingerprint, StringComparison.Ordinal) && remembered.Result is T result
            ? WriteResult<T>.Replayed(result)
            : WriteResult<T>.KeyReused;
    }

    /// <summary>
    /// Checks that every observation is of <paramref name="indicator"/> and keys them by scope and period; a later one
    /// in the batch wins over an earlier one with the same key, as it would written one by one.
    /// </summary>
    public static SortedDictionary<string, Observation> ObservationBatch(IndicatorId indicator, IReadOnlyList<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var batch = new SortedDictionary<string, Observation>(StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            if (observation.Indicator != indicator)
            {
                throw new ArgumentException($"An observation of '{observation.Indicator}' cannot be added to indicator '{indicator}'.", nameof(observations));
            }

            batch[ObservationSortKey(observation)] = observation;
        }

        return batch;
    }

    /// <summary>Checks that the seed's observations are all of indicators its plans define.</summary>
    public static void CheckSeedObservations(PlanStoreSeed seed, IReadOnlyList<Indicator> indicators)
    {
        var known = indicators.Select(static i => i.Id).ToHashSet();
        if (seed.Observations.FirstOrDefault(o => !known.Contains(o.Indicator)) is { } stray)
        {
            throw new InvalidOperationException($"A seed observation is of indicator '{stray.Indicator}', which no seed plan defines.");
        }
    }
}
