using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Reference;
using NodaTime;

namespace CarbonLedger.Testing.Generators;

/// <summary>
/// A seeded stream of timed exchange commands over whole trading days for differential testing. It reads the
/// <see cref="ReferenceLedger"/> to aim most commands at live orders, open declarations and auctions with
/// plausible prices and sizes, and breaks a share on purpose: prices off the band, odd sizes, wrong owners,
/// closed markets, lunch-break and out-of-window times, over-sized picks and withdrawals, reused keys.
/// Every day opens at 09:00, runs its commands at increasing times and usually closes at 15:30.
/// </summary>
public sealed class RandomExchangeGenerator
{
    public const string Operator = "seee";
    public const string Bank = "bank";

    private static readonly string[] s_traders = ["T-1", "T-2", "T-3", "T-4", "T-5", "T-6"];
    private static readonly string[] s_instruments = ["CEA-2024", "CEA-2025", "CCER-2023"];
    private static readonly DateTimeZone s_zone = DefaultRuleBook.Shanghai;

    private readonly Random _rng;
    private readonly ReferenceLedger _state;
    private readonly CommandFactory _c = new();
    private readonly Queue<(LedgerCommand, Instant)> _queue = new();
    private readonly List<LedgerCommand> _sent = [];
    private LocalDate _day = new(2026, 3, 2);
    private Instant _now;
    private int _stepsLeftToday;
    private int _stepsPerDay = 50;

    /// <summary>Creates the generator; <paramref name="state"/> must see every command emitted, at its time.</summary>
    public RandomExchangeGenerator(int seed, ReferenceLedger state)
    {
        _rng = new Random(seed);
        _state = state;
        _now = At(_day, 8, 0);
        Bootstrap();
    }

    /// <summary>The next command and the instant it is submitted at.</summary>
    public (LedgerCommand Command, Instant At) Next()
    {
        if (_queue.Count == 0)
        {
            Plan();
        }

        (LedgerCommand command, Instant at) = _queue.Dequeue();
        _sent.Add(command);
        return (command, at);
    }

    private void Bootstrap()
    {
        Add(_c.Open("reg", "MEE", AccountType.Authority));
        Add(_c.Open("reg", "SEEE", AccountType.ExchangeClearing, Operator));
        Add(_c.Open("reg", "SEEE-FEES", AccountType.Fee, Operator));
        Add(_c.Open("reg", "BANK", AccountType.SettlementBank, Bank));
        Add(_c.Open("reg", "E-1", AccountType.EnterpriseHolding, "u1"));
        for (int i = 0; i < s_traders.Length; i++)
        {
            Add(_c.Open("reg", s_traders[i], AccountType.Trading, Owner(s_traders[i])));
            Add(_c.Deposit(Bank, "BANK", s_traders[i], _rng.Next(1, 40) * 100_000L));
            Add(_c.IssueAllowances("reg", "MEE", s_traders[i], "CEA-2024", _rng.Next(0, 30) * 1_000L + 1));
            Add(_c.IssueAllowances("reg", "MEE", s_traders[i], "CEA-2025", _rng.Next(0, 30) * 1_000L + 1));
            Add(_c.IssueCredits("reg", "MEE", s_traders[i], "CCER-2023", (i * 100_000) + 1, (i * 100_000) + 5_000));
        }

        // Two large traders, so that block trades (≥ 100,000 t) can be covered.
        foreach (string big in s_traders[..3])
        {
            Add(_c.Deposit(Bank, "BANK", big, 60_000_000));
            Add(_c.IssueAllowances("reg", "MEE", big, "CEA-2024", 400_000));
            Add(_c.IssueAllowances("reg", "MEE", big, "CEA-2025", 400_000));
        }

        Add(_c.List(Operator, "CEA-2024", 8_000));
        Add(_c.List(Operator, "CEA-2025", 6_000));
        Add(_c.List(Operator, "CCER-2023", 5_000));
        _stepsLeftToday = 0;
    }

    /// <summary>Queues the next few commands: a day roll when the day's steps are used up, else one step.</summary>
    private void Plan()
    {
        if (_stepsLeftToday == 0)
        {
            RollDay();
            return;
        }

        _stepsLeftToday--;
        // Times climb through the day from 09:20 to about 15:10: both sessions, the lunch break and a little
        // after the close, so a share of orders is outside the sessions.
        _now += Duration.FromSeconds(_rng.Next(10, 2 * 21_000 / _stepsPerDay));
        Add(RandomCommand());
    }

