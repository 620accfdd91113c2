using System.Collections.Concurrent;

namespace DeltaSdk.Server.Http;

/// <summary>
/// The serialized bytes and ETag of hot reads (task pages, single tasks), kept for as long as the store's tasks
/// stamp (<see cref="Storage.IPlanStore.GetTasksStampAsync"/>) is unchanged: a repeated GET or a 304 then costs one
/// stamp read instead of a query, a page of deserialized rows and a serialization.
/// </summary>
/// <remarks>
/// An entry is only served for the stamp it was made under, so a write (on this or any other instance sharing the
/// storage) makes every entry stale at once. The stamp is read before the data, so an entry is never older than its stamp.
/// </remarks>
internal sealed class HotReadCache
{
    /// <summary>Enough for every page and task of the embedded plans; beyond it (odd queries) the cache starts over.</summary>
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, long stamp, out Entry entry)
        => _entries.TryGetValue(key, out entry!) && entry.Stamp == stamp;

    public Entry Add(string key, long stamp, ReadOnlyMemory<byte> body, string etag)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = new Entry(stamp, body, etag);
        // The latest made wins: stamps are compared for equality only (see IPlanStore.GetTasksStampAsync), and a slow
        // reader that replaces a newer entry costs the next reader one miss, nothing more.
        _entries[key] = entry;
        return entry;
    }

    internal sealed record Entry(long Stamp, ReadOnlyMemory<byte> Body, string ETag);
}
