using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Testing.Reference;

/// <summary>
/// The exchange side of the oracle, written from decision 0009 and docs/reference (never from the core):
/// plain objects in sorted dictionaries, a <see cref="ReferenceBook"/> per listing, money computed in
/// <see cref="decimal"/>, and every hold <i>recomputed</i> from the order's terms rather than tracked, so an
/// account's locked cash is the plain sum of what its live buys, buy declarations and bids need.
/// </summary>
public sealed partial class ReferenceLedger
{
    private readonly Dictionary<AccountId, int> _traderIds = [];
    private readonly Dictionary<AccountId, RefCash> _cash = [];
    private readonly List<RefListing> _listings = [];
    private readonly SortedDictionary<long, RefOrder> _orders = [];
    private readonly SortedDictionary<long, RefBlock> _blocks = [];
    private readonly SortedDictionary<long, RefAuction> _auctions = [];
    private long _deposited;
    private long _withdrawn;
    private LocalDate? _openDay;
    private LocalDate? _lastDay;
    private long _lastId;
    private long _lastTradeId;

    /// <summary>Σ deposits.</summary>
    public Money CashDeposited => new(_deposited);

    /// <summary>Σ withdrawals.</summary>
    public Money CashWithdrawn => new(_withdrawn);

    /// <summary>An account's cash; the locked part is recomputed from its live holds.</summary>
    public CashBalance GetCash(AccountId account)
    {
        RefCash c = _cash.GetValueOrDefault(account) ?? new RefCash();
        return new CashBalance(new Money(c.Total), new Money(LockedCash(account)), new Money(c.Proceeds));
    }

    /// <summary>Accounts with any cash, total or held or proceeds, ordered by id.</summary>
    public IEnumerable<(AccountId Account, CashBalance Cash)> AllCash() => _accounts.Keys
        .Select(a => (a, GetCash(a)))
        .Where(x => x.Item2.Total.Fen != 0 || x.Item2.Locked.Fen != 0 || x.Item2.Proceeds.Fen != 0)
        .OrderBy(x => x.a)
        .ToList();

    /// <summary>Live listed orders by id, with the hold each needs now.</summary>
    public IEnumerable<LiveOrderInfo> AllLiveOrders() => _orders.Values
        .Select(o => new LiveOrderInfo(o.Id, o.Account, o.Instrument, o.Side, o.Tif, new Price(o.Limit),
            new Co2e(o.Open), new Money(o.Hold), new Money(o.Traded), new Money(o.FeesPaid)))
        .ToList();

    /// <summary>Open block declarations by id.</summary>
    public IEnumerable<BlockOrderInfo> AllBlockOrders() => _blocks.Values
        .Select(b => new BlockOrderInfo(b.Id, b.Account, b.Instrument, b.Side, new Price(b.Price), new Co2e(b.Quantity),
            b.Counterparty, new Money(b.Hold)))
        .ToList();

    /// <summary>The open trading day, or null.</summary>
    public LocalDate? OpenTradingDate => _openDay;

    /// <summary>Listed instruments with their reference (previous close, fen per tonne), in listing order.</summary>
    public IEnumerable<(InstrumentId Instrument, long PreviousClose)> Listings() =>
        _listings.Select(l => (l.Instrument, l.PreviousClose)).ToList();

    /// <summary>Open auctions: id, seller, instrument, quantity (g), floor (fen/t), window.</summary>
    public IEnumerable<(long Id, AccountId Seller, InstrumentId Instrument, long Quantity, long Floor, Instant Start,
        Instant End)> OpenAuctions() =>
        _auctions.Values.Select(a => (a.Id, a.Seller, a.Instrument, a.Quantity, a.Floor, a.Start, a.End)).ToList();

    /// <summary>A book snapshot, or null when the instrument has no book.</summary>
    public byte[]? BookSnapshotOf(InstrumentId instrument) =>
        _listings.FirstOrDefault(l => l.Instrument == instrument)?.Book?.Snapshot();

    private long CashTotal(AccountId account) => _cash.GetValueOrDefault(account)?.Total ?? 0;

    private RefCash Cash(AccountId account)
    {
        if (!_cash.TryGetValue(account, out RefCash? cash))
        {
            cash = new RefCash();
            _cash.Add(account, cash);
        }

        return cash;
    }

