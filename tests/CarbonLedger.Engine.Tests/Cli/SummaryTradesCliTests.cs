using System.Globalization;
using System.Text.Json;
using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Engine.Workflows;
using CarbonLedger.Testing.Postgres;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace CarbonLedger.Engine.Tests.Cli;

/// <summary>
/// <c>audit summary</c>'s trade columns on a real exchange: two covered enterprises whose obligation actors own
/// trading accounts trade with each other and with an uncovered fund through the durable engine (listed orders
/// and a block trade) on trading days from December 2021 to January 2023; the summary, run as a separate process,
/// must show per enterprise exactly the trades of the calendar year (Asia/Shanghai), summed here from the fills
/// the engine returned, which in turn equal the trades worked out by hand from the orders.
/// </summary>
[Collection("postgres")]
public sealed class SummaryTradesCliTests(PostgresFixture pg) : IDisposable
{
    private static readonly ActorId Regulator = DefaultComplianceRules.Regulator;
    private static readonly ActorId Operator = ActorId.Of("seee");
    private static readonly ActorId Bank = ActorId.Of("bank");
    private static readonly AccountId Authority = AccountId.Of("MEE-ACC");
    private static readonly AccountId BankAccount = AccountId.Of("BANK");
    private static readonly InstrumentId Cea2022 = InstrumentId.Parse("CEA-2022");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Trader A = new("PLANT-A", ActorId.Of("plant-a"), AccountId.Of("PLANT-A-T"));
    private static readonly Trader B = new("PLANT-B", ActorId.Of("plant-b"), AccountId.Of("PLANT-B-T"));
    private static readonly Trader X = new(null, ActorId.Of("fund-x"), AccountId.Of("FUND-X"));

    private readonly string _folder = Directory.CreateTempSubdirectory("carbonledger-trades-").FullName;
    private readonly List<Trade> _trades = [];
    private int _key;

