using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Domain.Trading;
using NodaTime;
using static CarbonLedger.Domain.Tests.Exchange.Support.ExchangeHarness;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>Block trades (大宗协议) and one-way auctions (单向竞价), decision 0009.</summary>
public sealed class BlockAndAuctionTests
{
    [Fact]
    public void BlockProposal_OnlyTheNamedCounterpartyConfirms_ThenItSettlesLikeAnyTrade()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 13, 30);
        BlockOrderPosted posted = h.Accept<BlockOrderPosted>(
            h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 7_500, 100_000, counterparty: "T-B"));
        Assert.Equal(T(100_000), h.Units("T-A").Locked);

        h.Reject(h.Cmd.Confirm("carol", "T-C", posted.BlockOrderId), LedgerRejection.NotNamedCounterparty);
        h.Reject(h.Cmd.Confirm("alice", "T-A", posted.BlockOrderId), LedgerRejection.NotNamedCounterparty);
        BlockTradeConfirmed trade = h.Accept<BlockTradeConfirmed>(h.Cmd.Confirm("bob", "T-B", posted.BlockOrderId));

        // 100,000 t × 75.00 = CNY 7,500,000; 3 bps = CNY 2,250 a side (within CNY 100 – 200,000).
        Assert.Equal((Money.FromYuan(2_250), Money.FromYuan(2_250)), (trade.BuyerFee, trade.SellerFee));
        Assert.Equal(("T-B", "T-A"), (trade.Buyer.Value, trade.Seller.Value));
        Assert.Equal(T(100_000), h.Units("T-B").Unsettled);
        Assert.Equal(Money.FromYuan(7_500_000 - 2_250), h.Cash("T-A").Proceeds);
        h.Reject(h.Cmd.Confirm("bob", "T-B", posted.BlockOrderId), LedgerRejection.BlockOrderUnknown);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void BlockDeclaration_AnyoneButThePosterConfirms_WithdrawAndExpiryReturnHolds()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 13, 30);
        BlockOrderPosted buy = h.Accept<BlockOrderPosted>(h.Cmd.Block("carol", "T-C", Cea, Side.Buy, 8_000, 100_000));
        Assert.Equal(buy.Hold, h.Cash("T-C").Locked);
        h.Reject(h.Cmd.Confirm("carol", "T-C", buy.BlockOrderId), LedgerRejection.CannotTradeWithSelf);
        h.Reject(h.Cmd.Confirm("bob", "T-B", buy.BlockOrderId), LedgerRejection.InsufficientAvailable);
        BlockTradeConfirmed trade = h.Accept<BlockTradeConfirmed>(h.Cmd.Confirm("alice", "T-A", buy.BlockOrderId));
        Assert.Equal(Money.Zero, trade.CashReleased); // a declaration trades at its own price: nothing to return
        Assert.Equal(Money.Zero, h.Cash("T-C").Locked);

        BlockOrderPosted sell = h.Accept<BlockOrderPosted>(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000));
        h.Reject(h.Cmd.WithdrawBlock("bob", "T-B", sell.BlockOrderId), LedgerRejection.NotOrderOwner);
        h.Accept(h.Cmd.WithdrawBlock("alice", "T-A", sell.BlockOrderId));
        Assert.Equal(T(0), h.Units("T-A").Locked);

        BlockOrderPosted late = h.Accept<BlockOrderPosted>(h.Cmd.Block("bob", "T-B", Cea, Side.Buy, 8_000, 100_000));
        TradingDayClosed closed = h.CloseDay(Monday);
        OrderExpiry expired = Assert.Single(closed.Expired);
        Assert.Equal((late.BlockOrderId, late.Hold), (expired.OrderId, expired.CashReleased));
        Assert.Equal(Money.Zero, h.Cash("T-B").Locked);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Theory]
    [InlineData(AuctionPricing.PayAsBid)]
    [InlineData(AuctionPricing.Uniform)]
    public void Auction_AllocatesByPriceThenTime_AndPricesPerTheMode(AuctionPricing pricing)
    {
        ExchangeHarness h = Standard();
        h.Accept(h.Cmd.Open("reg", "T-D", Domain.Accounts.AccountType.Trading, "dave"));
        h.Accept(h.Cmd.Deposit(Bank, "BANK", "T-D", 50_000_000));
        h.OpenDay(Monday);
        Instant start = h.At(Monday, 9, 30);
        Instant end = h.At(Monday, 11, 30);
        AuctionAnnounced auction = h.Accept<AuctionAnnounced>(
            h.Cmd.Auction("alice", "T-A", Cea, 100_000, 7_000, start, end, pricing));
        Assert.Equal(T(100_000), h.Units("T-A").Locked);

        h.Reject(h.Cmd.Bid("bob", "T-B", auction.AuctionId, 7_500, 10_000), LedgerRejection.BidOutsideWindow);
        h.Now = h.At(Monday, 10, 0);
        h.Reject(h.Cmd.Bid("bob", "T-B", auction.AuctionId, 6_999, 10_000), LedgerRejection.BidBelowFloor);
        h.Reject(h.Cmd.Bid("alice", "T-A", auction.AuctionId, 7_500, 10_000), LedgerRejection.CannotTradeWithSelf);
        h.Reject(h.Cmd.Bid("bob", "T-B", auction.AuctionId, 7_500, 100_001), LedgerRejection.BidExceedsAuctionQuantity);
        BidPlaced b1 = h.Accept<BidPlaced>(h.Cmd.Bid("bob", "T-B", auction.AuctionId, 7_200, 40_000));
        BidPlaced b2 = h.Accept<BidPlaced>(h.Cmd.Bid("carol", "T-C", auction.AuctionId, 7_800, 50_000));
        BidPlaced b3 = h.Accept<BidPlaced>(h.Cmd.Bid("dave", "T-D", auction.AuctionId, 7_200, 30_000));
        BidPlaced b4 = h.Accept<BidPlaced>(h.Cmd.Bid("dave", "T-D", auction.AuctionId, 7_000, 5_000));
        h.Reject(h.Cmd.CloseAuction(Operator, auction.AuctionId), LedgerRejection.AuctionWindowNotEnded);

        h.Now = h.At(Monday, 11, 30);
        AuctionClosed closed = h.Accept<AuctionClosed>(h.Cmd.CloseAuction(Operator, auction.AuctionId));

        // Ranked: carol 78.00 × 50,000; then at 72.00 bob (earlier) × 40,000 and dave × 30,000 → 10,000 left.
        Assert.Equal([b2.BidId, b1.BidId, b3.BidId, b4.BidId], closed.Allocations.Select(a => a.BidId));
        Assert.Equal([50_000L, 40_000, 10_000, 0], closed.Allocations.Select(a => a.Quantity.WholeTonnes));
        Assert.Equal(Price.FromFenPerTonne(7_200), closed.ClearingPrice);
        long[] prices = pricing == AuctionPricing.PayAsBid ? [7_800, 7_200, 7_200, 0] : [7_200, 7_200, 7_200, 0];
        Assert.Equal(prices, closed.Allocations.Select(a => a.Price.FenPerTonne));
        Assert.Equal(T(0), closed.Unsold);
        Assert.Equal(b4.Hold, closed.Allocations[3].CashReleased);
        Assert.Equal(T(10_000), h.Units("T-D").Unsettled);
        Assert.Equal(Money.Zero, h.Cash("T-D").Locked);
        Assert.Equal(T(0), h.Units("T-A").Locked);
        h.Reject(h.Cmd.CloseAuction(Operator, auction.AuctionId), LedgerRejection.AuctionUnknown);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void Auction_Undersubscribed_ReturnsUnsoldUnitsToTheSeller()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        AuctionAnnounced auction = h.Accept<AuctionAnnounced>(h.Cmd.Auction(
            "alice", "T-A", Cea, 100_000, 7_000, h.At(Monday, 9, 30), h.At(Monday, 10, 30), AuctionPricing.Uniform));
        h.Now = h.At(Monday, 10, 0);
        h.Accept(h.Cmd.Bid("bob", "T-B", auction.AuctionId, 7_100, 30_000));
        h.Now = h.At(Monday, 10, 30);
        AuctionClosed closed = h.Accept<AuctionClosed>(h.Cmd.CloseAuction(Operator, auction.AuctionId));
        Assert.Equal(T(70_000), closed.Unsold);
        Assert.Equal(new Position(T(170_000), T(0), T(0), T(0), T(0)), h.Units("T-A"));
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void Auction_ClosesOnlyOnAnOpenDayWithTheExchangeSetUp_AndBidsStayUnderTheCeiling()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        AuctionAnnounced auction = h.Accept<AuctionAnnounced>(h.Cmd.Auction(
            "alice", "T-A", Cea, 1_000, 7_000, h.At(Monday, 9, 30), h.At(Monday, 10, 30)));
        h.Now = h.At(Monday, 10, 0);
        // The default auction band is ±100 % around the floor: a bid above twice the floor is refused.
        h.Reject(h.Cmd.Bid("bob", "T-B", auction.AuctionId, 14_001, 10), LedgerRejection.OrderPriceOutsideBand);
        h.Reject(
            h.Cmd.Bid("bob", "T-B", auction.AuctionId, long.MaxValue / 2, 10), LedgerRejection.OrderPriceOutsideBand);
        h.Accept(h.Cmd.Bid("bob", "T-B", auction.AuctionId, 14_000, 10));
        h.CloseDay(Monday);
        h.Reject(h.Cmd.CloseAuction(Operator, auction.AuctionId), LedgerRejection.TradingDayNotOpen);
        h.OpenDay(Monday.PlusDays(1));
        h.Accept(h.Cmd.Close("reg", "SEEE-FEES"));
        h.Reject(h.Cmd.CloseAuction(Operator, auction.AuctionId), LedgerRejection.ExchangeNotConfigured);
        h.Accept(h.Cmd.Open("reg", "SEEE-FEES-2", Domain.Accounts.AccountType.Fee, Operator));
        AuctionClosed closed = h.Accept<AuctionClosed>(h.Cmd.CloseAuction(Operator, auction.AuctionId));
        Assert.Equal(T(10), closed.Allocations.Single().Quantity);
        Assert.True(h.Cash("SEEE-FEES-2").Total.Fen > 0);
        TradingDayClosed day = h.CloseDay(Monday.PlusDays(1));
        Assert.Equal(T(10), day.MarketData.Single().AuctionVolume);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void AbsurdPrices_AreRejectedNotOverflowed()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        OrderPlaced buy = h.Accept<OrderPlaced>(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 7_900, 10));
        h.Reject(
            h.Cmd.Amend("carol", "T-C", buy.OrderId, long.MaxValue / 2, 10), LedgerRejection.OrderPriceOutsideBand);
        h.Reject(h.Cmd.Amend("carol", "T-C", buy.OrderId, 7_900, long.MaxValue / 2_000_000),
            LedgerRejection.OrderQuantityAboveMaximum);
        h.Now = h.At(Monday, 13, 30);
        h.Reject(h.Cmd.Block("carol", "T-C", Cea, Side.Buy, long.MaxValue / 2, 100_000),
            LedgerRejection.OrderPriceOutsideBand);
        h.Reject(h.Cmd.Auction("alice", "T-A", Cea, 10, 1_000_000_001, h.At(Monday, 14, 0), h.At(Monday, 14, 30)),
            LedgerRejection.OrderPriceOutsideBand);
        h.Accept(h.Cmd.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 10));
        h.Accept(h.Cmd.IssueAllowances("reg", "MEE", "T-A", "CEA-2026", 10));
        // 60,000 CNY/t: the ±10 % listed band would need 1.2 million fen levels, more than a book holds.
        h.Reject(h.Cmd.List(Operator, "CEA-2025", 6_000_000), LedgerRejection.PriceBandTooWide);
        h.Reject(h.Cmd.List(Operator, "CEA-2025", 1_000_000_001), LedgerRejection.ReferencePriceInvalid);
        h.Accept(h.Cmd.List(Operator, "CEA-2025", 5_000_000));
        h.Accept(h.Cmd.List(Operator, "CEA-2026", 2_000_000)); // block band too wide for a book: no matter
        h.CloseDay(Monday);
        h.OpenDay(Monday.PlusDays(1));
    }
}