    private void RollDay()
    {
        if (_state.OpenTradingDate is { } open)
        {
            if (_rng.Next(20) == 0)
            {
                // A forgetful operator: tries the next day first (refused), then closes.
                Add(_c.OpenDay(Operator, _day.PlusDays(1)), At(_day, 15, 31));
            }

            Add(_c.CloseDay(Operator, open), At(_day, 15, 30));
        }

        _day = DefaultRuleBook.Create().Calendar.NextTradingDay(_day);
        Add(_c.OpenDay(Operator, _day), At(_day, 9, 0));
        _now = At(_day, 9, 20);
        _stepsPerDay = _rng.Next(30, 80);
        _stepsLeftToday = _stepsPerDay;
    }

    private LedgerCommand RandomCommand()
    {
        int roll = _rng.Next(100);
        return roll switch
        {
            < 34 => LimitOrder(),
            < 40 => MarketOrder(),
            < 46 => Pick(),
            < 56 => Cancel(),
            < 66 => Amend(),
            < 70 => _c.Deposit(Bank, "BANK", Trader(), _rng.Next(1, 2_000) * 1_000L),
            < 73 => _c.Withdraw(Bank, "BANK", Trader(), _rng.Next(1, 3_000) * 1_000L),
            < 77 when Afternoon || _rng.Next(5) == 0 => PostBlock(),
            < 80 when Afternoon || _rng.Next(5) == 0 => ConfirmBlock(),
            < 81 => WithdrawBlock(),
            < 83 => Announce(),
            < 88 => Bid(),
            < 90 => CloseAuction(),
            < 92 => _c.IssueAllowances("reg", "MEE", Trader(), Pick(s_instruments[..2]), _rng.Next(1, 5_000)),
            < 93 when _rng.Next(4) == 0 => _c.Suspend("reg", Trader()),
            < 95 => Reinstate(),
            < 97 when _sent.Count > 0 => _sent[_rng.Next(_sent.Count)], // a retry: same key, same command
            _ => LimitOrder(),
        };
    }

    private bool Afternoon => _now.InZone(s_zone).TimeOfDay >= new LocalTime(13, 0);

    /// <summary>Reinstates a suspended trading account when there is one (else a refused reinstatement).</summary>
    private ReinstateAccount Reinstate()
    {
        string[] suspended = [.. s_traders.Where(t =>
            _state.FindAccount(CommandFactory.Acc(t))?.Status == AccountStatus.Suspended)];
        return _c.Reinstate("reg", suspended.Length > 0 ? Pick(suspended) : Trader());
    }

    private PlaceOrder LimitOrder()
    {
        string account = Trader();
        string instrument = Pick(s_instruments);
        long price = PriceNear(instrument, _rng.Next(4) == 0 ? 0.12 : 0.02);
        long tonnes = _rng.Next(20) switch
        {
            0 => 0,
            1 => 100_000,
            _ => _rng.Next(1, 3_000),
        };
        var tif = (TimeInForce)_rng.Next(1, 5);
        PlaceOrder order = _c.Limit(ActorOf(account), account, instrument, RandomSide(), price, tonnes, tif);
        return _rng.Next(40) == 0 ? order with { Quantity = Co2e.FromGrams((tonnes * 1_000_000) + 1) } : order;
    }

    private PlaceOrder MarketOrder()
    {
        string account = Trader();
        var tif = _rng.Next(10) == 0 ? TimeInForce.Gtc : _rng.Next(2) == 0 ? TimeInForce.Ioc : TimeInForce.Fok;
        return _c.Market(ActorOf(account), account, Pick(s_instruments), RandomSide(), _rng.Next(1, 2_000), tif);
    }

    private PlaceOrder Pick()
    {
        var live = _state.AllLiveOrders().ToList();
        if (live.Count == 0)
        {
            return LimitOrder();
        }

        LiveOrderInfo listing = live[_rng.Next(live.Count)];
        string account = Trader();
        long tonnes = Math.Max(1, _rng.Next(1, (int)Math.Min(listing.Open.WholeTonnes + 2, 3_000)));
        Side side = _rng.Next(10) == 0 ? listing.Side : listing.Side == Side.Buy ? Side.Sell : Side.Buy;
        return _c.Pick(ActorOf(account), account, listing.Instrument.ToString(), side, listing.OrderId, tonnes);
    }

    private CancelOrder Cancel()
    {
        var live = _state.AllLiveOrders().ToList();
        if (live.Count == 0 || _rng.Next(15) == 0)
        {
            return _c.CancelOrder(ActorOf("T-1"), "T-1", _rng.Next(1, 10_000));
        }

        LiveOrderInfo o = live[_rng.Next(live.Count)];
        string account = _rng.Next(12) == 0 ? Trader() : o.Account.Value;
        return _c.CancelOrder(ActorOf(account), account, o.OrderId);
    }

