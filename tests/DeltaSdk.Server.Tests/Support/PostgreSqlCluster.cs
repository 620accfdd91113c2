using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DeltaSdk.Server.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb into a temporary folder, started with pg_ctl on a free
/// port, stopped and deleted afterwards. initdb and postgres refuse to run as root, so as root they run as the
/// <c>postgres</c> user (runuser) in a folder that user owns. Each test asks for a database of its own.
/// </summary>
public sealed class PostgreSqlCluster : IAsyncLifetime
{
    private const string InstallHint =
        "The PostgreSQL tests start a throwaway cluster from the PostgreSQL server binaries (initdb, pg_ctl, postgres), "
        + "which were not found in /usr/lib/postgresql/*/bin, in PG_BIN, or on PATH. Install them, for example with "
        + "'apt-get install postgresql' (Debian/Ubuntu; no running service is needed), or set PG_BIN to the folder holding initdb.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deltasdk-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private string _binaries = string.Empty;
    private bool _started;

    /// <summary>Gets the port the cluster listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool RunsAsRoot => Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows();

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries() ?? throw new InvalidOperationException(InstallHint);
        Directory.CreateDirectory(_folder);
        if (RunsAsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", _folder], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);
        Port = FreePort();

        // fsync off: a test cluster need not survive a power cut. The socket goes into the temporary folder, so that
        // nothing is written to /var/run and two runs never meet.
        var options = string.Create(CultureInfo.InvariantCulture, $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200");
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-o", options, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"], asPostgres: true);
        _started = true;
    }

    public async Task DisposeAsync()
    {
        if (_started)
        {
            NpgsqlConnection.ClearAllPools();
            await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asPostgres: true);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    /// <returns>The connection string.</returns>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string database)
        => new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            // The newest major version first.
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(static d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
                .Select(static d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(static d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        if (asPostgres && RunsAsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}"
                + (File.Exists(log) ? "\nserver.log:\n" + await File.ReadAllTextAsync(log) : string.Empty));
        }
    }
}
