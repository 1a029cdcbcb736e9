using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// The unit movements of an exchange event, read from the event alone (pure), netted to one statement line per
/// account × instrument × bucket: holds (available → locked), deliveries (seller locked → buyer unsettled),
/// returns (locked → available) and T+1 settlement (unsettled → available). Cash is not a unit movement and
/// has its own read model.
/// </summary>
internal static class ExchangeStatementLines
{
    public static IReadOnlyList<StatementLine> Of(ExchangeEvent e, long sequence, string type)
    {
        var net = new Net();
        string? reference = Apply(e, net);
        return net.Lines(sequence, type, reference, e.At);
    }

    /// <summary>
    /// The instruments whose units an exchange event may move. A credit's serial blocks can change hands between
    /// the lowest locked serials even when the event's bucket movements net to zero, so the serial-holdings read
    /// model refreshes every instrument named here, not only those with statement lines.
    /// </summary>
    public static IEnumerable<InstrumentId> InstrumentsOf(ExchangeEvent e) => e switch
    {
        OrderPlaced x => [x.Instrument],
        OrderAmended x => [x.Instrument],
        OrderCancelled x => [x.Instrument],
        TradingDayOpened x => [.. x.Settled.Select(s => s.Instrument), .. x.Cancelled.Select(c => c.Instrument)],
        TradingDayClosed x => x.Expired.Select(c => c.Instrument),
        BlockOrderPosted x => [x.Instrument],
        BlockTradeConfirmed x => [x.Instrument],
        BlockOrderWithdrawn x => [x.Instrument],
        AuctionAnnounced x => [x.Instrument],
        AuctionClosed x => [x.Instrument],
        _ => [],
    };

    private static string? Apply(ExchangeEvent e, Net n)
    {
        switch (e)
        {
            case OrderPlaced x:
                Order(n, x.Account, x.Instrument, x.Side, x.Quantity.Grams, 0, x.Fills, x.Status, x.Open.Grams);
                return $"order {x.OrderId}";
            case OrderAmended x:
                Order(n, x.Account, x.Instrument, x.Side, x.Quantity.Grams, x.PreviousOpen.Grams, x.Fills, x.Status,
                    x.Open.Grams);
                return $"order {x.OrderId}";
            case OrderCancelled { Side: Side.Sell } x:
                n.Move(x.Account, x.Instrument, Bucket.Locked, Bucket.Available, x.Quantity.Grams);
                return $"order {x.OrderId}";
            case TradingDayOpened x:
                x.Settled.ToList().ForEach(s =>
                    n.Move(s.Account, s.Instrument, Bucket.Unsettled, Bucket.Available, s.Quantity.Grams));
                Expiries(n, x.Cancelled);
                return $"day {x.Date:yyyy-MM-dd}";
            case TradingDayClosed x:
                Expiries(n, x.Expired);
                return $"day {x.Date:yyyy-MM-dd}";
            case BlockOrderPosted { Side: Side.Sell } x:
                n.Move(x.Account, x.Instrument, Bucket.Available, Bucket.Locked, x.Quantity.Grams);
                return $"block {x.BlockOrderId}";
            case BlockTradeConfirmed x:
                n.Add(x.Seller, x.Instrument, x.Seller == x.Confirmer ? Bucket.Available : Bucket.Locked,
                    -x.Quantity.Grams);
                n.Add(x.Buyer, x.Instrument, Bucket.Unsettled, x.Quantity.Grams);
                return $"trade {x.TradeId}";
            case BlockOrderWithdrawn { Side: Side.Sell } x:
                n.Move(x.Account, x.Instrument, Bucket.Locked, Bucket.Available, x.Quantity.Grams);
                return $"block {x.BlockOrderId}";
            case AuctionAnnounced x:
                n.Move(x.Account, x.Instrument, Bucket.Available, Bucket.Locked, x.Quantity.Grams);
                return $"auction {x.AuctionId}";
            case AuctionClosed x:
                long sold = 0;
                foreach (AuctionAllocation a in x.Allocations)
                {
                    n.Add(a.Account, x.Instrument, Bucket.Unsettled, a.Quantity.Grams);
                    sold += a.Quantity.Grams;
                }

                n.Add(x.Seller, x.Instrument, Bucket.Locked, -(sold + x.Unsold.Grams));
                n.Add(x.Seller, x.Instrument, Bucket.Available, x.Unsold.Grams);
                return $"auction {x.AuctionId}";
            default:
                return null;
        }
    }

