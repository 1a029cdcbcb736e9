namespace CarbonLedger.Engine.Postgres;

/// <summary>How to start an <see cref="EmbeddedPostgres"/>.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>The cluster's data folder (PGDATA). initdb runs only when it holds no cluster yet.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Deletes <see cref="DataDirectory"/> when the server stops: for tests and throw-away runs.</summary>
    public bool DeleteDataDirectoryOnStop { get; init; }

    /// <summary>
    /// The folder of initdb, pg_ctl and postgres; null to search (see <see cref="PostgresBinaries.Locate"/>).
    /// </summary>
    public string? BinDirectory { get; init; }

    /// <summary>The application database, created on first start.</summary>
    public string DatabaseName { get; init; } = "carbonledger";

    /// <summary>Bounds the whole start (lock, initdb, start, ready); past it, it fails with the server log.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Raised from PostgreSQL's 100 so that a test run with several connection pools fits.</summary>
    public int MaxConnections { get; init; } = 200;

    /// <summary>Options for a throw-away server in a fresh temporary folder that is deleted on stop.</summary>
    public static EmbeddedPostgresOptions Temporary() =>
        new() { DataDirectory = DataFolders.NewTemporary(), DeleteDataDirectoryOnStop = true };

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(DataDirectory);
        DataDirectoryAccess.Validate(DataDirectory);
        DatabaseCreator.Validate(DatabaseName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StartTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConnections, 10);
    }
}
