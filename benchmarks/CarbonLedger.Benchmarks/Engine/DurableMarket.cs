using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Simulation;
using NodaTime;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Seeds an engine with an open exchange (listed CEA-2024, funded trading accounts, a trading day open at 10:00
/// on the engine's <see cref="SimulatedClock"/>) and produces distinct orders on demand: limit orders priced
/// ±0.50 CNY around 80.00, so that about half cross and settle; 70 % GTC, 30 % IOC; 1–50 t.
/// </summary>
internal sealed class DurableMarket(int traders = 1_000)
{
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2024");
    private static readonly ActorId s_regulator = ActorId.Of("mee");
    private static readonly ActorId s_operator = ActorId.Of("seee");
    private static readonly ActorId s_bank = ActorId.Of("bank");
    private static readonly LocalDate s_day = new(2026, 3, 2);
    private long _next;

    /// <summary>A clock inside the trading day's morning session, for the engine this market runs on.</summary>
    public static SimulatedClock Clock() =>
        new(DefaultRuleBook.Shanghai.AtStrictly(s_day + new LocalTime(10, 0)).ToInstant());

    public async Task SeedAsync(LedgerEngine engine)
    {
        var seeding = new List<Task<CommandResult>>
        {
            engine.SubmitAsync(Open("MEE", AccountType.Authority, s_regulator)),
            engine.SubmitAsync(Open("SEEE", AccountType.ExchangeClearing, s_operator)),
            engine.SubmitAsync(Open("SEEE-FEES", AccountType.Fee, s_operator)),
            engine.SubmitAsync(Open("BANK", AccountType.SettlementBank, s_bank)),
        };
        for (int i = 0; i < traders; i++)
        {
            seeding.Add(engine.SubmitAsync(new OpenAccount(IdempotencyKey.Of($"open-{i}"), s_regulator, Id(i),
                AccountType.Trading, Owner(i))));
            seeding.Add(engine.SubmitAsync(new DepositCash(IdempotencyKey.Of($"cash-{i}"), s_bank, AccountId.Of("BANK"),
                Id(i), Money.FromYuan(1_000_000_000), "seed")));
            seeding.Add(engine.SubmitAsync(new IssueAllowances(IdempotencyKey.Of($"issue-{i}"), s_regulator,
                AccountId.Of("MEE"), Id(i), s_cea, Co2e.FromTonnes(10_000_000))));
        }

        seeding.Add(engine.SubmitAsync(new ListInstrument(IdempotencyKey.Of("list"), s_operator, s_cea,
            Price.FromFenPerTonne(8_000))));
        seeding.Add(engine.SubmitAsync(new OpenTradingDay(IdempotencyKey.Of("open-day"), s_operator, s_day)));
        foreach (CommandResult r in await Task.WhenAll(seeding))
        {
            if (!r.Outcome.IsAccepted)
            {
                throw new InvalidOperationException($"market seeding rejected: {r.Outcome.Rejection}");
            }
        }
    }

    /// <summary>A new order under a never-used key.</summary>
    public PlaceOrder NextOrder()
    {
        long n = Interlocked.Increment(ref _next);
        int trader = (int)((n * 7919) % traders);
        Side side = n % 2 == 0 ? Side.Buy : Side.Sell;
        long price = 8_000 + ((n * 104_729) % 101) - 50;
        TimeInForce tif = n % 10 < 3 ? TimeInForce.Ioc : TimeInForce.Gtc;
        return new PlaceOrder(IdempotencyKey.Of($"o-{Environment.ProcessId}-{n}"), Owner(trader), Id(trader), s_cea,
            side, OrderType.Limit, tif, Price.FromFenPerTonne(price), Co2e.FromTonnes(1 + (n % 50)));
    }

    private static OpenAccount Open(string id, AccountType type, ActorId owner) =>
        new(IdempotencyKey.Of($"open-{id}"), s_regulator, AccountId.Of(id), type, owner);

    private static AccountId Id(int i) => AccountId.Of($"T-{i:D5}");

    private static ActorId Owner(int i) => ActorId.Of($"trader-{i:D5}");
}
