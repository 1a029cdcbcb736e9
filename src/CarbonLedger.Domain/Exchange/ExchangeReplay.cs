using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// Rebuilds the command an exchange event came from (its stamp gives the key and the actor), so that replay
/// runs the same code as the live path and can check the outcome (decision 0009). Every exchange event
/// records its command's fields exactly; the rebuilt command's fingerprint is checked against the stamp.
/// </summary>
internal static class ExchangeReplay
{
    public static ExchangeCommand CommandOf(ExchangeEvent e, EventStamp s) => e switch
    {
        CashDeposited x => new DepositCash(s.Key, s.Actor, x.Bank, x.Account, x.Amount, x.Reference),
        CashWithdrawn x => new WithdrawCash(s.Key, s.Actor, x.Bank, x.Account, x.Amount, x.Reference),
        InstrumentListed x => new ListInstrument(s.Key, s.Actor, x.Instrument, x.ReferencePrice),
        TradingDayOpened x => new OpenTradingDay(s.Key, s.Actor, x.Date),
        TradingDayClosed x => new CloseTradingDay(s.Key, s.Actor, x.Date),
        OrderPlaced x => new PlaceOrder(s.Key, s.Actor, x.Account, x.Instrument, x.Side, x.Type, x.TimeInForce, x.Price,
            x.Quantity, x.Listing),
        OrderCancelled x => new CancelOrder(s.Key, s.Actor, x.Account, x.OrderId),
        OrderAmended x => new AmendOrder(s.Key, s.Actor, x.Account, x.OrderId, x.Price, x.Quantity),
        BlockOrderPosted x => new PostBlockOrder(s.Key, s.Actor, x.Account, x.Instrument, x.Side, x.Price, x.Quantity,
            x.Counterparty),
        BlockTradeConfirmed x => new ConfirmBlockOrder(s.Key, s.Actor, x.Confirmer, x.BlockOrderId),
        BlockOrderWithdrawn x => new WithdrawBlockOrder(s.Key, s.Actor, x.Account, x.BlockOrderId),
        AuctionAnnounced x => new AnnounceAuction(s.Key, s.Actor, x.Account, x.Instrument, x.Quantity, x.FloorPrice,
            x.WindowStart, x.WindowEnd, x.Pricing),
        BidPlaced x => new PlaceBid(s.Key, s.Actor, x.Account, x.AuctionId, x.Price, x.Quantity),
        AuctionClosed x => new CloseAuction(s.Key, s.Actor, x.AuctionId),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown exchange event"),
    };
}
