using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Domain.Trading;
using static CarbonLedger.Domain.Tests.Exchange.Support.ExchangeHarness;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>Listed-mode trading with holds, DvP settlement and fees (decision 0009), against the oracle.</summary>
public sealed class ListedTradingTests
{
    private const long Start = 5_000_000_000; // CNY 50,000,000 in fen

    [Fact]
    public void PlaceOrder_CrossingBuy_SettlesAtMakerPriceWithFeesAndReturnsTheExcessHold()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        OrderPlaced sell = h.Accept<OrderPlaced>(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 1_000));
        Assert.Equal(OrderStatus.Resting, sell.Status);
        Assert.Equal(T(1_000), h.Units("T-A").Locked);

        OrderPlaced buy = h.Accept<OrderPlaced>(h.Cmd.Limit("bob", "T-B", Cea, Side.Buy, 8_100, 600));

        // Hold: 81.00 × 600 t = 48,600 CNY + 5 bps = 24.30 → 48,624.30; the trade is at the maker's 80.00.
        Assert.Equal(Money.FromFen(4_862_430), buy.Hold);
        TradeFill fill = Assert.Single(buy.Fills);
        Assert.Equal((Price.FromFenPerTonne(8_000), T(600), sell.OrderId), (fill.Price, fill.Quantity, fill.MakerOrder));
        Assert.Equal((Money.FromFen(2_400), Money.FromFen(2_400)), (fill.BuyerFee, fill.SellerFee));
        Assert.Equal(OrderStatus.Filled, buy.Status);
        Assert.Equal(new CashBalance(new Money(Start - 4_802_400), Money.Zero, Money.Zero), h.Cash("T-B"));
        Assert.Equal(new CashBalance(new Money(Start + 4_797_600), Money.Zero, Money.FromFen(4_797_600)),
            h.Cash("T-A"));
        Assert.Equal(Money.FromFen(4_800), h.Cash("SEEE-FEES").Total);
        Assert.Equal(new Position(T(50_000), T(0), T(600), T(0), T(0)), h.Units("T-B"));
        Assert.Equal(new Position(T(199_000), T(400), T(0), T(0), T(0)), h.Units("T-A"));
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void PlaceOrder_SweepOverLevels_FillsBestPriceFirstAndKeepsFeesPerOrder()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        h.Accept(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_020, 100));
        h.Accept(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_010, 100));
        h.Accept(h.Cmd.Limit("bob", "T-B", Cea, Side.Sell, 8_010, 100));

        OrderPlaced buy = h.Accept<OrderPlaced>(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 8_020, 250));

        Assert.Equal([8_010L, 8_010, 8_020], buy.Fills.Select(f => f.Price.FenPerTonne));
        Assert.Equal([100L, 100, 50], buy.Fills.Select(f => f.Quantity.WholeTonnes));
        Assert.Equal(["T-A", "T-B", "T-A"], buy.Fills.Select(f => f.MakerAccount.Value));
        // One order, one fee: 5 bps of the running value, itemised by increment (801,000 + 801,000 + 401,000 fen).
        long total = 801_000 + 801_000 + 401_000;
        Assert.Equal(Rounding.MultiplyDivideHalfUp(total, 5, 10_000), buy.Fills.Sum(f => f.BuyerFee.Fen));
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void Fees_MinimumAndMaximum_ApplyPerOrderNotPerTrade()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        // Three 1 t makers of bob's; carol takes all three with one order: value 240 CNY, 5 bps = 0.12 CNY,
        // below the CNY 1.00 minimum: the first trade carries the minimum, the others nothing.
        for (int i = 0; i < 3; i++)
        {
            h.Accept(h.Cmd.Limit("bob", "T-B", Cea, Side.Sell, 8_000, 1));
        }

        OrderPlaced buy = h.Accept<OrderPlaced>(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 8_000, 3));
        Assert.Equal([100L, 0, 0], buy.Fills.Select(f => f.BuyerFee.Fen));
        // Each seller order is its own order: each pays at most its trade's value, and the minimum applies.
        Assert.Equal([100L, 100, 100], buy.Fills.Select(f => f.SellerFee.Fen));

        // The maximum: a 99,999 t order at 88.00 is worth CNY 8.8 million; 5 bps = 4,399.96 < 100,000 max.
        OrderPlaced big = h.Accept<OrderPlaced>(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_800, 99_999));
        Assert.Equal(OrderStatus.Resting, big.Status);
    }

    [Fact]
    public void PlaceOrder_InsufficientFundsOrUnits_IsRejectedAndHoldsNothing()
    {
        ExchangeHarness h = Standard(cashYuan: 1_000);
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        // 13 t × 80.00 = 1,040 CNY > 1,000 CNY.
        h.Reject(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 8_000, 13), LedgerRejection.InsufficientFunds);
        // 12 t × 80.00 = 960 + CNY 1.00 minimum fee = 961 ≤ 1,000: accepted.
        OrderPlaced ok = h.Accept<OrderPlaced>(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 8_000, 12));
        Assert.Equal(Money.FromFen(96_100), ok.Hold);
        h.Reject(h.Cmd.Limit("carol", "T-C", Cea, Side.Sell, 8_000, 1), LedgerRejection.InsufficientAvailable);
        h.Reject(h.Cmd.Limit("bob", "T-B", Cea, Side.Sell, 8_000, 50_001), LedgerRejection.InsufficientAvailable);
    }

    [Fact]
    public void CancelAndAmend_ReturnAndAdjustHolds()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        OrderPlaced buy = h.Accept<OrderPlaced>(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 7_900, 1_000));
        Assert.Equal(buy.Hold, h.Cash("T-C").Locked);

        OrderAmended down = h.Accept<OrderAmended>(h.Cmd.Amend("carol", "T-C", buy.OrderId, 7_900, 400));
        Assert.True(down.PriorityKept);
        Assert.Equal((OrderStatus.Resting, T(400), T(1_000)), (down.Status, down.Open, down.PreviousOpen));
        Assert.Equal(Money.FromFen(3_160_000 + 1_580), h.Cash("T-C").Locked);

        OrderAmended up = h.Accept<OrderAmended>(h.Cmd.Amend("carol", "T-C", buy.OrderId, 7_950, 400));
        Assert.False(up.PriorityKept);
        Assert.Equal(Money.FromFen(3_180_000 + 1_590), h.Cash("T-C").Locked);

        OrderCancelled cancelled = h.Accept<OrderCancelled>(h.Cmd.CancelOrder("carol", "T-C", buy.OrderId));
        Assert.Equal(Money.FromFen(3_181_590), cancelled.CashReleased);
        Assert.Equal(Money.Zero, h.Cash("T-C").Locked);

        OrderPlaced sell = h.Accept<OrderPlaced>(h.Cmd.Limit("bob", "T-B", Cea, Side.Sell, 8_500, 10_000));
        h.Accept(h.Cmd.Amend("bob", "T-B", sell.OrderId, 8_500, 30_000));
        Assert.Equal(T(30_000), h.Units("T-B").Locked);
        h.Reject(h.Cmd.Amend("bob", "T-B", sell.OrderId, 8_500, 50_001), LedgerRejection.InsufficientAvailable);
        h.Reject(h.Cmd.CancelOrder("alice", "T-A", sell.OrderId), LedgerRejection.NotOrderOwner);
        h.Accept(h.Cmd.CancelOrder("bob", "T-B", sell.OrderId));
        Assert.Equal(new Position(T(50_000), T(0), T(0), T(0), T(0)), h.Units("T-B"));
        h.Reject(h.Cmd.CancelOrder("bob", "T-B", sell.OrderId), LedgerRejection.OrderUnknown);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void MarketOrderAndPick_HoldAtBandEdgeOrListingPrice()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        OrderPlaced ask = h.Accept<OrderPlaced>(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_100, 500));
        h.Accept(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_050, 500));

        // A market buy holds at the band's upper edge (88.00) and trades at the makers' prices.
        OrderPlaced market = h.Accept<OrderPlaced>(h.Cmd.Market("bob", "T-B", Cea, Side.Buy, 600));
        Assert.Equal(Money.FromFen((8_800 * 600) + 2_640), market.Hold);
        Assert.Equal([8_050L, 8_100], market.Fills.Select(f => f.Price.FenPerTonne));
        Assert.Equal(Money.Zero, h.Cash("T-B").Locked);

        // A pick takes the named listing for the declared quantity at its price.
        OrderPlaced pick = h.Accept<OrderPlaced>(h.Cmd.Pick("carol", "T-C", Cea, Side.Buy, ask.OrderId, 300));
        TradeFill fill = Assert.Single(pick.Fills);
        Assert.Equal((ask.OrderId, T(300), T(100)), (fill.MakerOrder, fill.Quantity, fill.MakerRemaining));
        h.Reject(h.Cmd.Pick("carol", "T-C", Cea, Side.Buy, ask.OrderId, 101), LedgerRejection.PickQuantityExceedsListing);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }
}
