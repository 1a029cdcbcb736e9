using System.Buffers;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// The production price-time priority book for one instrument (docs/reference/matching.md). Allocation
/// free in steady state (performance.md §6.1): orders live in a pooled struct array linked by integer
/// indices; price levels are a struct array indexed by price within the day's band (every resting order is
/// inside it); an occupancy <see cref="LevelBitmap"/> per side finds the next best level without scanning;
/// order ids map to slots through an open-addressing table. Outputs go to the caller's
/// <see cref="BookOutput"/>. Single-threaded: the engine's writer owns it.
/// </summary>
public sealed partial class OrderBook : IOrderBook
{
    /// <summary>
    /// The most price levels a day's band may span (fen from lower to upper bound): the level array is
    /// indexed by price, so a band of 10⁶ levels costs ~24 MB. A ±10 % band around 50,000 CNY/t fits;
    /// a wider one is refused with a clear error rather than an out-of-memory failure.
    /// </summary>
    public const int MaxBandLevels = 1 << 20;

    private const int None = -1;

    private readonly OrderIdMap _ids;
    private OrderSlot[] _orders;
    private int _freeHead = None;
    private int _highWater;

    private PriceLevel[] _levels = [];
    private LevelBitmap _bidLevels = null!;
    private LevelBitmap _askLevels = null!;
    private long _basePrice;
    private int _bestBid = None;
    private int _bestAsk = None;
    private long _lastTradeId;

    // The day's numbers, copied out of the rule version so the hot path reads fields, not objects.
    private long _tick;
    private long _lot;
    private long _minimum;
    private long _maximum;
    private long _bandLower;
    private long _bandUpper;
    private int _pickDepth;

    /// <summary>An empty book; <paramref name="capacity"/> resting orders fit before the pool first grows.</summary>
    public OrderBook(InstrumentId instrument, TradingDay day, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        EnsureBandFits(day);
        Instrument = instrument;
        Day = day;
        _orders = new OrderSlot[capacity];
        _ids = new OrderIdMap(capacity);
        InstallDay(day);
    }

    /// <inheritdoc />
    public InstrumentId Instrument { get; }

    /// <inheritdoc />
    public TradingDay Day { get; private set; }

    /// <inheritdoc />
    public int RestingCount => _ids.Count;

    /// <inheritdoc />
    public bool DayClosed { get; private set; }

    /// <summary>Best bid price, or null when there are no bids.</summary>
    public Price? BestBid => _bestBid == None ? null : new Price(_basePrice + _bestBid);

    /// <summary>Best ask price, or null when there are no asks.</summary>
    public Price? BestAsk => _bestAsk == None ? null : new Price(_basePrice + _bestAsk);

    /// <summary>Rebuilds a book from <see cref="BookSnapshot"/> bytes; it snapshots to the same bytes.</summary>
    public static OrderBook Restore(ReadOnlySpan<byte> snapshot, int capacity = 1024)
    {
        BookSnapshotContent content = BookSnapshot.Read(snapshot);
        var book = new OrderBook(
            content.Instrument, content.Day, Math.Max(capacity, content.Bids.Length + content.Asks.Length))
        {
            _lastTradeId = content.LastTradeId,
            DayClosed = content.DayClosed,
        };
        foreach (RestingOrder order in (IEnumerable<RestingOrder>)[.. content.Bids, .. content.Asks])
        {
            if (!book.Day.Band.Contains(order.Price) || order.Open.Grams <= 0 || book._ids.Find(order.Id.Value) != None
                || order.Id.Value <= 0)
            {
                throw new FormatException($"book snapshot holds an impossible resting order {order}");
            }

            int slot = book.Allocate();
            ref OrderSlot o = ref book._orders[slot];
            o.Id = order.Id.Value;
            o.Trader = order.Trader.Value;
            o.Side = order.Side;
            o.Price = order.Price.FenPerTonne;
            o.Open = order.Open.Grams;
            o.Tif = order.TimeInForce;
            book._ids.Add(o.Id, slot);
            book.Append(slot);
        }

        return book;
    }

    /// <inheritdoc />
    public void OpenDay(TradingDay day, BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(output);
        LedgerAssert.That(day.Date > Day.Date, "a trading day must follow the current one");
        EnsureBandFits(day);
        List<int> survivors = new(RestingCount);
        foreach (int slot in SlotsInPriorityOrder())
        {
            ref OrderSlot o = ref _orders[slot];
            CancelReason reason = o.Tif == TimeInForce.Day ? CancelReason.Expired
                : !day.Band.Contains(new Price(o.Price)) || o.Price % day.Rules.Tick.FenPerTonne != 0
                    ? CancelReason.PriceNoLongerValid
                    : CancelReason.None;
            if (reason == CancelReason.None)
            {
                survivors.Add(slot);
            }
            else
            {
                output.Add(CancelledEvent(in o, o.Open, reason));
                _ids.Remove(o.Id);
                Free(slot);
            }
        }

        Day = day;
        DayClosed = false;
        InstallDay(day);
        foreach (int slot in survivors)
        {
            Append(slot);
        }
    }

