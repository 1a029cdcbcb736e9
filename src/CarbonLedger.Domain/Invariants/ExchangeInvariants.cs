using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Invariants;

/// <summary>
/// The exchange's whole-state checks (decision 0009), against public views only: cash is conserved
/// (Σ totals = deposited − withdrawn) and never negative; every hold is accounted for — an account's locked
/// cash is what its live buy orders, buy block declarations and bids hold, and a position's locked units are
/// what its live sell orders, sell declarations and auctions offer; every live order rests in its book with
/// the same open quantity, and nothing else rests there.
/// </summary>
public static class ExchangeInvariants
{
    /// <summary>Throws <see cref="LedgerInvariantException"/> naming the first broken rule.</summary>
    public static void AssertAll(Ledger ledger, IReadOnlyList<PositionInfo> positions)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(positions);
        var cash = ledger.AllCash().ToList();
        long total = 0;
        foreach ((AccountId account, CashBalance c) in cash)
        {
            LedgerAssert.That(c.Locked.Fen >= 0 && c.Locked <= c.Total,
                $"cash: {account} holds {c.Locked} of {c.Total}");
            LedgerAssert.That(c.Proceeds.Fen >= 0 && c.Proceeds <= c.Total,
                $"cash: {account} proceeds {c.Proceeds} outside [0, {c.Total}]");
            total = checked(total + c.Total.Fen);
        }

        long expected = ledger.CashDeposited.Fen - ledger.CashWithdrawn.Fen;
        LedgerAssert.That(total == expected, $"cash: accounts hold {total} fen, deposits − withdrawals = {expected}");

        var orders = ledger.AllLiveOrders().ToList();
        var blocks = ledger.AllBlockOrders().ToList();
        var auctions = ledger.AllAuctions().ToList();
        AssertCashHolds(cash, orders, blocks, auctions);
        AssertUnitHolds(positions, orders, blocks, auctions);
        AssertBooks(ledger, orders);
    }

    private static void AssertCashHolds(List<(AccountId Account, CashBalance Cash)> cash, List<LiveOrderInfo> orders,
        List<BlockOrderInfo> blocks, List<AuctionInfo> auctions)
    {
        var held = new Dictionary<AccountId, long>();
        void Add(AccountId a, long fen) => held[a] = checked(held.GetValueOrDefault(a) + fen);
        orders.Where(o => o.Side == Side.Buy).ToList().ForEach(o => Add(o.Account, o.HeldCash.Fen));
        blocks.Where(b => b.Side == Side.Buy).ToList().ForEach(b => Add(b.Account, b.HeldCash.Fen));
        auctions.SelectMany(a => a.Bids).ToList().ForEach(b => Add(b.Account, b.HeldCash.Fen));
        foreach ((AccountId account, CashBalance c) in cash)
        {
            LedgerAssert.That(c.Locked.Fen == held.GetValueOrDefault(account),
                $"cash: {account} locks {c.Locked} but its orders and bids hold {held.GetValueOrDefault(account)} fen");
            held.Remove(account);
        }

        LedgerAssert.That(held.Values.All(v => v == 0), "cash: an order holds cash for an account that has none");
    }

    private static void AssertUnitHolds(IReadOnlyList<PositionInfo> positions, List<LiveOrderInfo> orders,
        List<BlockOrderInfo> blocks, List<AuctionInfo> auctions)
    {
        var offered = new Dictionary<(AccountId, InstrumentId), long>();
        void Add(AccountId a, InstrumentId i, long g) =>
            offered[(a, i)] = checked(offered.GetValueOrDefault((a, i)) + g);
        orders.Where(o => o.Side == Side.Sell).ToList().ForEach(o => Add(o.Account, o.Instrument, o.Open.Grams));
        blocks.Where(b => b.Side == Side.Sell).ToList().ForEach(b => Add(b.Account, b.Instrument, b.Quantity.Grams));
        auctions.ForEach(a => Add(a.Seller, a.Instrument, a.Quantity.Grams));
        foreach (PositionInfo p in positions)
        {
            long expected = offered.GetValueOrDefault((p.Account, p.Instrument));
            LedgerAssert.That(p.Position.Locked.Grams == expected,
                $"units: {p.Account}/{p.Instrument} locks {p.Position.Locked} but its sells offer {expected} g");
            offered.Remove((p.Account, p.Instrument));
        }

        LedgerAssert.That(offered.Values.All(v => v == 0),
            "units: a sell offers units from a position that does not exist");
    }

    private static void AssertBooks(Ledger ledger, List<LiveOrderInfo> orders)
    {
        foreach (ListingInfo listing in ledger.AllListings())
        {
            int live = orders.Count(o => o.Instrument == listing.Instrument);
            LedgerAssert.That(listing.RestingOrders == live,
                $"book: {listing.Instrument} rests {listing.RestingOrders} orders, the exchange knows {live}");
        }
    }
}