    private LedgerCommand Amend()
    {
        var live = _state.AllLiveOrders().ToList();
        if (live.Count == 0)
        {
            return LimitOrder();
        }

        LiveOrderInfo o = live[_rng.Next(live.Count)];
        string instrument = o.Instrument.ToString();
        long price = _rng.Next(3) == 0 ? o.Limit.FenPerTonne : PriceNear(instrument, 0.11);
        long tonnes = Math.Max(0, o.Open.WholeTonnes + _rng.Next(-200, 200));
        return _c.Amend(ActorOf(o.Account.Value), o.Account.Value, o.OrderId, price, tonnes);
    }

    private PostBlockOrder PostBlock()
    {
        string account = BlockTrader();
        string instrument = Pick(s_instruments[..2]);
        long tonnes = _rng.Next(5) == 0 ? 99_999 : 100_000 + _rng.Next(0, 20) * 1_000;
        string? counterparty = _rng.Next(2) == 0 ? BlockTrader() : null;
        return _c.Block(ActorOf(account), account, instrument, RandomSide(), PriceNear(instrument, 0.33), tonnes,
            counterparty);
    }

    private LedgerCommand ConfirmBlock()
    {
        var blocks = _state.AllBlockOrders().ToList();
        if (blocks.Count == 0)
        {
            return PostBlock();
        }

        BlockOrderInfo b = blocks[_rng.Next(blocks.Count)];
        string account = b.Counterparty is { } named && _rng.Next(4) != 0 ? named.Value : BlockTrader();
        return _c.Confirm(ActorOf(account), account, b.BlockOrderId);
    }

    private LedgerCommand WithdrawBlock()
    {
        var blocks = _state.AllBlockOrders().ToList();
        if (blocks.Count == 0)
        {
            return PostBlock();
        }

        BlockOrderInfo b = blocks[_rng.Next(blocks.Count)];
        string account = _rng.Next(5) == 0 ? Trader() : b.Account.Value;
        return _c.WithdrawBlock(ActorOf(account), account, b.BlockOrderId);
    }

    private AnnounceAuction Announce()
    {
        string account = Trader();
        string instrument = Pick(s_instruments);
        Instant start = _now + Duration.FromMinutes(_rng.Next(-30, 10));
        Instant end = start + Duration.FromMinutes(_rng.Next(-5, 240));
        var pricing = _rng.Next(2) == 0 ? AuctionPricing.PayAsBid : AuctionPricing.Uniform;
        return _c.Auction(ActorOf(account), account, instrument, _rng.Next(1, 5_000), PriceNear(instrument, 0.1),
            start, end, pricing);
    }

    private LedgerCommand Bid()
    {
        var auctions = _state.OpenAuctions().ToList();
        if (auctions.Count == 0)
        {
            return Announce();
        }

        var a = auctions[_rng.Next(auctions.Count)];
        string account = Trader();
        long price = a.Floor + _rng.Next(-50, 400);
        long tonnes = Math.Max(1, (a.Quantity / 1_000_000) * _rng.Next(1, 60) / 100 + _rng.Next(0, 3));
        return _c.Bid(ActorOf(account), account, a.Id, price, tonnes);
    }

    private LedgerCommand CloseAuction()
    {
        var auctions = _state.OpenAuctions().ToList();
        if (auctions.Count == 0)
        {
            return Announce();
        }

        var a = auctions[_rng.Next(auctions.Count)];
        return _c.CloseAuction(_rng.Next(10) == 0 ? "alice" : Operator, a.Id);
    }

    private long PriceNear(string instrument, double spread)
    {
        long reference = _state.Listings().Where(l => l.Instrument.ToString() == instrument)
            .Select(l => l.PreviousClose).DefaultIfEmpty(8_000).First();
        // Deliberately a double here: only for choosing test prices, never for a ledger amount.
        long delta = (long)(reference * spread * ((_rng.NextDouble() * 2) - 1));
        return Math.Max(1, reference + delta);
    }

    private string Trader() => _rng.Next(30) == 0 ? "E-1" : s_traders[_rng.Next(s_traders.Length)];

    /// <summary>A party to a block trade: mostly one of the large traders.</summary>
    private string BlockTrader() => _rng.Next(4) == 0 ? Trader() : s_traders[_rng.Next(3)];

    private string ActorOf(string account) => _rng.Next(30) == 0 ? "mallory" : Owner(account);

    private static string Owner(string account) => account == "E-1" ? "u1" : "u" + account[^1];

    private Side RandomSide() => _rng.Next(2) == 0 ? Side.Buy : Side.Sell;

    private T Pick<T>(T[] items) => items[_rng.Next(items.Length)];

    private void Add(LedgerCommand command, Instant? at = null) => _queue.Enqueue((command, at ?? _now));

    private static Instant At(LocalDate date, int hour, int minute) =>
        s_zone.AtStrictly(date + new LocalTime(hour, minute)).ToInstant();
}