    /// <inheritdoc />
    public void CloseDay(BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (int slot in SlotsInPriorityOrder())
        {
            if (_orders[slot].Tif == TimeInForce.Day)
            {
                output.Add(CancelledEvent(in _orders[slot], _orders[slot].Open, CancelReason.Expired));
                RemoveOrder(slot);
            }
        }

        DayClosed = true;
    }

    /// <inheritdoc />
    public bool TryGetOrder(OrderId id, out RestingOrder order)
    {
        int slot = _ids.Find(id.Value);
        if (slot == None)
        {
            order = default;
            return false;
        }

        ref OrderSlot o = ref _orders[slot];
        order = new RestingOrder(
            new OrderId(o.Id), new TraderId(o.Trader), o.Side, new Price(o.Price), new Co2e(o.Open), o.Tif);
        return true;
    }

    /// <inheritdoc />
    public int CopyDepth(Side side, Span<DepthLevel> levels)
    {
        int n = 0;
        for (int level = side == Side.Buy ? _bestBid : _bestAsk; level != None && n < levels.Length;
             level = NextLevel(side, level))
        {
            ref PriceLevel l = ref _levels[level];
            levels[n++] = new DepthLevel(new Price(_basePrice + level), new Co2e(l.Quantity), l.Count);
        }

        return n;
    }

    /// <inheritdoc />
    public byte[] Snapshot()
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (33 * RestingCount));
        WriteSnapshot(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public void WriteSnapshot(IBufferWriter<byte> output)
    {
        BookSnapshot.WriteHeader(output, Instrument, Day, DayClosed, _lastTradeId);
        foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
        {
            int count = 0;
            for (int level = side == Side.Buy ? _bestBid : _bestAsk; level != None; level = NextLevel(side, level))
            {
                count += _levels[level].Count;
            }

            BookSnapshot.WriteSideStart(output, count);
            int written = 0;
            for (int level = side == Side.Buy ? _bestBid : _bestAsk; level != None; level = NextLevel(side, level))
            {
                for (int slot = _levels[level].Head; slot != None; slot = _orders[slot].Next)
                {
                    ref OrderSlot o = ref _orders[slot];
                    var order = new RestingOrder(
                        new OrderId(o.Id), new TraderId(o.Trader), o.Side, new Price(o.Price), new Co2e(o.Open), o.Tif);
                    BookSnapshot.WriteOrder(output, in order);
                    written++;
                }
            }

            if (written != count)
            {
                throw new LedgerInvariantException($"{side} levels count {count} orders but link {written}");
            }
        }
    }

    private static void EnsureBandFits(TradingDay day)
    {
        long levels = day.Band.Upper.FenPerTonne - day.Band.Lower.FenPerTonne + 1;
        if (levels > MaxBandLevels)
        {
            throw new ArgumentException(
                $"the price band {day.Band} spans {levels:N0} fen levels; the order book supports at most "
                + $"{MaxBandLevels:N0} (previous close {day.PreviousClose} is too high for a ±"
                + $"{day.Rules.BandBasisPoints / 100}% band)",
                nameof(day));
        }
    }

    /// <summary>Resets the levels to the day's band and copies its numbers into fields.</summary>
    private void InstallDay(TradingDay day)
    {
        _tick = day.Rules.Tick.FenPerTonne;
        _lot = day.Rules.Lot.Grams;
        _minimum = day.Rules.MinimumQuantity.Grams;
        _maximum = day.Rules.MaximumQuantity.Grams;
        _bandLower = day.Band.Lower.FenPerTonne;
        _bandUpper = day.Band.Upper.FenPerTonne;
        _pickDepth = day.Rules.PickDepthLevels;
        _basePrice = _bandLower;
        int size = checked((int)Math.Max(1, _bandUpper - _bandLower + 1));
        if (_levels.Length != size)
        {
            _levels = new PriceLevel[size];
        }

        _levels.AsSpan().Fill(new PriceLevel { Head = None, Tail = None });
        _bidLevels = new LevelBitmap(size);
        _askLevels = new LevelBitmap(size);
        _bestBid = None;
        _bestAsk = None;
    }

    /// <summary>Every resting order's slot: bids best price first, then asks best first, time order inside.</summary>
    private List<int> SlotsInPriorityOrder()
    {
        var slots = new List<int>(RestingCount);
        foreach (Side side in (ReadOnlySpan<Side>)[Side.Buy, Side.Sell])
        {
            for (int level = side == Side.Buy ? _bestBid : _bestAsk; level != None; level = NextLevel(side, level))
            {
                for (int slot = _levels[level].Head; slot != None; slot = _orders[slot].Next)
                {
                    slots.Add(slot);
                }
            }
        }

        return slots;
    }

    private static BookEvent CancelledEvent(in OrderSlot o, long quantity, CancelReason reason) =>
        BookEvent.Cancelled(
            new OrderId(o.Id), new TraderId(o.Trader), o.Side, new Price(o.Price), new Co2e(quantity), reason);
}
