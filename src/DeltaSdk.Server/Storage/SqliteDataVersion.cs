using Microsoft.Data.Sqlite;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// The tasks stamp of <see cref="SqlitePlanStore"/>, read without touching the file on almost every request: a counter
/// that this store's own commits move on at once, and that <c>PRAGMA data_version</c> on one kept connection moves on
/// when anyone else (another process, another store on the same file) has committed, checked at most every
/// <see cref="CheckInterval"/> by whichever reader comes first.
/// </summary>
/// <remarks>
/// <para>
/// Staleness: none for writes through this store; at most <see cref="CheckInterval"/> (plus the time a check takes) for
/// a write to the file by anyone else, which the server does not expect (one instance per file), but which a check
/// still notices. A reader that finds a check under way takes the current stamp rather than wait for it.
/// </para>
/// <para>
/// <c>data_version</c> only means something to the connection that reports it, so the stamp is this object's counter;
/// a new connection (after an error) moves it on as well. An own commit reads the new <c>data_version</c> too, so that
/// the next check does not count it again; commits that change no task (observations) move the stamp on as well, which
/// costs a cache miss, never a stale answer.
/// </para>
/// </remarks>
internal sealed class SqliteDataVersion(string connectionString) : IDisposable
{
    /// <summary>How long a stamp is trusted before <c>data_version</c> is asked again (for writes by anyone else).</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _query;
    private long _lastDataVersion = -1;
    private long _stamp;
    private long _checkedAt = long.MinValue / 2;
    private bool _disposed;

    /// <summary>Gets the stamp: the counter, after a <c>data_version</c> check when the last one is older than <see cref="CheckInterval"/>.</summary>
    public long Read()
    {
        if (Environment.TickCount64 - Volatile.Read(ref _checkedAt) >= (long)CheckInterval.TotalMilliseconds && _gate.TryEnter())
        {
            try
            {
                Check();
            }
            finally
            {
                _gate.Exit();
            }
        }

        return Interlocked.Read(ref _stamp);
    }

    /// <summary>Records a commit (or an attempted one) of this store: the stamp moves on at once.</summary>
    public void Committed()
    {
        lock (_gate)
        {
            try
            {
                Check();
            }
            catch (SqliteException)
            {
                // The write is committed; the next read's check opens a new connection (and moves the stamp on).
            }
            catch (ObjectDisposedException)
            {
                // The store is closing.
            }

            // Moved on even when the check saw no change: a needless miss is better than a stale entry.
            Interlocked.Increment(ref _stamp);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
            _disposed = true;
        }
    }

    /// <summary>Asks <c>data_version</c> (under the gate) and moves the counter on when it changed since the last check.</summary>
    private void Check()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            if (_query is null)
            {
                _connection = new SqliteConnection(connectionString);
                _connection.Open();
                _query = _connection.CreateCommand();
                _query.CommandText = "PRAGMA data_version";
                _query.Prepare();
                _lastDataVersion = -1;
            }

            var dataVersion = (long)_query.ExecuteScalar()!;
            if (dataVersion != _lastDataVersion)
            {
                _lastDataVersion = dataVersion;
                Interlocked.Increment(ref _stamp);
            }

            Volatile.Write(ref _checkedAt, Environment.TickCount64);
        }
        catch (SqliteException)
        {
            Close();
            throw;
        }
    }

    private void Close()
    {
        _query?.Dispose();
        _connection?.Dispose();
        _query = null;
        _connection = null;
    }
}
