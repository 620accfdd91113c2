using Microsoft.Data.Sqlite;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// The tasks stamp of <see cref="SqlitePlanStore"/>: <c>PRAGMA data_version</c> on one kept connection, which changes
/// whenever another connection (of this process or any other) has committed a change to the file. It reads the
/// write-ahead log's index in shared memory, not the tables, so it costs far less than a query and needs no pool.
/// </summary>
/// <remarks>
/// The number a connection reports only means something to that connection, so the stamp is a counter of this object
/// that moves on whenever the reported number differs from the previous one; a new connection (after an error) moves
/// it on as well. It also moves on for commits that change no task (observations): a needless cache miss, never a stale hit.
/// </remarks>
internal sealed class SqliteDataVersion(string connectionString) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _query;
    private long _lastDataVersion;
    private long _stamp;

    public long Read()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stamp < 0, this);
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
                    _stamp++;
                }

                return _stamp;
            }
            catch (SqliteException)
            {
                Close();
                throw;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
            _stamp = -1;
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
