using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Engine.Simulation;

/// <summary>
/// A market of <see cref="SimulationOptions.Traders"/> trading accounts run through the durable engine for a
/// number of trading days (issue #4): short enterprises that buy, long ones that sell and market makers
/// quoting both sides around a fair-value random walk; a few block trades in the afternoons and one one-way
/// auction. Every step submits its orders together (group commit) in a fixed order, so a seed gives the same
/// journal. The engine must run on the simulation's <see cref="SimulatedClock"/>. At the end the core's
/// invariants are checked: units and cash conserved, every hold accounted for.
/// </summary>
public sealed partial class MarketSimulation
{
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2024");
    private static readonly ActorId s_regulator = ActorId.Of("sim-reg");
    private static readonly ActorId s_operator = ActorId.Of("sim-seee");
    private static readonly ActorId s_bank = ActorId.Of("sim-bank");
    private static readonly AccountId s_authority = AccountId.Of("SIM-MEE");
    private static readonly AccountId s_bankAccount = AccountId.Of("SIM-BANK");
    private static readonly DateTimeZone s_zone = DefaultRuleBook.Shanghai;

    private readonly LedgerEngine _engine;
    private readonly SimulatedClock _clock;
    private readonly SimulationOptions _options;
    private readonly Random _rng;
    private readonly Dictionary<int, List<long>> _resting = [];
    private readonly SimulationTally _tally = new();
    private long _fair = 8_000;
    private int _key;

    /// <summary>A simulation on <paramref name="engine"/>, which must run on <paramref name="clock"/>.</summary>
    public MarketSimulation(LedgerEngine engine, SimulatedClock clock, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Days);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Traders, 3);
        _engine = engine;
        _clock = clock;
        _options = options;
        _rng = new Random(options.Seed);
    }

    /// <summary>Called after each trading day closes.</summary>
    public Action<SimulatedDay>? DayClosed { get; init; }

    /// <summary>Called for every command the engine acknowledged as accepted (it is durable).</summary>
    public Action<LedgerCommand>? Acknowledged { get; init; }

    /// <summary>Runs the whole simulation.</summary>
    public async Task<SimulationResult> RunAsync(CancellationToken ct = default)
    {
        LocalDate day = _options.Start;
        if (!DefaultRuleBook.Create().Calendar.IsTradingDay(day))
        {
            day = DefaultRuleBook.Create().Calendar.NextTradingDay(day);
        }

        _clock.Set(At(day, 8, 0));
        await SetUpAsync(ct);
        for (int d = 0; d < _options.Days; d++)
        {
            ct.ThrowIfCancellationRequested();
            await TradeDayAsync(d, day, ct);
            day = DefaultRuleBook.Create().Calendar.NextTradingDay(day);
        }

        return await FinishAsync(ct);
    }

    private async Task SetUpAsync(CancellationToken ct)
    {
        var setup = new List<LedgerCommand>
        {
            new OpenAccount(Key("setup"), s_regulator, s_authority, AccountType.Authority, s_regulator),
            new OpenAccount(Key("setup"), s_regulator, AccountId.Of("SIM-SEEE"), AccountType.ExchangeClearing,
                s_operator),
            new OpenAccount(Key("setup"), s_regulator, AccountId.Of("SIM-SEEE-FEES"), AccountType.Fee, s_operator),
            new OpenAccount(Key("setup"), s_regulator, s_bankAccount, AccountType.SettlementBank, s_bank),
        };
        for (int t = 0; t < _options.Traders; t++)
        {
            (long cashYuan, long tonnes) = Kind(t) switch
            {
                TraderKind.Short => (500_000_000L, 20_000L),
                TraderKind.Long => (5_000_000L, 2_000_000L),
                _ => (200_000_000L, 500_000L),
            };
            setup.Add(new OpenAccount(Key("setup"), s_regulator, Trader(t), AccountType.Trading, Owner(t)));
            setup.Add(new DepositCash(Key("setup"), s_bank, s_bankAccount, Trader(t), Money.FromYuan(cashYuan),
                $"SIM-DEP-{t}"));
            setup.Add(new IssueAllowances(Key("setup"), s_regulator, s_authority, Trader(t), s_cea,
                Co2e.FromTonnes(tonnes)));
        }

        setup.Add(new ListInstrument(Key("setup"), s_operator, s_cea, Price.FromFenPerTonne(_fair)));
        await SubmitAllAsync(setup, ct);
    }

    private async Task<SimulationResult> FinishAsync(CancellationToken ct)
    {
        (long sequence, Money fees, Money deposited, Money held, long trades) = await _engine.ReadAsync(l =>
        {
            LedgerInvariants.AssertAll(l);
            long cash = l.AllCash().Sum(c => c.Cash.Total.Fen);
            return (l.Sequence, l.ExchangeFeeAccount is { } f ? l.GetCash(f).Total : Money.Zero, l.CashDeposited,
                new Money(cash), l.TradeCount);
        }, ct);
        return new SimulationResult(_tally.Days, _tally.Submitted, _tally.Accepted, _tally.Rejected, trades,
            _tally.BlockTrades, _tally.AuctionAllocations, fees, deposited, held, sequence);
    }

    private static TraderKind Kind(int trader) => (TraderKind)(trader % 3);

    private IdempotencyKey Key(string what) => IdempotencyKey.Of($"sim-{_options.Seed}-{what}-{++_key}");

    private static AccountId Trader(int t) => AccountId.Of($"SIM-T-{t:D4}");

    private static ActorId Owner(int t) => ActorId.Of($"sim-t-{t:D4}");

    private static Instant At(LocalDate date, int hour, int minute) =>
        s_zone.AtStrictly(date + new LocalTime(hour, minute)).ToInstant();

    private enum TraderKind
    {
        Short = 0,
        Long = 1,
        Maker = 2,
    }
}