    [Fact]
    public async Task AuditSummary_EnterprisesTradingAcrossTheYearEnd_TradeColumnsAreTheFillsOfTheCalendarYear()
    {
        string schema = pg.NewSchemaName("sum_trades");
        await TradeAndSetObligationsAsync(schema);
        string csv = Path.Combine(_folder, "2022.csv");
        string ndjson = Path.Combine(_folder, "2023.ndjson");

        CliProcess.Result y2022 = await RunAsync(schema, "audit", "summary", "--year", "2022", "--out", csv);
        CliProcess.Result y2023 = await RunAsync(schema, "audit", "summary", "--year", "2023", "--out", ndjson,
            "--format", "ndjson");

        Assert.True(y2022.ExitCode == 0, y2022.Output + y2022.Error);
        Assert.True(y2023.ExitCode == 0, y2023.Output + y2023.Error);
        // The engine matched the orders as worked out by hand (maker's price, price then time priority).
        Assert.Equal(
        [
            (A.Account, X.Account, 8_000L, 10L),
            (B.Account, A.Account, 8_010L, 200L), (X.Account, A.Account, 8_010L, 100L),
            (X.Account, B.Account, 8_020L, 30L),
            (B.Account, X.Account, 8_030L, 40L), (B.Account, A.Account, 8_040L, 10L),
            (A.Account, B.Account, 7_900L, 120_000L),
            (A.Account, B.Account, 8_000L, 25L),
            (B.Account, A.Account, 8_000L, 70L), (A.Account, X.Account, 7_990L, 5L),
        ], _trades.Select(t => (t.Buyer, t.Seller, t.PriceFen, t.Tonnes)));
        Assert.Equal(_trades.Count, await ScalarAsync($"SELECT count(*) FROM {schema}.rm_trades"));
        Assert.All(_trades, t => Assert.True(t.FeesFen > 0, "every trade pays fees, which turnover excludes"));

        List<Dictionary<string, string>> rows = await CsvAsync(csv);
        Assert.Equal(["PLANT-A", "PLANT-B", "PLANT-C", "TOTAL"], rows.Select(r => r["enterprise"]));
        foreach (Trader plant in new[] { A, B })
        {
            Dictionary<string, string> row = rows.Single(r => r["enterprise"] == plant.Enterprise);
            Figures expected = Expected(plant.Account, 2022);
            Assert.Equal(expected, Figures.Of(row));
            Assert.NotEqual(expected.Bought, expected.Sold); // so a swap of the columns shows
        }

        // PLANT-C has an obligation but never traded; the totals are the rows' sums, column by column.
        Assert.Equal(new Figures(0, 0, 0, 0), Figures.Of(rows[2]));
        foreach (string column in rows[0].Keys.Skip(3).SkipLast(1))
        {
            Assert.Equal(rows[..^1].Sum(r => Number(r[column])), Number(rows[^1][column]));
        }

        // The January 2023 trades are 2023's and only 2023's (each trade in exactly one year's summary); the
        // December 2021 one is in neither.
        Assert.Contains(_trades, t => t.At.InZone(Shanghai).Date == new LocalDate(2023, 1, 3));
        Assert.Contains(_trades, t => t.At.InZone(Shanghai).Year == 2021);
        var next = new Dictionary<string, Figures>();
        foreach (string line in await File.ReadAllLinesAsync(ndjson))
        {
            using JsonDocument row = JsonDocument.Parse(line);
            next.Add(row.RootElement.GetProperty("enterprise").GetString()!, Figures.Of(row.RootElement));
        }

        Assert.Equal(["PLANT-A", "PLANT-B", "TOTAL"], next.Keys);
        Assert.Equal(Expected(A.Account, 2023), next["PLANT-A"]);
        Assert.Equal(Expected(B.Account, 2023), next["PLANT-B"]);
        Assert.Equal(new Figures(3, 75, 70, 1_159_950), next["TOTAL"]);
        foreach (Trader plant in new[] { A, B })
        {
            Assert.Equal(_trades.Count(t => t.Involves(plant.Account) && t.At.InZone(Shanghai).Year >= 2022),
                Figures.Of(rows.Single(r => r["enterprise"] == plant.Enterprise)).Trades
                + next[plant.Enterprise!].Trades);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An enterprise's figures summed from the fills: trades, tonnes bought and sold, price × tonnes.
    /// </summary>
    private Figures Expected(AccountId account, int year)
    {
        var mine = _trades.Where(t => t.Involves(account) && t.At.InZone(Shanghai).Year == year).ToList();
        return new Figures(mine.Count, mine.Where(t => t.Buyer == account).Sum(t => t.Tonnes),
            mine.Where(t => t.Seller == account).Sum(t => t.Tonnes), mine.Sum(t => checked(t.PriceFen * t.Tonnes)));
    }

    private async Task TradeAndSetObligationsAsync(string schema)
    {
        var clock = new FakeClock(At(2021, 12, 30, 8, 0));
        await using LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = pg.ConnectionString, Schema = schema, Clock = clock,
        });
        await SetUpExchangeAsync(engine);

        // 2021: the fund sells to PLANT-A (before the year).
        await DayAsync(engine, clock, new LocalDate(2021, 12, 30), async () =>
        {
            await SubmitAsync(engine, Limit(X, Side.Sell, 8_000, 10));
            await SubmitAsync(engine, Limit(A, Side.Buy, 8_000, 10));
        });

        // March 2022: A's offer is taken by B and then the fund, whose rest B's sell hits.
        await DayAsync(engine, clock, new LocalDate(2022, 3, 15), async () =>
        {
            await SubmitAsync(engine, Limit(A, Side.Sell, 8_010, 300));
            await SubmitAsync(engine, Limit(B, Side.Buy, 8_050, 200));
            await SubmitAsync(engine, Limit(X, Side.Buy, 8_020, 150));
            await SubmitAsync(engine, Limit(B, Side.Sell, 8_000, 30));
        });

        // June 2022: B's IOC bid sweeps two levels; A buys a block from B in the afternoon.
        await DayAsync(engine, clock, new LocalDate(2022, 6, 15), async () =>
        {
            await SubmitAsync(engine, Limit(X, Side.Sell, 8_030, 40));
            await SubmitAsync(engine, Limit(A, Side.Sell, 8_040, 20));
            await SubmitAsync(engine, Limit(B, Side.Buy, 8_040, 50, TimeInForce.Ioc));
            clock.Reset(At(2022, 6, 15, 13, 30));
            CommandResult posted = await SubmitAsync(engine, new PostBlockOrder(Key(), A.Actor, A.Account, Cea2022,
                Side.Buy, Price.FromFenPerTonne(7_900), Co2e.FromTonnes(120_000), B.Account));
            clock.Reset(At(2022, 6, 15, 13, 35));
            await SubmitAsync(engine, new ConfirmBlockOrder(Key(), B.Actor, B.Account,
                ((BlockOrderPosted)posted.Event!).BlockOrderId));
        });

        // The last trading day of 2022 and the first of 2023.
        await DayAsync(engine, clock, new LocalDate(2022, 12, 30), async () =>
        {
            await SubmitAsync(engine, Limit(B, Side.Sell, 8_000, 25));
            await SubmitAsync(engine, Limit(A, Side.Buy, 8_000, 25));
        });
        await DayAsync(engine, clock, new LocalDate(2023, 1, 3), async () =>
        {
            await SubmitAsync(engine, Limit(A, Side.Sell, 8_000, 70));
            await SubmitAsync(engine, Limit(B, Side.Buy, 8_000, 70));
            await SubmitAsync(engine, Limit(X, Side.Sell, 7_990, 5));
            await SubmitAsync(engine, Limit(A, Side.Buy, 8_000, 5));
        });

        clock.Reset(At(2023, 7, 16, 9, 0));
        await using LedgerWorkflows workflows = await LedgerWorkflows.OpenAsync(engine, pg.ConnectionString, schema,
            DefaultComplianceRules.Create(), clock);
        foreach ((string plant, int year) in new[] { ("PLANT-A", 2022), ("PLANT-B", 2022), ("PLANT-C", 2022),
            ("PLANT-A", 2023), ("PLANT-B", 2023) })
        {
            var actor = ActorId.Of(plant.ToLowerInvariant());
            WorkflowResult<ComplianceRejection> set = await workflows.Compliance.ExecuteAsync(plant, year,
                new SetObligation(plant, AccountId.Of(plant), actor, 1_000_000, 900_000, Regulator, default),
                $"oblig-{year}");
            Assert.True(set.IsAccepted, $"{plant} {year}: {set.Rejection}");
        }
    }

