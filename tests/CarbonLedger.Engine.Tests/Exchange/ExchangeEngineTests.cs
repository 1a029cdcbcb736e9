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

        // Credit serial blocks change hands inside the exchange (locked to the buyer's unsettled, then
        // available at T+1): the serial-holdings read model follows the core block for block.
        var coreBlocks = await restarted.ReadAsync(l => l.AllSerialHoldings()
            .Select(h => $"{h.Instrument} {h.Serials.Start}-{h.Serials.End} {h.Account} {h.Bucket}")
            .Order(StringComparer.Ordinal).ToList());
        // The generator issues trader i the serials from i × 100,000 + 1: an issue held by two accounts has moved.
        int movedIssues = await restarted.ReadAsync(l => l.AllSerialHoldings()
            .Where(h => h.Instrument.IsSerialNumbered)
            .GroupBy(h => (h.Serials.Start - 1) / 100_000)
            .Count(g => g.Select(h => h.Account).Distinct().Count() > 1));
        Assert.True(movedIssues > 0, "no credit serials changed hands");
        Assert.Equal(coreBlocks, await RowsAsync(
            $"""
            SELECT instrument || ' ' || serial_start || '-' || serial_end || ' ' || account || ' ' || bucket
            FROM {schema}.rm_serial_holdings
            """));
        Assert.Equal(0, await ScalarAsync(
            $"SELECT count(*) FROM {schema}.rm_balances WHERE available < 0 OR locked < 0 OR unsettled < 0"));
    }

    [Fact]
    public async Task MarketSimulation_TwoDays_TradesBlocksAndAuctionAndConservesUnitsAndCash()
    {
        string schema = pg.NewSchemaName("x_sim");
        var clock = new Engine.Simulation.SimulatedClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        await using LedgerEngine engine = await LedgerEngine.StartAsync(Options(schema, clock));
        var days = new List<Engine.Simulation.SimulatedDay>();
        var simulation = new Engine.Simulation.MarketSimulation(engine, clock, new(Days: 2, Traders: 12, Seed: 5))
        {
            DayClosed = days.Add,
        };

        Engine.Simulation.SimulationResult result = await simulation.RunAsync();

        Assert.Equal(2, days.Count);
        Assert.Equal(result.CashDeposited, result.CashHeld);
        Assert.Equal(2, result.BlockTrades);
        Assert.True(result.AuctionAllocations > 0);
        Assert.True(result.Trades > 50, $"{result.Trades} trades");
        Assert.Equal(days.Sum(d => d.Data.Trades), result.Trades);
        Assert.Equal(days[0].Data.Close, days[1].Data.PreviousClose);
        Assert.True(result.Fees.Fen > 0);
    }

    [Fact]
    public async Task Cli_Simulate_PrintsDailyMarketDataAndConservedTotals()
    {
        string schema = pg.NewSchemaName("x_cli_sim");
        CliProcessResult result = await RunCliAsync("simulate", "--days", "2", "--traders", "9", "--schema", schema);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("CEA-2024 daily market data", result.Output, StringComparison.Ordinal);
        Assert.Contains("2026-03-03", result.Output, StringComparison.Ordinal);
        Assert.Contains("✓ conserved", result.Output, StringComparison.Ordinal);
        Assert.Contains($"schema {schema}", result.Output, StringComparison.Ordinal);
        Assert.True(await ScalarAsync($"SELECT count(*) FROM {schema}.rm_market_data") == 2);

        CliProcessResult bad = await RunCliAsync("simulate", "--traders", "2", "--schema", schema);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--traders must be between 3 and 10000 (got 2)", bad.Output + bad.Error, StringComparison.Ordinal);
    }

    private sealed record CliProcessResult(int ExitCode, string Output, string Error);

    private async Task<CliProcessResult> RunCliAsync(params string[] args)
    {
        Cli.CliProcess.Result r = await Cli.CliProcess.RunAsync(
            new Dictionary<string, string?> { ["CARBONLEDGER_CONNECTION"] = pg.ConnectionString }, args);
        return new CliProcessResult(r.ExitCode, r.Output, r.Error);
    }

    private LedgerEngineOptions Options(string schema, IClock clock) => new()
    {
        ConnectionString = pg.ConnectionString,
        Schema = schema,
        Clock = clock,
    };

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants and generated names
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        var rows = new List<string>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

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
