using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// Everything the exchange side of the core keeps (decision 0009), owned by the ledger's single writer:
/// cash per account, the exchange accounts, listings with their books, the registry of live listed orders
/// (a pooled struct array behind an open-addressing id map, so order entry allocates nothing in steady
/// state), open block declarations and auctions, and the trading-day state.
/// </summary>
internal sealed class ExchangeState
{
    private const int None = -1;
    private int _freeHead = None;
    private int _highWater;

    public ExchangeState(int accountCapacity, int orderCapacity)
    {
        Cash = new CashRecord[accountCapacity];
        Orders = new OrderState[orderCapacity];
        OrderIndex = new OrderIdMap(orderCapacity);
        NextFree = new int[orderCapacity];
        UnsettledPositions = new HashSet<int>(accountCapacity);
        ProceedsAccounts = new HashSet<int>(accountCapacity);
    }

    public CashRecord[] Cash { get; private set; }

    /// <summary>Σ deposits, fen (conservation: Σ totals = deposited − withdrawn).</summary>
    public long Deposited { get; set; }

    /// <summary>Σ withdrawals, fen.</summary>
    public long Withdrawn { get; set; }

    /// <summary>The open exchange clearing account (its holder operates the exchange), or -1.</summary>
    public int Clearing { get; set; } = None;

    /// <summary>The open exchange fee account, or -1.</summary>
    public int FeeAccount { get; set; } = None;

    /// <summary>Each owner's one not-closed trading account (domain §2.1: one trading account per entity).</summary>
    public Dictionary<ActorId, int> TradingAccounts { get; } = [];

    public List<Listing> Listings { get; } = [];

    /// <summary>Ledger instrument index → listing index.</summary>
    public Dictionary<int, int> ListingByInstrument { get; } = [];

    /// <summary>The open trading day, or null between a close and the next open.</summary>
    public LocalDate? OpenDay { get; set; }

    /// <summary>The last trading day opened (a new one must come after it).</summary>
    public LocalDate? LastDay { get; set; }

    /// <summary>The last id given to an order, block declaration, auction or bid (one counter for all).</summary>
    public long LastId { get; set; }

    /// <summary>The last trade number (every trade of every instrument and mode).</summary>
    public long LastTradeId { get; set; }

    public OrderState[] Orders { get; private set; }

    public OrderIdMap OrderIndex { get; }

    public int[] NextFree { get; private set; }

    public SortedDictionary<long, BlockOrder> Blocks { get; } = [];

    public SortedDictionary<long, Auction> Auctions { get; } = [];

    /// <summary>Positions holding units bought since the last day opened (released at the next open).</summary>
    public HashSet<int> UnsettledPositions { get; }

    /// <summary>Accounts holding sale proceeds received since the last day opened.</summary>
    public HashSet<int> ProceedsAccounts { get; }

    /// <summary>The reusable buffer the books write their outputs into.</summary>
    public BookOutput Output { get; } = new(256);

    /// <summary>Live listed orders.</summary>
    public int LiveOrders => OrderIndex.Count;

    /// <summary>
    /// True while the exchange has never been used: it then leaves the state hash untouched. (Which accounts
    /// are the exchange's, or trading accounts, follows from the account table, hashed anyway.)
    /// </summary>
    public bool IsPristine =>
        Deposited == 0 && Withdrawn == 0 && Listings.Count == 0 && LastId == 0 && LastTradeId == 0
        && OpenDay is null && LastDay is null;

    /// <summary>Makes room for an account's cash record (called as accounts are added, so that references
    /// returned by <see cref="CashOf"/> stay valid while a command runs).</summary>
    public void EnsureAccount(int account)
    {
        if (account >= Cash.Length)
        {
            CashRecord[] cash = Cash;
            Array.Resize(ref cash, Math.Max(account + 1, Cash.Length * 2));
            Cash = cash;
        }
    }

    /// <summary>The cash record of an account.</summary>
    public ref CashRecord CashOf(int account) => ref Cash[account];

    /// <summary>A free order slot (from the free list, or the next unused one, growing the pool if full).</summary>
    public int AllocateOrder()
    {
        if (_freeHead != None)
        {
            int slot = _freeHead;
            _freeHead = NextFree[slot];
            return slot;
        }

        if (_highWater == Orders.Length)
        {
            OrderState[] orders = Orders;
            int[] next = NextFree;
            Array.Resize(ref orders, Orders.Length * 2);
            Array.Resize(ref next, NextFree.Length * 2);
            Orders = orders;
            NextFree = next;
        }

        return _highWater++;
    }

    /// <summary>Returns a slot to the free list.</summary>
    public void FreeOrder(int slot)
    {
        Orders[slot] = default;
        NextFree[slot] = _freeHead;
        _freeHead = slot;
    }
}
