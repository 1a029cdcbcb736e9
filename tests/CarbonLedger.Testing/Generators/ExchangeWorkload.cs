using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Testing.Generators;

/// <summary>
/// An exchange-core-like stream through the whole exchange core (order → hold → match → DvP settlement → fees)
/// for benchmarks and the allocation gate: one listed book (CEA-2024, reference 80.00), <c>traders</c> funded
/// trading accounts, a pre-load of passive GTC orders, then 9 % GTC (passive, or crossing at the opposite best),
/// 3 % IOC at the opposite best, 6 % cancels and 82 % moves (an amend to a new passive price, same quantity).
/// Every command is accepted: the generator runs each one through a real <see cref="Ledger"/> as it writes it
/// and aims cancels and moves at orders that rest at that moment. Times: one trading day from 10:00, 1 µs
/// apart. Deterministic for a seed.
/// </summary>
public sealed class ExchangeWorkload
{
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2024");
    private static readonly ActorId s_operator = ActorId.Of("seee");
    private static readonly ActorId s_bank = ActorId.Of("bank");
    private static readonly ActorId s_regulator = ActorId.Of("reg");
    private static readonly LocalDate s_day = new(2026, 3, 2);

    private ExchangeWorkload(List<(LedgerCommand, Instant)> setup, (LedgerCommand, Instant)[] stream,
        LedgerLimits limits, int trades, int peakResting)
    {
        Setup = setup;
        Stream = stream;
        Limits = limits;
        Trades = trades;
        PeakResting = peakResting;
    }

    /// <summary>The market set-up: accounts, cash, units, the listing, the day's open and the pre-load.</summary>
    public IReadOnlyList<(LedgerCommand Command, Instant At)> Setup { get; }

    /// <summary>The measured stream.</summary>
    public (LedgerCommand Command, Instant At)[] Stream { get; }

    /// <summary>Limits sized so that the stream never grows a table.</summary>
    public LedgerLimits Limits { get; }

    /// <summary>How many trades the stream makes.</summary>
    public int Trades { get; }

    /// <summary>The most orders resting at once.</summary>
    public int PeakResting { get; }

    /// <summary>A fresh ledger after the set-up, ready for the stream.</summary>
    public Ledger NewLedger()
    {
        var ledger = new Ledger(Limits);
        foreach ((LedgerCommand command, Instant at) in Setup)
        {
            Require(ledger.Execute(command, at), command);
        }

        return ledger;
    }

    /// <summary>A fresh naive oracle after the set-up (the benchmark baseline).</summary>
    public Reference.ReferenceLedger NewReference()
    {
        var reference = new Reference.ReferenceLedger(Limits);
        foreach ((LedgerCommand command, Instant at) in Setup)
        {
            Require(reference.Execute(command, at), command);
        }

        return reference;
    }

    /// <summary>Generates the set-up and a stream of <paramref name="commands"/>.</summary>
    public static ExchangeWorkload Create(int seed, int commands, int traders = 1_000, int preload = 1_000)
    {
        var limits = LedgerLimits.Default with
        {
            IdempotencyCapacity = commands + (traders * 4) + preload + 64,
            AccountCapacity = Math.Max(4_096, traders * 2),
            OrderCapacity = Math.Max(4_096, preload * 4),
        };
        var g = new Builder(seed, traders, limits);
        List<(LedgerCommand, Instant)> setup = g.SetUp(preload);
        var stream = new (LedgerCommand, Instant)[commands];
        for (int i = 0; i < commands; i++)
        {
            stream[i] = g.Next();
        }

        return new ExchangeWorkload(setup, stream, limits, g.Trades, g.PeakResting);
    }