    private long LockedCash(AccountId account) =>
        _orders.Values.Where(o => o.Account == account).Sum(o => o.Hold)
        + _blocks.Values.Where(b => b.Account == account).Sum(b => b.Hold)
        + _auctions.Values.SelectMany(a => a.Bids).Where(b => b.Account == account).Sum(b => b.Hold);

    private long Usable(AccountId account) => CashTotal(account) - LockedCash(account);

    private long Withdrawable(AccountId account) =>
        CashTotal(account) - Math.Max(LockedCash(account), _cash.GetValueOrDefault(account)?.Proceeds ?? 0);

    // ---------------------------------------------------------------- money, the plain way

    /// <summary>fen/t × g ÷ 10⁶, half away from zero, in decimal.</summary>
    private static long Value(long price, long grams) =>
        (long)Math.Round((decimal)price * grams / GramsPerTonne, MidpointRounding.AwayFromZero);

    /// <summary>An order's fee after trading <paramref name="traded"/> fen in total (0 before any trade).</summary>
    private static long Fee(FeeRate rate, long traded) => traded <= 0
        ? 0
        : Math.Clamp((long)Math.Round(traded * (decimal)rate.BasisPoints / 10_000m, MidpointRounding.AwayFromZero),
            rate.Minimum.Fen, rate.Maximum.Fen);

    /// <summary>Cash a buy needs for <paramref name="open"/> g at <paramref name="limit"/>, having traded
    /// <paramref name="traded"/>: the value plus the fee that value could still add.</summary>
    private static long BuyHold(long limit, long open, FeeRate rate, long traded)
    {
        if (open == 0)
        {
            return 0;
        }

        long value = Value(limit, open);
        return value + Fee(rate, traded + value) - Fee(rate, traded);
    }

    private static AccountId? FeeAccountOf(IEnumerable<AccountInfo> accounts) => accounts
        .Where(a => a.Type == AccountType.Fee && a.Status != AccountStatus.Closed)
        .Select(a => (AccountId?)a.Id)
        .FirstOrDefault();

    private sealed class RefCash
    {
        public long Total { get; set; }

        public long Proceeds { get; set; }
    }

    private sealed class RefListing(InstrumentId instrument, long previousClose)
    {
        public InstrumentId Instrument { get; } = instrument;

        public long PreviousClose { get; set; } = previousClose;

        public ReferenceBook? Book { get; set; }

        public TradingDay? BlockDay { get; set; }

        public FeeSchedule? ListedFees { get; set; }

        public FeeSchedule? BlockFees { get; set; }

        /// <summary>The open day's trades: mode, price (fen/t), grams.</summary>
        public List<(TradingMode Mode, long Price, long Grams)> Trades { get; } = [];
    }

    /// <summary>One side of a trade: whose, at what limit, what it has traded and paid, what is open.</summary>
    private class RefParty
    {
        public AccountId Account { get; init; }

        public Side Side { get; init; }

        public long Limit { get; set; }

        public long Open { get; set; }

        public long Traded { get; set; }

        public long FeesPaid { get; set; }

        public FeeRate Rate { get; init; }

        /// <summary>What a buy needs held now (recomputed; sells hold units, not cash).</summary>
        public long Hold => Side == Side.Buy ? BuyHold(Limit, Open, Rate, Traded) : 0;
    }

    private sealed class RefOrder : RefParty
    {
        public long Id { get; init; }

        public InstrumentId Instrument { get; init; }

        public TimeInForce Tif { get; init; }
    }

    private sealed class RefBlock : RefParty
    {
        public long Id { get; init; }

        public InstrumentId Instrument { get; init; }

        public long Price { get; init; }

        public long Quantity { get; init; }

        public AccountId? Counterparty { get; init; }
    }

    private sealed class RefAuction
    {
        public long Id { get; init; }

        public AccountId Seller { get; init; }

        public InstrumentId Instrument { get; init; }

        public long Quantity { get; init; }

        public long Floor { get; init; }

        public Instant Start { get; init; }

        public Instant End { get; init; }

        public AuctionPricing Pricing { get; init; }

        public FeeSchedule Fees { get; init; } = null!;

        public MarketRules Rules { get; init; } = null!;

        public List<RefBid> Bids { get; } = [];
    }

    private sealed class RefBid : RefParty
    {
        public long Id { get; init; }

        public long Price { get; init; }

        public long Quantity { get; init; }
    }
}
