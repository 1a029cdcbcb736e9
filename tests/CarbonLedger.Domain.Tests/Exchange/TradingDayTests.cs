using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Domain.Trading;
using NodaTime;
using static CarbonLedger.Domain.Tests.Exchange.Support.ExchangeHarness;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>The trading day: T+1, closing price, bands, sessions, calendar (domain.md §10.5 #5–#7).</summary>
public sealed class TradingDayTests
{
    private static readonly LocalDate s_tuesday = Monday.PlusDays(1);

    [Fact]
    public void TPlusOne_Scenario7_BoughtUnitsAndProceedsWaitForTheNextTradingDay()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        // Bob buys 50,000 t from Alice on Monday.
        h.Accept(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 50_000));
        h.Accept(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 8_000, 50_000));
        Assert.Equal(T(50_000), h.Units("T-C").Unsettled);
        // Selling them the same day: refused, the units are unsettled (T+1).
        h.Reject(h.Cmd.Limit("carol", "T-C", Cea, Side.Sell, 8_000, 50_000), LedgerRejection.UnitsUnsettled);

        // Alice sold 20,000 t more at 81.00 on Monday: CNY 1,620,000 (less the fee) usable for buying today...
        h.Accept(h.Cmd.Limit("bob", "T-B", Cea, Side.Buy, 8_100, 20_000));
        OrderPlaced sale = h.Accept<OrderPlaced>(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_100, 20_000));
        long net = 162_000_000 - sale.Fills.Sum(f => f.SellerFee.Fen);
        CashBalance alice = h.Cash("T-A");
        Assert.Equal(new Money(399_800_000 + net), alice.Proceeds);
        // ... but not withdrawable before Tuesday: her own cash is, her proceeds are not.
        long own = alice.Withdrawable.Fen;
        Assert.Equal(alice.Total.Fen - alice.Proceeds.Fen, own);
        h.Reject(h.Cmd.Withdraw(Bank, "BANK", "T-A", (own / 100) + 1), LedgerRejection.InsufficientWithdrawable);
        h.Accept(h.Cmd.Withdraw(Bank, "BANK", "T-A", own / 100));
        h.CloseDay(Monday);

        TradingDayOpened tuesday = h.OpenDay(s_tuesday);
        Assert.Contains(tuesday.Settled, s => s.Account.Value == "T-C" && s.Quantity == T(50_000));
        Assert.Contains(tuesday.Proceeds, p => p.Account.Value == "T-A");
        Assert.Equal(T(50_000), h.Units("T-C").Available);
        Assert.Equal(h.Cash("T-A").Total, h.Cash("T-A").Withdrawable);
        h.Now = h.At(s_tuesday, 10, 0);
        h.Accept(h.Cmd.Limit("carol", "T-C", Cea, Side.Sell, 8_000, 50_000));
        h.Accept(h.Cmd.Withdraw(Bank, "BANK", "T-A", h.Cash("T-A").Withdrawable.Fen / 100));
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void ClosingPrice_Scenario6_IsTheListedVwapAndBlockTradesDoNotSetIt()
    {
        ExchangeHarness h = Standard();
        h.Accept(h.Cmd.IssueAllowances("reg", "MEE", "T-A", Cea, 600_000));
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        foreach ((long price, long tonnes) in new[] { (8_000L, 10_000L), (8_200L, 30_000L), (8_100L, 60_000L) })
        {
            // Split 60,000 t (above the 99,999 listed maximum is not needed; kept below it).
            h.Accept(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, price, tonnes));
            h.Accept(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, price, tonnes));
        }

        h.Now = h.At(Monday, 13, 30);
        BlockOrderPosted block = h.Accept<BlockOrderPosted>(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 7_000, 500_000));
        h.Accept(h.Cmd.Deposit(Bank, "BANK", "T-B", 40_000_000));
        h.Accept(h.Cmd.Confirm("bob", "T-B", block.BlockOrderId));

        TradingDayClosed closed = h.CloseDay(Monday);
        DailyMarketData d = Assert.Single(closed.MarketData);
        // (800,000 + 2,460,000 + 4,860,000) / 100,000 = 81.20.
        Assert.Equal(Price.FromFenPerTonne(8_120), d.Close);
        Assert.Equal((Price.FromFenPerTonne(8_000), Price.FromFenPerTonne(8_200), Price.FromFenPerTonne(8_000)),
            (d.Open, d.High, d.Low));
        Assert.Equal((T(100_000), Money.FromYuan(8_120_000)), (d.ListedVolume, d.ListedTurnover));
        Assert.Equal((T(500_000), Money.FromYuan(35_000_000)), (d.BlockVolume, d.BlockTurnover));
        Assert.Equal(4, d.Trades);

        // Tuesday's band comes from Monday's close; a day with no listed trade keeps the previous close.
        TradingDayOpened tuesday = h.OpenDay(s_tuesday);
        ListingDay day = Assert.Single(tuesday.Listings);
        Assert.Equal((Price.FromFenPerTonne(7_308), Price.FromFenPerTonne(8_932)),
            (day.ListedBand.Lower, day.ListedBand.Upper));
        TradingDayClosed quiet = h.CloseDay(s_tuesday);
        Assert.Equal(Price.FromFenPerTonne(8_120), quiet.MarketData[0].Close);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void PriceBands_Scenario5_ListedAndBlockLimitsAndSessions()
    {
        ExchangeHarness h = Standard();
        h.Accept(h.Cmd.IssueAllowances("reg", "MEE", "T-A", Cea, 600_000));
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        // Listed: [72.00, 88.00]; 88.01 refused, 88.00 accepted; 99,999 t accepted, 100,000 t refused.
        h.Reject(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_801, 10), LedgerRejection.OrderPriceOutsideBand);
        h.Accept(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_800, 10));
        h.Reject(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 7_199, 10), LedgerRejection.OrderPriceOutsideBand);
        h.Accept(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_500, 99_999));
        h.Reject(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_500, 100_000), LedgerRejection.OrderQuantityAboveMaximum);

        // Block: afternoon only, ≥ 100,000 t, [56.00, 104.00].
        h.Reject(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000), LedgerRejection.OrderOutsideSession);
        h.Now = h.At(Monday, 13, 30);
        h.Accept(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000));
        h.Reject(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 8_000, 99_999), LedgerRejection.OrderQuantityBelowMinimum);
        h.Reject(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 10_401, 100_000), LedgerRejection.OrderPriceOutsideBand);
        h.Accept(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 10_400, 100_000));
        h.Accept(h.Cmd.Block("alice", "T-A", Cea, Side.Sell, 5_600, 100_000));

        // The lunch break and after 15:00 are outside the listed sessions; cancels always work.
        h.Now = h.At(Monday, 12, 0);
        h.Reject(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10), LedgerRejection.OrderOutsideSession);
        h.Now = h.At(Monday, 15, 0);
        h.Reject(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10), LedgerRejection.OrderOutsideSession);
        long order = h.Ledger.AllLiveOrders().First().OrderId;
        h.Accept(h.Cmd.CancelOrder("alice", "T-A", order));
    }

    [Fact]
    public void Calendar_WeekendsHolidaysAndOrder_AreEnforced()
    {
        ExchangeHarness h = Standard();
        var saturday = new LocalDate(2026, 3, 7);
        h.Now = h.At(saturday, 9, 0);
        h.Reject(h.Cmd.OpenDay(Operator, saturday), LedgerRejection.NotATradingDay);
        var labourDay = new LocalDate(2026, 5, 1);
        h.Now = h.At(labourDay, 9, 0);
        h.Reject(h.Cmd.OpenDay(Operator, labourDay), LedgerRejection.NotATradingDay);
        h.Now = h.At(Monday, 9, 0);
        h.Reject(h.Cmd.OpenDay(Operator, s_tuesday), LedgerRejection.TradingDayNotToday);
        h.Reject(h.Cmd.OpenDay("alice", Monday), LedgerRejection.ActorNotExchangeOperator);
        h.Now = h.At(Monday, 10, 0);
        h.Reject(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10), LedgerRejection.TradingDayNotOpen);
        h.OpenDay(Monday);
        h.Reject(h.Cmd.OpenDay(Operator, Monday), LedgerRejection.TradingDayNotAfterLast);
        h.Now = h.At(s_tuesday, 9, 0);
        h.Reject(h.Cmd.OpenDay(Operator, s_tuesday), LedgerRejection.TradingDayAlreadyOpen);
        h.Reject(h.Cmd.CloseDay(Operator, s_tuesday), LedgerRejection.TradingDayNotOpen);
        h.CloseDay(Monday);
        h.Now = h.At(Monday, 16, 0);
        h.Reject(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10), LedgerRejection.TradingDayNotOpen);
    }

    [Fact]
    public void DayOrders_ExpireAtTheCloseAndGtcOutsideTheNewBandIsCancelledAtTheOpen()
    {
        ExchangeHarness h = Standard();
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        OrderPlaced day = h.Accept<OrderPlaced>(
            h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_500, 100, TimeInForce.Day));
        OrderPlaced far = h.Accept<OrderPlaced>(h.Cmd.Limit("alice", "T-A", Cea, Side.Sell, 8_800, 100));
        // Trades at 72.00 make the close 72.00, so Tuesday's band is [64.80, 79.20] and 88.00 falls out.
        h.Accept(h.Cmd.Limit("bob", "T-B", Cea, Side.Sell, 7_200, 10));
        h.Accept(h.Cmd.Limit("carol", "T-C", Cea, Side.Buy, 7_200, 10));
        TradingDayClosed closed = h.CloseDay(Monday);
        OrderExpiry expired = Assert.Single(closed.Expired);
        Assert.Equal((day.OrderId, CancelReason.Expired, T(100)), (expired.OrderId, expired.Reason, expired.Quantity));
        TradingDayOpened opened = h.OpenDay(s_tuesday);
        OrderExpiry cancelled = Assert.Single(opened.Cancelled);
        Assert.Equal((far.OrderId, CancelReason.PriceNoLongerValid, T(100)),
            (cancelled.OrderId, cancelled.Reason, cancelled.Quantity));
        Assert.Equal(T(0), h.Units("T-A").Locked);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void ListInstrument_DuringAnOpenDay_TradesFromTheNextDayAndTheCloseIgnoresIt()
    {
        ExchangeHarness h = Standard();
        h.Accept(h.Cmd.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 1_000));
        h.OpenDay(Monday);
        h.Now = h.At(Monday, 10, 0);
        h.Accept(h.Cmd.List(Operator, "CEA-2025", 6_000));
        h.Reject(h.Cmd.Limit("alice", "T-A", "CEA-2025", Side.Sell, 6_000, 10), LedgerRejection.TradingDayNotOpen);
        TradingDayClosed closed = h.CloseDay(Monday);
        Assert.Equal([Cea], closed.MarketData.Select(d => d.Instrument.ToString()));
        TradingDayOpened tuesday = h.OpenDay(s_tuesday);
        Assert.Equal(2, tuesday.Listings.Count);
        h.Now = h.At(s_tuesday, 10, 0);
        h.Accept(h.Cmd.Limit("alice", "T-A", "CEA-2025", Side.Sell, 6_000, 10));
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }
}
