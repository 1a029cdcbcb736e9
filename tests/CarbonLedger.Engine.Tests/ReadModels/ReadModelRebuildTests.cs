using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Engine.ReadModels;
using CarbonLedger.Testing.Postgres;
using Npgsql;
using static CarbonLedger.Engine.Tests.Journal.EngineFixture;
using CarbonLedger.Testing.Builders;

namespace CarbonLedger.Engine.Tests.ReadModels;

[Collection("postgres")]
public sealed class ReadModelRebuildTests(PostgresFixture pg)
{
    private CommandFactory C { get; } = new();

    [Fact]
    public async Task Rebuild_AfterMixedHistory_EqualsLiveReadModels()
    {
        string schema = pg.NewSchemaName("rm_live");
        string rebuilt = pg.NewSchemaName("rm_rebuilt");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        await AcceptAsync(engine, C.IssueCredits("mee", "MEE", "ENT-A", "SHCER-2025", 1, 500));
        var rng = new Random(20261125);
        var work = new List<Task<CommandResult>>();
        for (int i = 0; i < 400; i++)
        {
            (string from, string actor, string to) = rng.Next(2) == 0 ? ("ENT-A", "alice", "ENT-B") : ("ENT-B", "bob", "ENT-A");
            string instrument = rng.Next(3) == 0 ? "SHCER-2025" : "CEA-2024";
            work.Add(engine.SubmitAsync(C.Transfer(actor, from, to, instrument, 1 + rng.Next(5))));
        }

        CommandResult[] results = await Task.WhenAll(work);
        int accepted = results.Count(r => r.Outcome.IsAccepted);
        Assert.InRange(accepted, 100, 400);
        await AcceptAsync(engine, C.Freeze("mee", "ENT-A", "SHCER-2025", 3, "COURT-9"));
        await AcceptAsync(engine, C.Retire("alice", "ENT-A", "CEA-2024", 17));
        await AcceptAsync(engine, C.Open("mee", "ENT-C", AccountType.EnterpriseHolding, "carol"));
        await AcceptAsync(engine, new Domain.Registry.SuspendAccount(C.NextKey(), CommandFactory.Actor("mee"), CommandFactory.Acc("ENT-C"), "audit"));

        long replayed = await ReadModelRebuilder.RebuildAsync(engine.Journal, rebuilt, Domain.Registry.LedgerLimits.Default,
            Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);
        IReadOnlyList<string> diff = await ReadModelRebuilder.DiffAsync(engine.Journal.DataSource, schema, rebuilt,
            CancellationToken.None);

        Assert.Equal(5 + accepted + 4, replayed);
        Assert.Empty(diff);
        Assert.Equal((2 * accepted) + 1 + 1 + 2 + 2, await CountAsync($"SELECT count(*) FROM {schema}.rm_statement"));
        Assert.True(await CountAsync($"SELECT count(*) FROM {schema}.rm_serial_holdings") >= 2);
    }

    [Fact]
    public async Task Diff_ReadModelTamperedInSql_ReportsTheRow()
    {
        string schema = pg.NewSchemaName("rm_tamper");
        string rebuilt = pg.NewSchemaName("rm_tamper_rb");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        await ExecuteAsync($"UPDATE {schema}.rm_balances SET available = available + 1 WHERE account = 'ENT-A'");

        await ReadModelRebuilder.RebuildAsync(engine.Journal, rebuilt, Domain.Registry.LedgerLimits.Default,
            Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);
        IReadOnlyList<string> diff = await ReadModelRebuilder.DiffAsync(engine.Journal.DataSource, schema, rebuilt,
            CancellationToken.None);

        Assert.Equal(2, diff.Count);
        Assert.All(diff, d => Assert.StartsWith("rm_balances", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SerialHoldings_PartialTransfer_SplitsBlockExactly()
    {
        string schema = pg.NewSchemaName("rm_serials");
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(pg, schema));
        await SeedAsync(engine, C);
        await AcceptAsync(engine, C.IssueCredits("mee", "MEE", "ENT-A", "CCER-2023", 1, 100));
        await AcceptAsync(engine, C.Transfer("alice", "ENT-A", "ENT-B", "CCER-2023", 11, new SerialRange(40, 50)));

        var rows = new List<(long, long, string)>();
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL
        await using var command = new NpgsqlCommand(
            $"SELECT serial_start, serial_end, account FROM {schema}.rm_serial_holdings ORDER BY serial_start", connection);
#pragma warning restore CA2100
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }

        Assert.Equal([(1L, 39L, "ENT-A"), (40L, 50L, "ENT-B"), (51L, 100L, "ENT-A")], rows);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
