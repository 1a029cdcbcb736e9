using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Testing.Generators;

/// <summary>
/// A seeded stream of order-book steps for differential testing of <see cref="OrderBook"/> against the
/// reference book. Prices cluster in a few dozen ticks around a drifting mid so orders cross often; a
/// small set of traders makes self-trade prevention common; cancels, amends and picks aim at recently used
/// order ids (mostly still resting, some finished or never seen). A share of commands is broken on purpose:
/// outside the session, bad ids, duplicate ids, zero/negative/fractional/oversized quantities, prices off
/// the tick or outside the band, market GTC, foreign cancels, picks of the wrong side or too deep. Trading
/// days roll every few thousand steps with a new previous close, so GTC orders outside the new band are
/// purged and day orders expire. Deterministic for a given seed and rules.
/// </summary>
public sealed class RandomOrderGenerator
{
    private const long Tonne = Co2e.GramsPerTonne;
    private readonly Random _rng;
    private readonly InstrumentId _instrument;
    private readonly MarketRules _rules;
    private readonly DateTimeZone _zone;
    private readonly int _traders;
    private readonly long[] _recent = new long[512];
    private int _recentCount;
    private long _nextId = 1;
    private long _mid;
    private int _stepsToday;
    private int _dayLength;

    private readonly IOrderBook _state;

