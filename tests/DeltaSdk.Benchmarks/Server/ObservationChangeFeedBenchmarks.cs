using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DeltaSdk.Api;
using DeltaSdk.Server.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace DeltaSdk.Benchmarks.Server;

/// <summary>
/// Page reads of an <c>updatedSince</c> change feed (<see cref="ObservationFilter.UpdatedSince"/>) on a SQLite store
/// holding 1,000,000 synthetic observation revisions: 10,000 writes of 100 observations each, over 1,000 observations
/// (5 regions × 200 periods), so each has 1,000 revisions. The database is built once, by a bulk insert in the store's
/// schema (not through a million writes). Baseline: the same page's rows read as text by one raw SQL statement, the
/// floor of any store read.
/// </summary>
[MemoryDiagnoser]
public class ObservationChangeFeedBenchmarks
{
    private const int Writes = 10_000;
    private const int PerWrite = 100;
    private static readonly IndicatorId Indicator = IndicatorId.Parse("synthetic-benchmark-indicator");
    private static readonly RegionCode[] Regions = [RegionCode.Parse("310000"), RegionCode.Parse("320000"), RegionCode.Parse("320500"), RegionCode.Parse("330000"), RegionCode.Parse("340000")];
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 0, 0);

    private SqlitePlanStore _store = null!;
    private SqliteConnection _raw = null!;
    private string _folder = null!;
    private string _middle = null!;

    /// <summary>Gets or sets the page size.</summary>
    [Params(100, 1000)]
    public int PageSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "deltasdk-bench-feed-" + Guid.NewGuid().ToString("N"));
        var seed = ServerBenchmarkData.Seed(9);
        var plan = seed.Plans[0] with { Indicators = [new Indicator { Id = Indicator, Name = LocalizedText.Create(null, "Synthetic benchmark indicator"), Unit = "unit" }] };
        _store = new SqlitePlanStore(Path.Combine(_folder, "feed.db"), seed with { Plans = [plan] });
        await _store.InitializeAsync();
        await BulkInsertAsync(_store.DatabasePath);

        // A continuation halfway through the history: the position after the first revision of write 5,000.
        var page = (await _store.ListObservationsAsync(Indicator, new ObservationFilter { UpdatedSince = At(Writes / 2) - Duration.FromTicks(10) }, null, 1))!;
        _middle = page.Continuation!;
        _raw = new SqliteConnection($"Data Source={_store.DatabasePath}");
        await _raw.OpenAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _raw.DisposeAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The floor: the rows of a mid-history page as text, by one statement on an open connection.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> RawSqlMiddlePage()
    {
        await using var command = _raw.CreateCommand();
        command.CommandText = "SELECT seq, sort_key, revision, document FROM observation_revisions WHERE indicator = $i AND seq >= $s ORDER BY seq, sort_key LIMIT $n";
        command.Parameters.AddWithValue("$i", Indicator.ToString());
        command.Parameters.AddWithValue("$s", (long)(Writes / 2));
        command.Parameters.AddWithValue("$n", PageSize);
        var length = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            length += reader.GetString(3).Length;
        }

        return length;
    }

    /// <summary>A page in the middle of the history, continuing a previous page's continuation.</summary>
    [Benchmark]
    public async Task<int> MiddlePage()
        => (await _store.ListObservationsAsync(Indicator, new ObservationFilter { UpdatedSince = Start }, _middle, PageSize))!.Items.Count;

    /// <summary>The first page after a recent instant (the last 1% of writes): the start is found by recording time.</summary>
    [Benchmark]
    public async Task<int> FirstPageAfterRecentInstant()
        => (await _store.ListObservationsAsync(Indicator, new ObservationFilter { UpdatedSince = At(Writes - (Writes / 100)) }, null, PageSize))!.Items.Count;

    /// <summary>The first page of the whole history (an instant before every write).</summary>
    [Benchmark]
    public async Task<int> FirstPageOfAll()
        => (await _store.ListObservationsAsync(Indicator, new ObservationFilter { UpdatedSince = Start - Duration.FromDays(1) }, null, PageSize))!.Items.Count;

    /// <summary>When synthetic write <paramref name="write"/> (1-based) was recorded: one second apart.</summary>
    private static Instant At(int write) => Start + Duration.FromSeconds(write);

    /// <summary>
    /// Writes the synthetic history straight into the store's tables in one transaction: each write's 100
    /// observations are 100 consecutive ones of the 1,000, so every observation gets a revision every 10 writes.
    /// </summary>
    private static async Task BulkInsertAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText =
            """
            INSERT INTO observation_revisions (indicator, sort_key, revision, seq, recorded_at, region, region_group, period_start, period_end, document)
            VALUES ($indicator, $key, $revision, $seq, $recordedAt, $region, NULL, $start, $end, $document)
            """;
        var parameters = new[] { "$indicator", "$key", "$revision", "$seq", "$recordedAt", "$region", "$start", "$end", "$document" }
            .ToDictionary(static name => name, name => insert.Parameters.Add(name, SqliteType.Text));
        parameters["$indicator"].Value = Indicator.ToString();
        var revisions = new int[1000];
        var last = new Observation?[1000];
        for (var write = 1; write <= Writes; write++)
        {
            var recordedAt = At(write);
            var micros = recordedAt.ToUnixTimeTicks() / 10;
            for (var i = 0; i < PerWrite; i++)
            {
                var index = ((write - 1) * PerWrite + i) % 1000;
                var region = Regions[index % Regions.Length];
                var period = ReportingPeriod.ForMonth(2010 + (index / Regions.Length / 12), 1 + (index / Regions.Length % 12));
                var observation = new Observation { Indicator = Indicator, Region = region, Period = period, Value = write + (i / 100.0), RecordedAt = recordedAt, Revision = ++revisions[index] };
                last[index] = observation;
                parameters["$key"].Value = SortKey(observation);
                parameters["$revision"].Value = observation.Revision;
                parameters["$seq"].Value = (long)write;
                parameters["$recordedAt"].Value = micros;
                parameters["$region"].Value = region.ToString();
                parameters["$start"].Value = period.Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
                parameters["$end"].Value = period.End.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
                parameters["$document"].Value = JsonSerializer.Serialize(observation, ApiJson.TypeInfo<Observation>());
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var current = connection.CreateCommand();
        current.Transaction = transaction;
        current.CommandText =
            """
            INSERT INTO observations (indicator, sort_key, region, region_group, period_start, period_end, document, revision, seq, recorded_at)
            SELECT indicator, sort_key, region, region_group, period_start, period_end, document, revision, seq, recorded_at
            FROM observation_revisions r WHERE revision = (SELECT max(revision) FROM observation_revisions x WHERE x.indicator = r.indicator AND x.sort_key = r.sort_key);
            UPDATE change_clock SET seq = $seq, recorded_at = $recordedAt;
            INSERT INTO indicator_versions (indicator, version) VALUES ($indicator, $version);
            """;
        current.Parameters.AddWithValue("$seq", (long)Writes);
        current.Parameters.AddWithValue("$recordedAt", At(Writes).ToUnixTimeTicks() / 10);
        current.Parameters.AddWithValue("$indicator", Indicator.ToString());
        current.Parameters.AddWithValue("$version", (long)Writes + 1);
        await current.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>The store's sort key (period start, period kind, scope), which its reads order by.</summary>
    private static string SortKey(Observation observation)
        => string.Create(CultureInfo.InvariantCulture, $"{observation.Period.Start:uuuu-MM-dd}|{(int)observation.Period.Kind}|r:{observation.Region}");
}
