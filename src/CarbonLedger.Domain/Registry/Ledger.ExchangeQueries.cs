using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

/// <summary>Read-only views of the exchange side (for queries, read models and invariant checks).</summary>
public sealed partial class Ledger
{
    /// <summary>Σ cash deposited by settlement banks.</summary>
    public Money CashDeposited => new(_x.Deposited);

    /// <summary>Σ cash withdrawn.</summary>
    public Money CashWithdrawn => new(_x.Withdrawn);

    /// <summary>The open trading day, or null.</summary>
    public LocalDate? OpenTradingDate => _x.OpenDay;

    /// <summary>The last trading day opened, or null.</summary>
    public LocalDate? LastTradingDate => _x.LastDay;

    /// <summary>The exchange fee account (where every fee goes), or null while there is none.</summary>
    public AccountId? ExchangeFeeAccount => _x.FeeAccount >= 0 ? _accounts[_x.FeeAccount].Id : null;

    /// <summary>How many trades the exchange has made (the last trade id).</summary>
    public long TradeCount => _x.LastTradeId;

    /// <summary>An account's cash (zero for unknown accounts).</summary>
    public CashBalance GetCash(AccountId account) =>
        _accountIndex.TryGetValue(account, out int index) ? ToCash(in _x.CashOf(index)) : default;

    /// <summary>Every account holding cash (non-zero total, hold or proceeds), in opening order.</summary>
    public IEnumerable<(AccountId Account, CashBalance Cash)> AllCash()
    {
        for (int i = 0; i < _accountCount; i++)
        {
            CashRecord c = _x.CashOf(i);
            if (c.Total != 0 || c.Locked != 0 || c.Proceeds != 0)
            {
                yield return (_accounts[i].Id, ToCash(in c));
            }
        }
    }

    /// <summary>Every live listed order, by id.</summary>
    public IEnumerable<LiveOrderInfo> AllLiveOrders()
    {
        foreach (int slot in LiveOrderSlotsById())
        {
            yield return ToInfo(in _x.Orders[slot]);
        }
    }

    /// <summary>The slots of the live orders, by order id (an array sort on the ids: the state hash walks
    /// every live order at each checkpoint).</summary>
    private int[] LiveOrderSlotsById()
    {
        var ids = new long[_x.LiveOrders];
        var slots = new int[_x.LiveOrders];
        int n = 0;
        for (int i = 0; i < _x.Orders.Length; i++)
        {
            if (_x.Orders[i].Id != 0)
            {
                if (n == ids.Length)
                {
                    throw new Invariants.LedgerInvariantException($"more order slots in use than the {n} indexed");
                }

                ids[n] = _x.Orders[i].Id;
                slots[n++] = i;
            }
        }

        Array.Sort(ids, slots, 0, n);
        return n == slots.Length ? slots : slots[..n];
    }

    /// <summary>A live listed order, or null.</summary>
    public LiveOrderInfo? FindLiveOrder(long orderId)
    {
        int slot = _x.OrderIndex.Find(orderId);
        return slot < 0 ? null : ToInfo(in _x.Orders[slot]);
    }

    /// <summary>Every open block declaration, by id.</summary>
    public IEnumerable<BlockOrderInfo> AllBlockOrders() =>
        _x.Blocks.Values.Select(b => new BlockOrderInfo(b.Id, _accounts[b.Account].Id, _x.Listings[b.Listing].Id,
            b.Side, new Price(b.Price), new Co2e(b.Quantity), b.Counterparty >= 0 ? _accounts[b.Counterparty].Id : null,
            new Money(b.HeldCash)));

    /// <summary>Every open auction, by id.</summary>
    public IEnumerable<AuctionInfo> AllAuctions() =>
        _x.Auctions.Values.Select(a => new AuctionInfo(a.Id, _accounts[a.Account].Id, _x.Listings[a.Listing].Id,
            new Co2e(a.Quantity), new Price(a.Floor), a.WindowStart, a.WindowEnd, a.Pricing,
            [.. a.Bids.Select(b => new BidInfo(b.Id, _accounts[b.Account].Id, new Price(b.Price), new Co2e(b.Quantity),
                new Money(b.HeldCash)))]));

    /// <summary>Every listed instrument, in listing order.</summary>
    public IEnumerable<ListingInfo> AllListings() =>
        _x.Listings.Select(l => new ListingInfo(l.Id, new Price(l.PreviousClose),
            _x.OpenDay is null ? null : l.Book?.Day.Band, _x.OpenDay is null ? null : l.BlockDay?.Band,
            l.Book?.RestingCount ?? 0));

    /// <summary>Copies the best levels of one side of an instrument's book; 0 when it has no book.</summary>
    public int CopyDepth(InstrumentId instrument, Side side, Span<DepthLevel> levels)
    {
        OrderBook? book = BookOf(instrument);
        return book is null ? 0 : book.CopyDepth(side, levels);
    }

    /// <summary>The canonical snapshot of an instrument's book, or null when it has none.</summary>
    public byte[]? BookSnapshotOf(InstrumentId instrument) => BookOf(instrument)?.Snapshot();

    private OrderBook? BookOf(InstrumentId instrument) =>
        _instrumentIndex.TryGetValue(instrument, out int ins) && _x.ListingByInstrument.TryGetValue(ins, out int l)
            ? _x.Listings[l].Book
            : null;

    private LiveOrderInfo ToInfo(in OrderState o) =>
        new(o.Id, _accounts[o.Account].Id, _x.Listings[o.Listing].Id, o.Side, o.Tif, new Price(o.Limit),
            new Co2e(o.Open), new Money(o.HeldCash), new Money(o.Traded), new Money(o.FeesPaid));

    private static CashBalance ToCash(in CashRecord c) => new(new Money(c.Total), new Money(c.Locked),
        new Money(c.Proceeds));
}