    private async Task SetUpExchangeAsync(LedgerEngine engine)
    {
        var setup = new List<LedgerCommand>
        {
            new OpenAccount(Key(), Regulator, Authority, AccountType.Authority, Regulator),
            new OpenAccount(Key(), Regulator, AccountId.Of("SEEE"), AccountType.ExchangeClearing, Operator),
            new OpenAccount(Key(), Regulator, AccountId.Of("SEEE-FEES"), AccountType.Fee, Operator),
            new OpenAccount(Key(), Regulator, BankAccount, AccountType.SettlementBank, Bank),
        };
        foreach (string plant in new[] { "PLANT-A", "PLANT-B", "PLANT-C" })
        {
            setup.Add(new OpenAccount(Key(), Regulator, AccountId.Of(plant), AccountType.EnterpriseHolding,
                ActorId.Of(plant.ToLowerInvariant())));
        }

        foreach (Trader t in new[] { A, B, X })
        {
            setup.Add(new OpenAccount(Key(), Regulator, t.Account, AccountType.Trading, t.Actor));
            setup.Add(new DepositCash(Key(), Bank, BankAccount, t.Account, Money.FromYuan(20_000_000),
                $"DEP-{t.Account}"));
            setup.Add(new IssueAllowances(Key(), Regulator, Authority, t.Account, Cea2022,
                Co2e.FromTonnes(300_000)));
        }

        setup.Add(new ListInstrument(Key(), Operator, Cea2022, Price.FromFenPerTonne(8_000)));
        foreach (LedgerCommand command in setup)
        {
            await SubmitAsync(engine, command);
        }
    }

