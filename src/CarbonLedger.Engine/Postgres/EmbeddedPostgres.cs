using Npgsql;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// A private PostgreSQL server run from the locally installed binaries: one data folder, listening on a free
/// port on 127.0.0.1 only, stopped on dispose. This is CarbonLedger's zero-configuration default.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(60);

    private readonly PgCtl _pgCtl;
    private readonly OrphanWatchdog? _watchdog;
    private readonly bool _deleteDataDirectoryOnStop;
    private readonly Lock _stopGate = new();
    private Task? _stopping;

    internal EmbeddedPostgres(
        PgCtl pgCtl,
        PostmasterPidFile server,
        string databaseName,
        bool reusedExistingCluster,
        OrphanWatchdog? watchdog,
        bool deleteDataDirectoryOnStop)
    {
        _pgCtl = pgCtl;
        _watchdog = watchdog;
        _deleteDataDirectoryOnStop = deleteDataDirectoryOnStop;
        Port = server.Port;
        ServerProcessId = server.ProcessId;
        DatabaseName = databaseName;
        ReusedExistingCluster = reusedExistingCluster;
        ConnectionString = ServerConnectionStrings.Application(server.Port, databaseName);
    }

    /// <summary>Npgsql connection string: 127.0.0.1, this port, user postgres, the application database.</summary>
    public string ConnectionString { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The cluster's data folder (PGDATA), which also holds the server log and the Unix socket.</summary>
    public string DataDirectory => _pgCtl.DataDirectory;

    /// <summary>The application database's name.</summary>
    public string DatabaseName { get; }

    /// <summary>True when the folder already held a cluster, so initdb did not run and earlier data is there.</summary>
    public bool ReusedExistingCluster { get; }

    /// <summary>
    /// True when another live process had already started a server on this folder and we use it: that process
    /// stays its owner, so <see cref="StopAsync"/> leaves it running (see <c>EmbeddedPostgresLauncher</c>).
    /// </summary>
    public bool AttachedToRunningServer => _watchdog is null;

    /// <summary>The postmaster's process id.</summary>
    public int ServerProcessId { get; }

    /// <summary>Starts (or, for a live owner's server on the same folder, attaches to) a server.</summary>
    /// <exception cref="PostgresBinariesNotFoundException">The server binaries are not installed.</exception>
    /// <exception cref="PostgresStartFailedException">It did not start; the message has the log tail.</exception>
    public static Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct = default) =>
        EmbeddedPostgresLauncher.StartAsync(options, ct);

    /// <summary>
    /// Stops the server (pg_ctl stop -m fast) and, when the options say so, deletes the data folder. Idempotent and
    /// safe to call concurrently (e.g. from a signal handler and DisposeAsync): every caller awaits the same stop.
    /// </summary>
    public Task StopAsync()
    {
        lock (_stopGate)
        {
            return _stopping ??= StopCoreAsync();
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopCoreAsync()
    {
        if (AttachedToRunningServer)
        {
            return;
        }

        // Idle pooled connections would die with the server anyway; dropping them now keeps the pool clean.
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await _watchdog!.StopAsync();
        await ServerShutdown.StopAsync(_pgCtl, ServerProcessId, s_stopTimeout);

        // If another process has restarted a server on this folder meanwhile, the folder is in use: keep it.
        if (PostmasterPidFile.TryRead(DataDirectory) is not null)
        {
            return;
        }

        ServerOwnerFile.Delete(DataDirectory);
        if (_deleteDataDirectoryOnStop)
        {
            DataFolderRemoval.Delete(DataDirectory);
        }
    }
}
