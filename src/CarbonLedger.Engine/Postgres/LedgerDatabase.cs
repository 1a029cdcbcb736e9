namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The entry point of the CLI and the tests to "a database": the server named by <c>CARBONLEDGER_CONNECTION</c>
/// when set (production, CI, a shared dev database), else a private embedded PostgreSQL.
/// </summary>
public sealed class LedgerDatabase : IAsyncDisposable
{
    private readonly ShutdownHooks? _hooks;

    private LedgerDatabase(string connectionString, EmbeddedPostgres? server, ShutdownHooks? hooks)
    {
        ConnectionString = connectionString;
        Server = server;
        _hooks = hooks;
    }

    /// <summary>The Npgsql connection string to use.</summary>
    public string ConnectionString { get; }

    /// <summary>The embedded server, or null when <c>CARBONLEDGER_CONNECTION</c> named an external one.</summary>
    public EmbeddedPostgres? Server { get; }

    /// <summary>True when we started (or attached to) an embedded server.</summary>
    public bool IsEmbedded => Server is not null;

    /// <summary>
    /// Uses <c>CARBONLEDGER_CONNECTION</c> as is when set (no server is started, nothing is checked); otherwise
    /// starts the embedded server on the persistent per-user folder, or on a temporary one when
    /// <see cref="LedgerDatabaseOptions.Temporary"/>.
    /// </summary>
    public static async Task<LedgerDatabase> OpenAsync(
        LedgerDatabaseOptions? options = null, CancellationToken ct = default)
    {
        options ??= new LedgerDatabaseOptions();
        var external = Environment.GetEnvironmentVariable(EnvironmentVariables.Connection);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new LedgerDatabase(external, server: null, hooks: null);
        }

        var dataDirectory = options.DataDirectory
            ?? (options.Temporary ? DataFolders.NewTemporary() : DataFolders.Persistent());
        var server = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions
            {
                DataDirectory = dataDirectory,
                DeleteDataDirectoryOnStop = options.Temporary,
                BinDirectory = options.BinDirectory,
                StartTimeout = options.StartTimeout,
            },
            ct);
        var hooks = options.StopOnProcessExit ? ShutdownHooks.Register(server.StopAsync) : null;
        return new LedgerDatabase(server.ConnectionString, server, hooks);
    }

    /// <summary>Stops the embedded server (deleting its folder when temporary); nothing for an external one.</summary>
    public async ValueTask DisposeAsync()
    {
        _hooks?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
