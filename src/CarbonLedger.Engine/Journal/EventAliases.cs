using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// Stable storage names of the journal's event types. The alias, not the .NET class name, is what the
/// journal stores and what the hash chain covers, so classes can be renamed or moved without rewriting
/// history. Never change an alias; add new ones.
/// </summary>
public static class EventAliases
{
    private static readonly Dictionary<Type, string> s_byType = new()
    {
        [typeof(AccountOpened)] = "account_opened",
        [typeof(AccountSuspended)] = "account_suspended",
        [typeof(AccountReinstated)] = "account_reinstated",
        [typeof(AccountClosed)] = "account_closed",
        [typeof(AllowancesIssued)] = "allowances_issued",
        [typeof(CreditsIssued)] = "credits_issued",
        [typeof(UnitsTransferred)] = "units_transferred",
        [typeof(UnitsFrozen)] = "units_frozen",
        [typeof(UnitsUnfrozen)] = "units_unfrozen",
        [typeof(UnitsRetired)] = "units_retired",
        [typeof(UnitsCancelled)] = "units_cancelled",
        [typeof(UnitsSurrendered)] = "units_surrendered",
        [typeof(UnitsForceSurrendered)] = "units_force_surrendered",
        [typeof(UnitsClawedBack)] = "units_clawed_back",
        [typeof(CashDeposited)] = "cash_deposited",
        [typeof(CashWithdrawn)] = "cash_withdrawn",
        [typeof(InstrumentListed)] = "instrument_listed",
        [typeof(TradingDayOpened)] = "trading_day_opened",
        [typeof(TradingDayClosed)] = "trading_day_closed",
        [typeof(OrderPlaced)] = "order_placed",
        [typeof(OrderCancelled)] = "order_cancelled",
        [typeof(OrderAmended)] = "order_amended",
        [typeof(BlockOrderPosted)] = "block_order_posted",
        [typeof(BlockTradeConfirmed)] = "block_trade_confirmed",
        [typeof(BlockOrderWithdrawn)] = "block_order_withdrawn",
        [typeof(AuctionAnnounced)] = "auction_announced",
        [typeof(BidPlaced)] = "bid_placed",
        [typeof(AuctionClosed)] = "auction_closed",
    };

    /// <summary>Every journaled event type with its alias.</summary>
    public static IReadOnlyDictionary<Type, string> All => s_byType;

    /// <summary>The alias of an event's type.</summary>
    public static string Of(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return s_byType.TryGetValue(e.GetType(), out string? alias)
            ? alias
            : throw new InvalidOperationException($"event type {e.GetType().Name} has no journal alias");
    }
}