    private static void Require(CommandOutcome outcome, LedgerCommand command)
    {
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"workload command refused ({outcome.Rejection}): {command}");
        }
    }

    /// <summary>Writes commands while running them through a real ledger, so that each is accepted.</summary>
    private sealed class Builder(int seed, int traders, LedgerLimits limits)
    {
        private readonly Random _rng = new(seed);
        private readonly Ledger _ledger = new(limits);
        private readonly List<long> _live = [];
        private readonly DepthLevel[] _depth = new DepthLevel[1];
        private Instant _now = DefaultRuleBook.Shanghai.AtStrictly(s_day + new LocalTime(9, 0)).ToInstant();
        private long _key;

        public int Trades { get; private set; }

        public int PeakResting { get; private set; }

        public List<(LedgerCommand, Instant)> SetUp(int preload)
        {
            var setup = new List<(LedgerCommand, Instant)>();
            void Add(LedgerCommand c) => setup.Add(Run(c));
            Add(new OpenAccount(Key(), s_regulator, Acc("MEE"), AccountType.Authority, s_regulator));
            Add(new OpenAccount(Key(), s_regulator, Acc("SEEE"), AccountType.ExchangeClearing, s_operator));
            Add(new OpenAccount(Key(), s_regulator, Acc("SEEE-FEES"), AccountType.Fee, s_operator));
            Add(new OpenAccount(Key(), s_regulator, Acc("BANK"), AccountType.SettlementBank, s_bank));
            for (int t = 0; t < traders; t++)
            {
                Add(new OpenAccount(Key(), s_regulator, Trader(t), AccountType.Trading, Owner(t)));
                Add(new DepositCash(Key(), s_bank, Acc("BANK"), Trader(t), Money.FromYuan(1_000_000_000), "seed"));
                Add(new IssueAllowances(Key(), s_regulator, Acc("MEE"), Trader(t), s_cea, Co2e.FromTonnes(10_000_000)));
            }

            Add(new ListInstrument(Key(), s_operator, s_cea, Price.FromFenPerTonne(8_000)));
            Add(new OpenTradingDay(Key(), s_operator, s_day));
            _now = DefaultRuleBook.Shanghai.AtStrictly(s_day + new LocalTime(10, 0)).ToInstant();
            for (int i = 0; i < preload; i++)
            {
                Side side = i % 2 == 0 ? Side.Buy : Side.Sell;
                Add(Limit(side, Passive(side), _rng.Next(1, 101), TimeInForce.Gtc));
            }

            return setup;
        }

        public (LedgerCommand, Instant) Next()
        {
            int roll = _rng.Next(100);
            LedgerCommand command = roll switch
            {
                < 9 => NewGtc(),
                < 12 => Ioc(),
                < 18 when _live.Count > 0 => Cancel(),
                < 100 when _live.Count > 0 => Move(),
                _ => NewGtc(),
            };
            return Run(command);
        }

        private PlaceOrder NewGtc()
        {
            Side side = _rng.Next(2) == 0 ? Side.Buy : Side.Sell;
            bool cross = _live.Count >= 1_000 && _rng.Next(2) == 0 && Opposite(side) is not null;
            return cross
                ? Limit(side, Opposite(side)!.Value, _rng.Next(1, 11), TimeInForce.Gtc)
                : Limit(side, Passive(side), _rng.Next(1, 101), TimeInForce.Gtc);
        }

        private PlaceOrder Ioc()
        {
            Side side = _rng.Next(2) == 0 ? Side.Buy : Side.Sell;
            long price = Opposite(side) ?? Passive(side);
            return Limit(side, price, _rng.Next(1, 11), TimeInForce.Ioc);
        }

        private CancelOrder Cancel()
        {
            LiveOrderInfo o = RandomLive();
            return new CancelOrder(Key(), OwnerOf(o.Account), o.Account, o.OrderId);
        }

        private AmendOrder Move()
        {
            LiveOrderInfo o = RandomLive();
            long price = Passive(o.Side);
            if (price == o.Limit.FenPerTonne)
            {
                price += o.Side == Side.Buy ? -1 : 1;
            }

            return new AmendOrder(Key(), OwnerOf(o.Account), o.Account, o.OrderId, Price.FromFenPerTonne(price), o.Open);
        }

        /// <summary>A live order chosen uniformly (finished ones are dropped from the list on the way).</summary>
        private LiveOrderInfo RandomLive()
        {
            while (true)
            {
                int i = _rng.Next(_live.Count);
                if (_ledger.FindLiveOrder(_live[i]) is { } o)
                {
                    return o;
                }

                _live[i] = _live[^1];
                _live.RemoveAt(_live.Count - 1);
            }
        }

        /// <summary>A price that cannot cross: up to 500 ticks behind the opposite best (or the reference).</summary>
        private long Passive(Side side)
        {
            long best = Opposite(side) ?? 8_000;
            long behind = _rng.Next(1, 501);
            return side == Side.Buy
                ? Math.Max(7_200, Math.Min(7_999, best - behind))
                : Math.Min(8_800, Math.Max(8_001, best + behind));
        }

        /// <summary>The opposite side's best price, or null when that side is empty.</summary>
        private long? Opposite(Side side) =>
            _ledger.CopyDepth(s_cea, side == Side.Buy ? Side.Sell : Side.Buy, _depth) > 0
                ? _depth[0].Price.FenPerTonne
                : null;

        private PlaceOrder Limit(Side side, long price, long tonnes, TimeInForce tif)
        {
            int t = _rng.Next(traders);
            return new PlaceOrder(Key(), Owner(t), Trader(t), s_cea, side, OrderType.Limit, tif,
                Price.FromFenPerTonne(price), Co2e.FromTonnes(tonnes));
        }

        private (LedgerCommand, Instant) Run(LedgerCommand command)
        {
            long tradesBefore = _ledger.TradeCount;
            CommandOutcome outcome = _ledger.Execute(command, _now);
            Require(outcome, command);
            Trades += (int)(_ledger.TradeCount - tradesBefore);
            if (command is PlaceOrder order)
            {
                // Each accepted order takes the next id (no declarations or auctions in this stream).
                _placed++;
                if (order.TimeInForce == TimeInForce.Gtc && _ledger.FindLiveOrder(_placed) is not null)
                {
                    _live.Add(_placed);
                }
            }

            PeakResting = Math.Max(PeakResting, _live.Count);
            (LedgerCommand, Instant) step = (command, _now);
            _now += Duration.FromTicks(10);
            return step;
        }

        private long _placed;

        private IdempotencyKey Key() => IdempotencyKey.Of($"x{seed}-{++_key}");

        private static AccountId Trader(int t) => AccountId.Of($"T-{t:D5}");

        private static ActorId Owner(int t) => ActorId.Of($"u{t:D5}");

        private static ActorId OwnerOf(AccountId account) => ActorId.Of("u" + account.Value[2..]);

        private static AccountId Acc(string id) => AccountId.Of(id);
    }
}
