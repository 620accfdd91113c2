using Microsoft.Extensions.Caching.Memory;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// Progress reports, once stored, never change, so a store parses each one once and keeps the result: without this,
/// every read of a task (its page, <c>/summary</c>) parsed its latest report again, and one large narrative (tens of
/// thousands of language tags, under the body limit) made every later read of that task cost what its first did.
/// </summary>
/// <remarks>
/// Bounded by the total length of the cached documents (in characters), so a store full of large reports keeps the
/// most recent ones rather than all of them; an evicted report is simply parsed again on its next read.
/// </remarks>
internal sealed class ParsedReportCache : IDisposable
{
    /// <summary>The default bound: 32 M characters of stored JSON, a few tens of MiB of parsed reports.</summary>
    public const long DefaultCapacity = 32L * 1024 * 1024;

    private readonly MemoryCache _reports;
    private long _parses;

    public ParsedReportCache(long capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _reports = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
    }

    /// <summary>Gets how many documents this cache has parsed: what tests count instead of timing reads.</summary>
    public long Parses => Interlocked.Read(ref _parses);

    /// <summary>Returns the report stored under <paramref name="reportId"/>, reading and parsing its document only when it is not cached.</summary>
    /// <param name="reportId">The stored report's id, unique within one database for as long as the database exists.</param>
    /// <param name="readDocument">Reads the stored JSON; called only on a miss, so a hit does not even copy the text.</param>
    /// <param name="parse">Parses the stored JSON.</param>
    public ProgressReport GetOrParse(long reportId, Func<string> readDocument, Func<string, ProgressReport> parse)
    {
        if (_reports.TryGetValue(reportId, out ProgressReport? cached) && cached is not null)
        {
            return cached;
        }

        var document = readDocument();
        var report = parse(document);
        Interlocked.Increment(ref _parses);
        _reports.Set(reportId, report, new MemoryCacheEntryOptions { Size = Math.Max(1, document.Length) });
        return report;
    }

    /// <inheritdoc />
    public void Dispose() => _reports.Dispose();
}
