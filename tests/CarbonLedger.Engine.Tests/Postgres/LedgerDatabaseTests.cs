using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>The CLI's and tests' entry point: external server when configured, embedded otherwise.</summary>
public sealed class LedgerDatabaseTests
{
    [Fact]
    public async Task OpenAsync_Temporary_GivesWorkingDatabaseInTheConfiguredMode()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariables.Connection);
        var database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions { Temporary = true });
        var folder = database.Server?.DataDirectory;
        try
        {
            Assert.Equal(1, await Sql.ScalarAsync<int>(database.ConnectionString, "select 1"));
            // CARBONLEDGER_CONNECTION, when set, is used as is; otherwise a private server is started.
            Assert.Equal(string.IsNullOrWhiteSpace(external), database.IsEmbedded);
            Assert.Equal(database.IsEmbedded, database.Server is not null);
            if (!database.IsEmbedded)
            {
                Assert.Equal(external, database.ConnectionString);
            }
        }
        finally
        {
            await database.DisposeAsync();
        }

        // A temporary embedded folder is gone once the database is disposed.
        Assert.True(folder is null || !Directory.Exists(folder));
    }
}
