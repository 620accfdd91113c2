namespace DeltaSdk.Client.Internal;

/// <summary>
/// The last ETag and body of GET responses, by URL, for revalidation with <c>If-None-Match</c>. Bounded (least
/// recently used entries go first) and safe for concurrent use; one lock keeps it simple, and the work under it is a
/// dictionary look-up and a list splice.
/// </summary>
internal sealed class ResponseCache
{
    /// <summary>Bodies larger than this (1 MiB) are not kept: revalidating them would save little next to the memory.</summary>
    public const int MaxBodyLength = 1 << 20;

    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, CachedResponse>>> _entries;
    private readonly LinkedList<KeyValuePair<string, CachedResponse>> _recency = new();
    private readonly object _gate = new();

    public ResponseCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _entries = new(Math.Min(capacity, 64), StringComparer.Ordinal);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(string key, out CachedResponse response)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                response = node.Value.Value;
                return true;
            }
        }

        response = null!;
        return false;
    }

    public void Set(string key, CachedResponse response)
    {
        if (Capacity == 0 || response.Body.Length > MaxBodyLength)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.Remove(key, out var existing))
            {
                _recency.Remove(existing);
            }
            else if (_entries.Count >= Capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst(new KeyValuePair<string, CachedResponse>(key, response));
        }
    }

    public void Remove(string key)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var node))
            {
                _recency.Remove(node);
            }
        }
    }
}
