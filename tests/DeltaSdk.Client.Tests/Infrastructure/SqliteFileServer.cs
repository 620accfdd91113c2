using DeltaSdk.Server.Storage;
using Microsoft.Data.Sqlite;

namespace DeltaSdk.Client.Tests.Infrastructure;

/// <summary>
/// A <see cref="TestServer"/> on a SQLite file in a temporary folder of its own, which a test can restart on the same
/// file (what the end-to-end tests of history and persistence need), and which removes the folder when disposed.
/// </summary>
public sealed class SqliteFileServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly PlanStoreSeed _seed;

    private SqliteFileServer(string directory, PlanStoreSeed seed, TestServer server)
    {
        _directory = directory;
        _seed = seed;
        Server = server;
    }

    /// <summary>Gets the running server.</summary>
    public TestServer Server { get; private set; }

    private string Database => Path.Combine(_directory, "plan.db");

    /// <summary>Starts a server on a new file seeded with <paramref name="seed"/>.</summary>
    public static async Task<SqliteFileServer> StartAsync(PlanStoreSeed seed)
    {
        var directory = Directory.CreateTempSubdirectory("deltasdk-client-sqlite-").FullName;
        return new SqliteFileServer(directory, seed, await TestServer.StartAsync(new SqlitePlanStore(Path.Combine(directory, "plan.db"), seed)));
    }

    /// <summary>Stops the server and starts another on the same file (the seed only fills a new file).</summary>
    /// <returns>A client of the new server.</returns>
    public async Task<DeltaClient> RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await TestServer.StartAsync(new SqlitePlanStore(Database, _seed));
        return Server.CreateClient();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();

        // Pooled connections keep the file open; the folder can go only once they are closed.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
