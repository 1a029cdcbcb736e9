using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.ReadModels;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Postgres;
using CarbonLedger.Testing.Reference;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace CarbonLedger.Engine.Tests.Exchange;

/// <summary>
/// The exchange through the durable engine on real PostgreSQL: random trading days journaled, the engine
/// restarted to the same state hash, read models equal to a rebuild from the journal and to the core.
/// </summary>
[Collection("postgres")]
public sealed class ExchangeEngineTests(PostgresFixture pg)
{
    [Fact]
    public async Task RandomTradingDays_JournaledAndRestarted_RebuildToTheSameStateAndReadModels()
    {
        string schema = pg.NewSchemaName("x_days");
        string rebuilt = pg.NewSchemaName("x_days_rb");
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 1, 0, 0));
        var oracle = new ReferenceLedger();
        var generator = new RandomExchangeGenerator(7, oracle);
        EngineStatus before;
        int trades;
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(Options(schema, clock)))
        {
            for (int i = 0; i < 1_200; i++)
            {
                (LedgerCommand command, Instant at) = generator.Next();
                clock.Reset(at);
                CommandResult result = await engine.SubmitAsync(command);
                CommandOutcome expected = oracle.Apply(command, at).Outcome;
                Assert.Equal(expected, result.Outcome);
            }

            before = await engine.StatusAsync();
            trades = (int)await engine.ReadAsync(l => l.TradeCount);
            await engine.ReadAsync(l =>
            {
                LedgerInvariants.AssertAll(l);
                LedgerComparison.AssertSameExchange(l, oracle, "after the stream");
                return 0;
            });
        }

        Assert.True(trades > 20, $"only {trades} trades");
        await using LedgerEngine restarted = await LedgerEngine.StartAsync(Options(schema, clock));
        Assert.Equal(before, await restarted.StatusAsync());

        long replayed = await ReadModelRebuilder.RebuildAsync(restarted.Journal, rebuilt, LedgerLimits.Default,
            Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);
        Assert.Equal(before.Sequence, replayed);
        IReadOnlyList<string> diff = await ReadModelRebuilder.DiffAsync(restarted.Journal.DataSource, schema, rebuilt,
            CancellationToken.None);
        Assert.Empty(diff);

        // The read models say what the core says.
        Assert.Equal(trades, await ScalarAsync($"SELECT count(*) FROM {schema}.rm_trades"));
        var cashes = await restarted.ReadAsync(l => l.AllCash().ToList());
        foreach ((Domain.Identity.AccountId account, CashBalance cash) in cashes)
        {
            Assert.Equal(cash.Total.Fen,
                await ScalarAsync($"SELECT total FROM {schema}.rm_cash WHERE account = '{account}'"));
            Assert.Equal(cash.Withdrawable.Fen,
                await ScalarAsync($"SELECT withdrawable FROM {schema}.rm_cash WHERE account = '{account}'"));
        }

        long live = await restarted.ReadAsync(l => (long)l.AllLiveOrders().Count());
        Assert.Equal(live, await ScalarAsync(
            $"SELECT count(*) FROM {schema}.rm_orders WHERE mode = 'Listed' AND status = 'open'"));
        Assert.True(await ScalarAsync($"SELECT count(*) FROM {schema}.rm_market_data") > 10);
        Assert.Equal(0, await ScalarAsync(
            $"SELECT count(*) FROM {schema}.rm_balances WHERE available < 0 OR locked < 0 OR unsettled < 0"));
    }

    private LedgerEngineOptions Options(string schema, IClock clock) => new()
    {
        ConnectionString = pg.ConnectionString,
        Schema = schema,
        Clock = clock,
    };

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants and generated names
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
