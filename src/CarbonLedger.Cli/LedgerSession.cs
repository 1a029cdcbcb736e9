using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;
using CarbonLedger.Engine.ReadModels;

namespace CarbonLedger.Cli;

/// <summary>
/// What a CLI command works with: the database (embedded unless <c>CARBONLEDGER_CONNECTION</c> is set),
/// the running engine on the chosen schema, and the read models. Disposing stops all of it, the embedded
/// server included.
/// </summary>
internal sealed class LedgerSession : IAsyncDisposable
{
    private LedgerSession(LedgerDatabase database, LedgerEngine engine, string schema)
    {
        Database = database;
        Engine = engine;
        Queries = new ReadModelQueries(engine.Journal.DataSource, schema);
    }

    public LedgerDatabase Database { get; }

    public LedgerEngine Engine { get; }

    public ReadModelQueries Queries { get; }

    public static async Task<LedgerSession> OpenAsync(string schema, CancellationToken ct)
    {
        LedgerDatabase database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions(), ct);
        try
        {
            LedgerEngine engine = await LedgerEngine.StartAsync(
                new LedgerEngineOptions { ConnectionString = database.ConnectionString, Schema = schema }, ct);
            return new LedgerSession(database, engine, schema);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Database.DisposeAsync();
    }
}