    /// <summary>
    /// A listed order's movements: a sell's hold change (new open minus the open it had), its deliveries and the
    /// return of a cancelled remainder; a buy's receipts; each maker's opposite leg.
    /// </summary>
    private static void Order(Net n, AccountId account, InstrumentId instrument, Side side, long quantity,
        long previousOpen, IReadOnlyList<TradeFill> fills, OrderStatus status, long open)
    {
        long filled = fills.Sum(f => f.Quantity.Grams);
        if (side == Side.Sell)
        {
            n.Move(account, instrument, Bucket.Available, Bucket.Locked, quantity - previousOpen);
            n.Add(account, instrument, Bucket.Locked, -filled);
            if (status == OrderStatus.Cancelled)
            {
                n.Move(account, instrument, Bucket.Locked, Bucket.Available, quantity - filled - open);
            }

            fills.ToList().ForEach(f => n.Add(f.MakerAccount, instrument, Bucket.Unsettled, f.Quantity.Grams));
        }
        else
        {
            n.Add(account, instrument, Bucket.Unsettled, filled);
            fills.ToList().ForEach(f => n.Add(f.MakerAccount, instrument, Bucket.Locked, -f.Quantity.Grams));
        }
    }

    private static void Expiries(Net n, IReadOnlyList<OrderExpiry> expiries)
    {
        foreach (OrderExpiry x in expiries.Where(x => x.Side == Side.Sell))
        {
            n.Move(x.Account, x.Instrument, Bucket.Locked, Bucket.Available, x.Quantity.Grams);
        }
    }

    /// <summary>
    /// Net grams per account × instrument × bucket, lines ordered by that key. An order event nets a handful of keys:
    /// a list searched in place, with an index only for the large day events (T+1 settlement of every holding), is
    /// cheaper than a sorted tree's node per key and comparer calls (this runs for every event of a replay).
    /// </summary>
    private sealed class Net
    {
        private const int IndexFrom = 16;

        private readonly List<((AccountId Account, InstrumentId Instrument, Bucket Bucket) Key, long Grams)> _grams =
            [];
        private Dictionary<(AccountId, InstrumentId, Bucket), int>? _index;

        public void Add(AccountId account, InstrumentId instrument, Bucket bucket, long grams)
        {
            var key = (account, instrument, bucket);
            int at = Find(key);
            if (at >= 0)
            {
                _grams[at] = (key, checked(_grams[at].Grams + grams));
                return;
            }

            _index?.Add(key, _grams.Count);
            _grams.Add((key, grams));
            if (_index is null && _grams.Count == IndexFrom)
            {
                _index = new Dictionary<(AccountId, InstrumentId, Bucket), int>(2 * IndexFrom);
                for (int i = 0; i < _grams.Count; i++)
                {
                    _index.Add(_grams[i].Key, i);
                }
            }
        }

        public void Move(AccountId account, InstrumentId instrument, Bucket from, Bucket to, long grams)
        {
            Add(account, instrument, from, -grams);
            Add(account, instrument, to, grams);
        }

        public List<StatementLine> Lines(long sequence, string type, string? reference, Instant at)
        {
            _grams.Sort(static (a, b) => a.Key.CompareTo(b.Key));
            var lines = new List<StatementLine>(_grams.Count);
            foreach (((AccountId account, InstrumentId instrument, Bucket bucket), long grams) in _grams)
            {
                if (grams != 0)
                {
                    lines.Add(new StatementLine(account, sequence, bucket, instrument, new Co2e(grams), type, null,
                        reference, at));
                }
            }

            return lines;
        }

        private int Find((AccountId, InstrumentId, Bucket) key)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(key, out int i) ? i : -1;
            }

            for (int i = 0; i < _grams.Count; i++)
            {
                if (_grams[i].Key.Equals(key))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
