using System.Globalization;
using BenchmarkDotNet.Attributes;
using DeltaSdk.Server.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace DeltaSdk.Benchmarks.Server;

/// <summary>
/// Page reads of an <c>updatedSince</c> change feed (<see cref="ObservationFilter.UpdatedSince"/>) on a SQLite store
/// holding 1,000,000 synthetic observation revisions: 10,000 writes of 100 observations each, over 1,000 observations
/// (5 regions × 200 periods), so each has 1,000 revisions. The database is built once per machine, by a bulk insert in
/// the store's schema (not through a million writes), and kept in the temporary folder for the next case and run
/// (<see cref="TemplateFolder"/>; delete it to build it again, as after a schema change). Baseline: the same page's rows
/// read as text by one raw SQL statement, the floor of any store read.
/// </summary>
[MemoryDiagnoser]
public class ObservationChangeFeedBenchmarks
{
    private const int Writes = 10_000;
    private const int PerWrite = 100;
    private static readonly IndicatorId Indicator = IndicatorId.Parse("synthetic-benchmark-indicator");
    private static readonly RegionCode[] Regions = [RegionCode.Parse("310000"), RegionCode.Parse("320000"), RegionCode.Parse("320500"), RegionCode.Parse("330000"), RegionCode.Parse("340000")];
    private static readonly Instant Start = Instant.FromUtc(2025, 1, 1, 0, 0);

    /// <summary>Where the built database is kept; the name carries the store's schema version it was built for.</summary>
    private static readonly string TemplateFolder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"deltasdk-bench-feed-v{SqlitePlanStore.SchemaVersion}"));

    private SqlitePlanStore _store = null!;
    private SqliteConnection _raw = null!;
    private string _middle = null!;

    /// <summary>Gets or sets the page size.</summary>
    [Params(100, 1000)]
    public int PageSize { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var seed = ServerBenchmarkData.Seed(9);
        var plan = seed.Plans[0] with { Indicators = [new Indicator { Id = Indicator, Name = LocalizedText.Create(null, "Synthetic benchmark indicator"), Unit = "unit" }] };
        var complete = Path.Combine(TemplateFolder, "complete");
        if (!File.Exists(complete))
        {
            if (Directory.Exists(TemplateFolder))
            {
                Directory.Delete(TemplateFolder, recursive: true);
            }

            await using (var building = new SqlitePlanStore(Path.Combine(TemplateFolder, "feed.db"), seed with { Plans = [plan] }))
            {
                await building.InitializeAsync();
                await BulkInsertAsync(building.DatabasePath);
            }

            SqliteConnection.ClearAllPools();
            await File.WriteAllTextAsync(complete, "1000000 synthetic observation revisions");
        }

        // The benchmarks only read, so every case opens the one built file.
        _store = new SqlitePlanStore(Path.Combine(TemplateFolder, "feed.db"), seed with { Plans = [plan] });
        await _store.InitializeAsync();

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
    /// Writes the synthetic history straight into the store's tables by one statement over a generated series (row x of
    /// 0 to 999,999 is revision x / 1,000 + 1 of observation x % 1,000, in write x / 100 + 1), so that SQLite builds the
    /// million rows itself: each write's 100 observations are 100 consecutive ones of the 1,000, so every observation
    /// gets a revision every 10 writes. Documents are the JSON an observation is stored as, built by SQLite's JSON
    /// functions; the current rows, the change clock and the indicator version are set to match. As a bulk load does,
    /// the rows go in primary-key order and the two secondary indexes (as the store's schema defines them) are built after.
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
            DROP INDEX observation_revisions_in_change_order;
            DROP INDEX observation_revisions_by_time;
            WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < $rows - 1),
            r AS (
                SELECT x / 100 + 1 AS write, x % 100 AS i, x / 1000 + 1 AS revision,
                       CASE (x % 1000) % 5 WHEN 0 THEN '310000' WHEN 1 THEN '320000' WHEN 2 THEN '320500' WHEN 3 THEN '330000' ELSE '340000' END AS region,
                       2010 + ((x % 1000) / 5) / 12 AS year, 1 + ((x % 1000) / 5) % 12 AS month
                FROM n),
            p AS (
                SELECT write, i, revision, region, printf('%04d-%02d', year, month) AS period, printf('%04d-%02d-01', year, month) AS start,
                       $startMicros + write * 1000000 AS micros
                FROM r)
            INSERT INTO observation_revisions (indicator, sort_key, revision, seq, recorded_at, region, region_group, period_start, period_end, document)
            SELECT $indicator, start || '|' || $kind || '|r:' || region, revision, write, micros, region, NULL, start, date(start, '+1 month', '-1 day'),
                   json_object('indicator', $indicator, 'region', region, 'period', period, 'value', write + i / 100.0,
                               'recordedAt', strftime('%Y-%m-%dT%H:%M:%SZ', micros / 1000000, 'unixepoch'), 'revision', revision)
            FROM p ORDER BY 2, 3;
            CREATE INDEX observation_revisions_in_change_order ON observation_revisions (indicator, seq, sort_key);
            CREATE INDEX observation_revisions_by_time ON observation_revisions (indicator, recorded_at);

            INSERT INTO observations (indicator, sort_key, region, region_group, period_start, period_end, document, revision, seq, recorded_at)
            SELECT indicator, sort_key, region, region_group, period_start, period_end, document, revision, seq, recorded_at
            FROM observation_revisions WHERE indicator = $indicator AND revision = $rows / 1000;
            UPDATE change_clock SET seq = $writes, recorded_at = $startMicros + $writes * 1000000;
            INSERT INTO indicator_versions (indicator, version) VALUES ($indicator, $writes + 1);
            """;
        insert.Parameters.AddWithValue("$rows", (long)Writes * PerWrite);
        insert.Parameters.AddWithValue("$writes", (long)Writes);
        insert.Parameters.AddWithValue("$startMicros", Start.ToUnixTimeTicks() / 10);
        insert.Parameters.AddWithValue("$indicator", Indicator.ToString());
        insert.Parameters.AddWithValue("$kind", ((int)ReportingPeriodKind.Month).ToString(CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