    /// <summary>
    /// A generator for one book; <see cref="Day"/> is the first day to open the book on. It reads
    /// <paramref name="state"/> (which must see every step) to aim amends and picks at live orders.
    /// </summary>
    public RandomOrderGenerator(
        int seed, InstrumentId instrument, MarketRules rules, DateTimeZone zone, IOrderBook state, int traders = 12)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _state = state;
        _rng = new Random(seed);
        _instrument = instrument;
        _rules = rules;
        _zone = zone;
        _traders = traders;
        Day = TradingDay.Create(new LocalDate(2026, 1, 5), Price.FromYuanPerTonne(80), rules, zone);
        _mid = Day.PreviousClose.FenPerTonne;
        _dayLength = NextDayLength();
    }

    /// <summary>The trading day in force (the first one until a day step is generated).</summary>
    public TradingDay Day { get; private set; }

    /// <summary>The next step.</summary>
    public BookStep Next()
    {
        if (++_stepsToday >= _dayLength)
        {
            return RollDay();
        }

        // The mid drifts slowly so the book keeps crossing near the touch but also builds depth.
        if (_rng.Next(50) == 0)
        {
            _mid = Math.Clamp(_mid + (_rng.Next(-3, 4) * _rules.Tick.FenPerTonne),
                Day.Band.Lower.FenPerTonne + (20 * _rules.Tick.FenPerTonne),
                Day.Band.Upper.FenPerTonne - (20 * _rules.Tick.FenPerTonne));
        }

        int roll = _rng.Next(100);
        OrderCommand command = roll switch
        {
            < 40 => Limit(),
            < 46 => Market(),
            < 60 => Cancel(),
            < 82 => Amend(),
            < 92 => Pick(),
            _ => Broken(),
        };
        return new BookStep(BookStepKind.Command, command, null);
    }

    private BookStep RollDay()
    {
        _stepsToday = 0;
        _dayLength = NextDayLength();
        if (_pendingOpen is { } open)
        {
            _pendingOpen = null;
            Day = open;
            _mid = Math.Clamp(_mid, Day.Band.Lower.FenPerTonne, Day.Band.Upper.FenPerTonne);
            return new BookStep(BookStepKind.OpenDay, default, open);
        }

        // Close (most days) then open the next date with a previous close moved by up to ±12%.
        long drift = _rng.Next(-1_200, 1_201);
        long close = Math.Max(_rules.Tick.FenPerTonne, _mid + (_mid * drift / 10_000));
        close -= close % _rules.Tick.FenPerTonne;
        TradingDay next = TradingDay.Create(Day.Date.PlusDays(1), new Price(close), _rules, _zone);
        if (_rng.Next(5) == 0)
        {
            // Sometimes skip CloseDay: OpenDay must then expire the day orders left over.
            Day = next;
            _mid = Math.Clamp(_mid, Day.Band.Lower.FenPerTonne, Day.Band.Upper.FenPerTonne);
            return new BookStep(BookStepKind.OpenDay, default, next);
        }

        // A few commands arrive between the close and the next open; only cancels may succeed then.
        _pendingOpen = next;
        _stepsToday = _dayLength - _rng.Next(1, 20);
        return new BookStep(BookStepKind.CloseDay, default, null);
    }

    private TradingDay? _pendingOpen;

    private int NextDayLength() => _rng.Next(2_000, 12_000);

    private Instant InSession()
    {
        Instant start = Day.FirstSessionStart;
        return start + Duration.FromMilliseconds(_rng.Next(0, 7_200_000 - 1));
    }

    private TraderId AnyTrader() => new(_rng.Next(1, _traders + 1));

    private Side AnySide() => _rng.Next(2) == 0 ? Side.Buy : Side.Sell;

    private OrderId NewId()
    {
        long id = _nextId++;
        _recent[_recentCount++ % _recent.Length] = id;
        return new OrderId(id);
    }

    private OrderId RecentId() =>
        _recentCount == 0 ? new OrderId(1) : new OrderId(_recent[_rng.Next(Math.Min(_recentCount, _recent.Length))]);

    private Co2e Quantity() => Co2e.FromTonnes(_rng.Next(4) == 0 ? _rng.Next(1, 200) : _rng.Next(1, 20));

    private Price NearMid(Side side)
    {
        // Buys lean below the mid and sells above it, with overlap so a share crosses.
        int offset = _rng.Next(-8, 25);
        long step = offset * _rules.Tick.FenPerTonne;
        long fen = side == Side.Buy ? _mid - step : _mid + step;
        return new Price(Math.Clamp(fen, Day.Band.Lower.FenPerTonne, Day.Band.Upper.FenPerTonne));
    }

    private OrderCommand Limit()
    {
        Side side = AnySide();
        TimeInForce tif = _rng.Next(10) switch
        {
            < 5 => TimeInForce.Gtc,
            < 7 => TimeInForce.Day,
            < 9 => TimeInForce.Ioc,
            _ => TimeInForce.Fok,
        };
        return OrderCommand.Limit(_instrument, NewId(), AnyTrader(), side, NearMid(side), Quantity(), tif, InSession());
    }

    private OrderCommand Market()
    {
        TimeInForce tif = _rng.Next(3) == 0 ? TimeInForce.Fok : TimeInForce.Ioc;
        return OrderCommand.Market(_instrument, NewId(), AnyTrader(), AnySide(), Quantity(), tif, InSession());
    }

    private OrderCommand Cancel() => OrderCommand.Cancel(_instrument, RecentId(), AnyTrader(), InSession());

    private OrderCommand Amend()
    {
        OrderId id = RecentId();
        if (!_state.TryGetOrder(id, out RestingOrder order) || _rng.Next(10) == 0)
        {
            Side side = AnySide();
            return OrderCommand.Amend(_instrument, id, AnyTrader(), NearMid(side), Quantity(), InSession());
        }

        // Mostly the owner; keep price and shrink (keeps priority), keep price and grow, or move the price.
        TraderId trader = _rng.Next(8) == 0 ? AnyTrader() : order.Trader;
        long open = order.Open.Grams;
        return _rng.Next(5) switch
        {
            < 2 => OrderCommand.Amend(_instrument, id, trader, order.Price,
                Co2e.FromTonnes(Math.Max(1, (open / Tonne) - _rng.Next(0, 3))), InSession()),
            2 => OrderCommand.Amend(_instrument, id, trader, order.Price, order.Open + Quantity(), InSession()),
            _ => OrderCommand.Amend(_instrument, id, trader, NearMid(order.Side), order.Open, InSession()),
        };
    }

    private OrderCommand Pick()
    {
        OrderId listing = RecentId();
        if (!_state.TryGetOrder(listing, out RestingOrder order) || _rng.Next(8) == 0)
        {
            return OrderCommand.Pick(_instrument, NewId(), AnyTrader(), AnySide(), listing,
                Co2e.FromTonnes(_rng.Next(1, 12)), InSession());
        }

        // Mostly a valid pick of the other side for at most the listing's quantity.
        Side side = _rng.Next(10) == 0 ? order.Side : order.Side.Opposite();
        long tonnes = Math.Max(1, order.Open.Grams / Tonne);
        Co2e quantity = Co2e.FromTonnes(
            _rng.Next(10) == 0 ? tonnes + 1 : _rng.Next(1, (int)Math.Min(tonnes, 1_000) + 1));
        return OrderCommand.Pick(_instrument, NewId(), AnyTrader(), side, listing, quantity, InSession());
    }

    private OrderCommand Broken()
    {
        Side side = AnySide();
        OrderCommand valid = OrderCommand.Limit(
            _instrument, NewId(), AnyTrader(), side, NearMid(side), Quantity(), TimeInForce.Gtc, InSession());
        return _rng.Next(12) switch
        {
            0 => valid with { At = Day.FirstSessionStart - Duration.FromMinutes(_rng.Next(1, 60)) },
            1 => valid with { At = Day.FirstSessionStart + Duration.FromMinutes(150) }, // 12:00, lunch break
            2 => valid with { Order = new OrderId(-_rng.Next(0, 3)) },
            3 => valid with { Order = RecentId() },
            4 => valid with { Quantity = Co2e.FromGrams(-_rng.Next(0, 2) * Tonne) },
            5 => valid with { Quantity = Co2e.FromGrams((_rng.Next(1, 5) * Tonne) + _rng.Next(1, 999_999)) },
            6 => valid with { Quantity = _rules.MaximumQuantity + Co2e.FromTonnes(_rng.Next(1, 3)) },
            7 => valid with { Price = new Price(valid.Price.FenPerTonne + _rng.Next(1, 5)) },
            8 => valid with { Price = new Price(Day.Band.Upper.FenPerTonne + _rng.Next(1, 300)) },
            9 => valid with { Price = new Price(-_rng.Next(0, 2)) },
            10 => OrderCommand.Market(_instrument, valid.Order, valid.Trader, side, valid.Quantity,
                _rng.Next(2) == 0 ? TimeInForce.Gtc : TimeInForce.Day, valid.At),
            _ => valid with { Price = new Price(Math.Max(1, Day.Band.Lower.FenPerTonne - _rng.Next(1, 300))) },
        };
    }
}