    /// <summary>Opens the day at 09:00, trades from 10:00, closes at 15:30 (day orders expire).</summary>
    private async Task DayAsync(LedgerEngine engine, FakeClock clock, LocalDate day, Func<Task> trading)
    {
        clock.Reset(At(day.Year, day.Month, day.Day, 9, 0));
        await SubmitAsync(engine, new OpenTradingDay(Key(), Operator, day));
        clock.Reset(At(day.Year, day.Month, day.Day, 10, 0));
        await trading();
        clock.Reset(At(day.Year, day.Month, day.Day, 15, 30));
        await SubmitAsync(engine, new CloseTradingDay(Key(), Operator, day));
    }

    /// <summary>Submits, requires acceptance, and records every trade the event states.</summary>
    private async Task<CommandResult> SubmitAsync(LedgerEngine engine, LedgerCommand command)
    {
        CommandResult result = await engine.SubmitAsync(command);
        Assert.True(result.Outcome.IsAccepted, $"{command}: {result.Outcome.Rejection}");
        switch (result.Event)
        {
            case OrderPlaced p:
                bool buys = p.Side == Side.Buy;
                _trades.AddRange(p.Fills.Select(f => new Trade(p.At, buys ? p.Account : f.MakerAccount,
                    buys ? f.MakerAccount : p.Account, f.Price.FenPerTonne, f.Quantity.WholeTonnes,
                    f.BuyerFee.Fen + f.SellerFee.Fen)));
                break;
            case BlockTradeConfirmed b:
                _trades.Add(new Trade(b.At, b.Buyer, b.Seller, b.Price.FenPerTonne, b.Quantity.WholeTonnes,
                    b.BuyerFee.Fen + b.SellerFee.Fen));
                break;
            default:
                break;
        }

        return result;
    }

    private PlaceOrder Limit(Trader t, Side side, long fen, long tonnes, TimeInForce tif = TimeInForce.Day) =>
        new(Key(), t.Actor, t.Account, Cea2022, side, OrderType.Limit, tif, Price.FromFenPerTonne(fen),
            Co2e.FromTonnes(tonnes));

    private IdempotencyKey Key() => IdempotencyKey.Of($"trades-{++_key}");

    private static Instant At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private Task<CliProcess.Result> RunAsync(string schema, params string[] args) => CliProcess.RunAsync(
        new Dictionary<string, string?> { ["CARBONLEDGER_CONNECTION"] = pg.ConnectionString },
        [.. args, "--schema", schema]);

    private static async Task<List<Dictionary<string, string>>> CsvAsync(string path)
    {
        string[] lines = await File.ReadAllLinesAsync(path);
        string[] header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    private static long Number(string field) =>
        field.Length == 0 ? 0 : long.Parse(field, CultureInfo.InvariantCulture);

    private async Task<long> ScalarAsync(string sql)
    {
        await using var data = NpgsqlDataSource.Create(pg.ConnectionString);
#pragma warning disable CA2100 // test SQL from constants and generated schema names
        await using NpgsqlCommand command = data.CreateCommand(sql);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private sealed record Trader(string? Enterprise, ActorId Actor, AccountId Account);

    private sealed record Trade(
        Instant At, AccountId Buyer, AccountId Seller, long PriceFen, long Tonnes, long FeesFen)
    {
        public bool Involves(AccountId account) => Buyer == account || Seller == account;
    }

    private sealed record Figures(long Trades, long Bought, long Sold, long Turnover)
    {
        public static Figures Of(Dictionary<string, string> row) => new(Number(row["trades"]),
            Number(row["bought_t"]), Number(row["sold_t"]), Number(row["turnover_fen"]));

        public static Figures Of(JsonElement row) => new(row.GetProperty("trades").GetInt64(),
            row.GetProperty("bought_t").GetInt64(), row.GetProperty("sold_t").GetInt64(),
            row.GetProperty("turnover_fen").GetInt64());
    }
}
