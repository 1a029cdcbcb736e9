namespace CarbonLedger.Engine.Postgres;

/// <summary>How <see cref="LedgerDatabase.OpenAsync"/> provisions the database without a connection string.</summary>
public sealed class LedgerDatabaseOptions
{
    /// <summary>
    /// Use a fresh temporary data folder that is deleted when the database is disposed (tests, demos), instead of
    /// the persistent per-user folder. Together with <see cref="DataDirectory"/>, that folder is deleted.
    /// </summary>
    public bool Temporary { get; init; }

    /// <summary>An explicit data folder; null for <see cref="DataFolders.Persistent"/> (or a temporary one).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The folder of the server binaries; null to search (<see cref="PostgresBinaries.Locate"/>).</summary>
    public string? BinDirectory { get; init; }

    /// <summary>The bound on starting the embedded server.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Stop the embedded server on process exit, SIGINT, SIGTERM and SIGHUP (see <c>ShutdownHooks</c>). On by
    /// default; a host that manages the lifetime itself may turn it off.
    /// </summary>
    public bool StopOnProcessExit { get; init; } = true;
}
