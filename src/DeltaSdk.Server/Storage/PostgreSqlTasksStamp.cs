using Npgsql;

namespace DeltaSdk.Server.Storage;

/// <summary>
/// The tasks stamp of <see cref="PostgreSqlPlanStore"/> without a round trip per read: a background connection
/// <c>LISTEN</c>s on <see cref="Channel"/>, to which a trigger on <c>tasks</c> sends a notification at the commit of
/// every transaction that changes a task (on any instance, or by any other program), and each notification bumps an
/// in-process version. While that connection is down the stamp is read from the database instead, as before.
/// </summary>
/// <remarks>
/// <para>
/// Staleness: this instance's own writes bump the version as soon as they commit, so it reads its own writes at once.
/// Another instance's write is seen when its notification arrives, which PostgreSQL sends at commit: normally within
/// a millisecond or two, but PostgreSQL gives no upper bound. The listening connection is checked with a
/// <c>SELECT 1</c> whenever it has been quiet for <see cref="CheckInterval"/>, with <see cref="CheckTimeout"/> to answer,
/// so a connection that died silently is noticed within about their sum; from then on reads ask the database.
/// </para>
/// <para>
/// Stamps made while listening are negative (<see cref="long.MinValue"/> plus the version) and those read from the
/// database (the sum of the task versions) are not, so the two never meet; every (re)connection bumps the version, so
/// nothing kept before a gap in listening is served after it.
/// </para>
/// </remarks>
internal sealed class PostgreSqlTasksStamp : IAsyncDisposable
{
    /// <summary>The notification channel the <c>tasks</c> trigger sends to.</summary>
    public const string Channel = "deltasdk_tasks";

    /// <summary>The setting a writing transaction puts its instance in, so that the trigger's notification names it.</summary>
    public const string WriterSetting = "deltasdk.writer";

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(15);

    private readonly NpgsqlDataSource _dataSource;
    private readonly CancellationTokenSource _stopping = new();
    private long _version;
    private volatile bool _listening;
    private volatile int _listenerProcessId;
    private Task _loop = Task.CompletedTask;

    public PostgreSqlTasksStamp(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>Gets this instance's name in notifications: its own are skipped, as its writes bump the version themselves.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Gets a value indicating whether notifications are being received (else stamps come from the database).</summary>
    public bool IsListening => _listening;

    /// <summary>Gets the server process of the listening connection, 0 when there is none; for tests that break it.</summary>
    public int ListenerProcessId => _listenerProcessId;

    /// <summary>Starts listening: waits for the first attempt, so that a store starts listening, and keeps retrying in the background if it failed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection? first = null;
        try
        {
            first = await ListenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // Not fatal: reads ask the database until the background loop gets through.
        }

        _loop = Task.Run(() => RunAsync(first, _stopping.Token), CancellationToken.None);
    }

    /// <summary>Gets the stamp: the notified version while listening, else the database's sum of task versions.</summary>
    public Task<long> GetAsync(Func<CancellationToken, Task<long>> readFromDatabase, CancellationToken cancellationToken)
        => _listening ? Task.FromResult(long.MinValue + Interlocked.Read(ref _version)) : readFromDatabase(cancellationToken);

    /// <summary>Records a commit (or an attempted one) of this instance that changed a task.</summary>
    public void Written() => Interlocked.Increment(ref _version);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(NpgsqlConnection? connection, CancellationToken stopping)
    {
        var retry = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                connection ??= await ListenAsync(stopping).ConfigureAwait(false);
                retry = FirstRetry;
                while (true)
                {
                    if (!await connection.WaitAsync(CheckInterval, stopping).ConfigureAwait(false))
                    {
                        // Quiet for a while: make sure the connection is still there rather than silently gone.
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                        timeout.CancelAfter(CheckTimeout);
                        using var check = new NpgsqlCommand("SELECT 1", connection);
                        await check.ExecuteNonQueryAsync(timeout.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException or InvalidOperationException or IOException)
            {
                // The connection is gone (or never came): reads ask the database until it is back.
            }
            finally
            {
                _listening = false;
                _listenerProcessId = 0;
                if (connection is not null)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    connection = null;
                }
            }

            try
            {
                await Task.Delay(retry, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    /// <summary>Opens a connection, subscribes, then bumps the version: what was kept before is not trusted, what comes after is notified.</summary>
    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            connection.Notification += (_, notification) =>
            {
                if (!string.Equals(notification.Payload, Instance, StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _version);
                }
            };
            using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            _listenerProcessId = connection.ProcessID;
            Interlocked.Increment(ref _version);
            _listening = true;
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
