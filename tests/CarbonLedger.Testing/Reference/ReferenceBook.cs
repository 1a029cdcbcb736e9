using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Testing.Reference;

/// <summary>
/// A naive, obviously correct order book: the test oracle for <see cref="OrderBook"/>, written from
/// docs/reference/matching.md only. Bids and asks are sorted dictionaries of price → list of orders in time
/// order; orders are mutable objects in a dictionary by id. Slow and allocating on purpose: every step is
/// the plainest reading of the rule, and the fast book must produce the same outputs and snapshot.
/// </summary>
public sealed partial class ReferenceBook : IOrderBook
{
    private readonly SortedDictionary<long, List<Order>> _bids = new(Comparer<long>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, List<Order>> _asks = new();
    private readonly Dictionary<long, Order> _byId = [];
    private long _lastTradeId;

    /// <summary>An empty book for <paramref name="instrument"/> on <paramref name="day"/>.</summary>
    public ReferenceBook(InstrumentId instrument, TradingDay day)
    {
        Instrument = instrument;
        Day = day;
    }

    /// <inheritdoc />
    public InstrumentId Instrument { get; }

    /// <inheritdoc />
    public TradingDay Day { get; private set; }

    /// <inheritdoc />
    public int RestingCount => _byId.Count;

    /// <inheritdoc />
    public bool DayClosed { get; private set; }

    /// <summary>Rebuilds a book from a snapshot.</summary>
    public static ReferenceBook Restore(ReadOnlySpan<byte> snapshot)
    {
        BookSnapshotContent content = BookSnapshot.Read(snapshot);
        var book = new ReferenceBook(content.Instrument, content.Day)
        {
            _lastTradeId = content.LastTradeId,
            DayClosed = content.DayClosed,
        };
        foreach (RestingOrder o in content.Bids.Concat(content.Asks))
        {
            book.Rest(new Order(o.Id.Value, o.Trader.Value, o.Side, o.Price.FenPerTonne, o.Open.Grams, o.TimeInForce));
        }

        return book;
    }

    /// <inheritdoc />
    public void OpenDay(TradingDay day, BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(output);
        if (day.Date <= Day.Date)
        {
            throw new InvalidOperationException($"trading day {day.Date} does not follow {Day.Date}");
        }

        Day = day;
        DayClosed = false;
        foreach (Order o in InPriorityOrder())
        {
            if (o.Tif == TimeInForce.Day)
            {
                Remove(o);
                output.Add(Cancelled(o, o.Open, CancelReason.Expired));
            }
            else if (!day.Band.Contains(new Price(o.Price)) || o.Price % day.Rules.Tick.FenPerTonne != 0)
            {
                Remove(o);
                output.Add(Cancelled(o, o.Open, CancelReason.PriceNoLongerValid));
            }
        }
    }

    /// <inheritdoc />
    public void CloseDay(BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (Order o in InPriorityOrder().Where(o => o.Tif == TimeInForce.Day))
        {
            Remove(o);
            output.Add(Cancelled(o, o.Open, CancelReason.Expired));
        }

        DayClosed = true;
    }

    /// <inheritdoc />
    public bool TryGetOrder(OrderId id, out RestingOrder order)
    {
        bool found = _byId.TryGetValue(id.Value, out Order? o);
        order = found ? ToResting(o!) : default;
        return found;
    }

    /// <inheritdoc />
    public int CopyDepth(Side side, Span<DepthLevel> levels)
    {
        var book = side == Side.Buy ? _bids : _asks;
        int n = 0;
        foreach (var (price, queue) in book)
        {
            if (n == levels.Length)
            {
                break;
            }

            levels[n++] = new DepthLevel(new Price(price), new Co2e(queue.Sum(o => o.Open)), queue.Count);
        }

        return n;
    }

    /// <inheritdoc />
    public byte[] Snapshot() => BookSnapshot.Write(
        Instrument, Day, DayClosed, _lastTradeId,
        [.. _bids.Values.SelectMany(q => q).Select(ToResting)],
        [.. _asks.Values.SelectMany(q => q).Select(ToResting)]);

    private static RestingOrder ToResting(Order o) =>
        new(new OrderId(o.Id), new TraderId(o.Trader), o.Side, new Price(o.Price), new Co2e(o.Open), o.Tif);

    private List<Order> InPriorityOrder() => [.. _bids.Values.SelectMany(q => q), .. _asks.Values.SelectMany(q => q)];

    private SortedDictionary<long, List<Order>> SideOf(Side side) => side == Side.Buy ? _bids : _asks;

    private void Rest(Order o)
    {
        var book = SideOf(o.Side);
        if (!book.TryGetValue(o.Price, out List<Order>? queue))
        {
            queue = [];
            book.Add(o.Price, queue);
        }

        queue.Add(o);
        _byId.Add(o.Id, o);
    }

    private void Remove(Order o)
    {
        var book = SideOf(o.Side);
        List<Order> queue = book[o.Price];
        queue.Remove(o);
        if (queue.Count == 0)
        {
            book.Remove(o.Price);
        }

        _byId.Remove(o.Id);
    }

    private static BookEvent Cancelled(Order o, long quantity, CancelReason reason) =>
        BookEvent.Cancelled(
            new OrderId(o.Id), new TraderId(o.Trader), o.Side, new Price(o.Price), new Co2e(quantity), reason);

    private sealed class Order(long id, int trader, Side side, long price, long open, TimeInForce tif)
    {
        public long Id { get; } = id;

        public int Trader { get; } = trader;

        public Side Side { get; } = side;

        public long Price { get; set; } = price;

        public long Open { get; set; } = open;

        public TimeInForce Tif { get; } = tif;
    }
}
