using System.Reflection;
using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Builders;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;
using static CarbonLedger.Domain.Tests.Exchange.Support.ExchangeHarness;
using H = CarbonLedger.Domain.Tests.Exchange.Support.ExchangeHarness;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>
/// docs/reference/rejections.md for the exchange commands, as an executable table run on the standard market
/// of <see cref="ExchangeHarness"/> (Monday open unless a row says otherwise, commands at 10:00) against the
/// oracle. Each row's violating command breaks exactly its rule and changes nothing; the corrected command
/// (after an optional repair of the state) is accepted.
/// </summary>
public sealed class ExchangeRejectionTests
{
    private static readonly LocalDate s_tuesday = Monday.PlusDays(1);

    private static readonly Row[] s_table =
    [
        new(AmountMustBePositive, None_, (h, c) => c.Deposit(Bank, "BANK", "T-C", 0),
            (h, c) => c.Deposit(Bank, "BANK", "T-C", 1)),
        new(AmountExceedsLimit, None_, (h, c) => c.Deposit(Bank, "BANK", "T-C", 100_000_000_001),
            (h, c) => c.Deposit(Bank, "BANK", "T-C", 100_000_000_000)),
        new(BankReferenceRequired, None_, (h, c) => c.Deposit(Bank, "BANK", "T-C", 1, reference: " "),
            (h, c) => c.Deposit(Bank, "BANK", "T-C", 1, reference: "REF-1")),
        new(AuctionWindowInvalid, None_,
            (h, c) => c.Auction("alice", "T-A", Cea, 1_000, 7_000, h.At(Monday, 11, 0), h.At(Monday, 10, 30)),
            (h, c) => c.Auction("alice", "T-A", Cea, 1_000, 7_000, h.At(Monday, 11, 0), h.At(Monday, 11, 30))),
        new(BankAccountUnknown, None_, (h, c) => c.Deposit(Bank, "BANK-9", "T-C", 1),
            (h, c) => c.Deposit(Bank, "BANK", "T-C", 1)),
        new(CounterpartyUnknown, None_, (h, c) => c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000, "T-9"),
            (h, c) => c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000, "T-B"), Hour: 13),
        new(OrderUnknown, SellTen, (h, c) => c.CancelOrder("alice", "T-A", 999),
            (h, c) => c.CancelOrder("alice", "T-A", 1)),
        new(BlockOrderUnknown, BlockSale, (h, c) => c.Confirm("bob", "T-B", 999),
            (h, c) => c.Confirm("bob", "T-B", 1), Hour: 13),
        new(AuctionUnknown, Auction, (h, c) => c.Bid("bob", "T-B", 999, 7_000, 10),
            (h, c) => c.Bid("bob", "T-B", 1, 7_000, 10)),
        new(AccountNotTrading, c => [c.Open("reg", "E-1", AccountType.EnterpriseHolding, "alice")],
            (h, c) => c.Deposit(Bank, "BANK", "E-1", 1), (h, c) => c.Deposit(Bank, "BANK", "T-A", 1)),
        new(CounterpartyNotTrading, c => [c.Open("reg", "E-2", AccountType.EnterpriseHolding, "bob")],
            (h, c) => c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000, "E-2"),
            (h, c) => c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000, "T-B"), Hour: 13),
        new(NotASettlementBank, None_, (h, c) => c.Deposit(Bank, "SEEE", "T-C", 1),
            (h, c) => c.Deposit(Bank, "BANK", "T-C", 1)),
        new(ActorNotExchangeOperator, c => [c.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 10)],
            (h, c) => c.List("alice", "CEA-2025", 8_000), (h, c) => c.List(Operator, "CEA-2025", 8_000)),
        new(ActorNotBank, None_, (h, c) => c.Deposit("alice", "BANK", "T-C", 1),
            (h, c) => c.Deposit(Bank, "BANK", "T-C", 1)),
        new(NotOrderOwner, SellTen, (h, c) => c.CancelOrder("bob", "T-B", 1),
            (h, c) => c.CancelOrder("alice", "T-A", 1)),
        new(NotNamedCounterparty, c => [c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000, "T-B")],
            (h, c) => c.Confirm("carol", "T-C", 1), (h, c) => c.Confirm("bob", "T-B", 1), Hour: 13),
        new(CannotTradeWithSelf, BlockSale, (h, c) => c.Confirm("alice", "T-A", 1),
            (h, c) => c.Confirm("bob", "T-B", 1), Hour: 13),
        new(ExchangeNotConfigured, c => [c.Close("reg", "SEEE-FEES")],
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10),
            Repair: c => [c.Open("reg", "SEEE-FEES-2", AccountType.Fee, Operator)]),
        new(InstrumentNotListed, c => [c.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 10)],
            (h, c) => c.Limit("alice", "T-A", "CEA-2025", Side.Sell, 8_000, 10),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10)),
        new(InstrumentAlreadyListed, c => [c.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 10)],
            (h, c) => c.List(Operator, Cea, 8_000), (h, c) => c.List(Operator, "CEA-2025", 8_000)),
        new(ReferencePriceInvalid, c => [c.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 10)],
            (h, c) => c.List(Operator, "CEA-2025", 0), (h, c) => c.List(Operator, "CEA-2025", 1)),
        new(NotATradingDay, None_, (h, c) => c.OpenDay(Operator, new LocalDate(2026, 3, 7)),
            (h, c) => c.OpenDay(Operator, new LocalDate(2026, 3, 9)), OpenMonday: false,
            ViolatingAt: h => h.At(new LocalDate(2026, 3, 7), 9, 0),
            CorrectedAt: h => h.At(new LocalDate(2026, 3, 9), 9, 0)),
        new(TradingDayNotAfterLast, c => [c.CloseDay(Operator, Monday)], (h, c) => c.OpenDay(Operator, Monday),
            (h, c) => c.OpenDay(Operator, s_tuesday), CorrectedAt: h => h.At(s_tuesday, 9, 0)),
        new(TradingDayAlreadyOpen, None_, (h, c) => c.OpenDay(Operator, s_tuesday),
            (h, c) => c.OpenDay(Operator, s_tuesday), Repair: c => [c.CloseDay(Operator, Monday)],
            ViolatingAt: h => h.At(s_tuesday, 9, 0), CorrectedAt: h => h.At(s_tuesday, 9, 0)),
        new(TradingDayNotOpen, None_, (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10), OpenMonday: false,
            Repair: c => [c.OpenDay(Operator, Monday)]),
        new(TradingDayNotToday, None_, (h, c) => c.OpenDay(Operator, Monday), (h, c) => c.OpenDay(Operator, Monday),
            OpenMonday: false, ViolatingAt: h => h.At(Monday.PlusDays(-1), 23, 0),
            CorrectedAt: h => h.At(Monday, 9, 0)),
        new(NoMarketRules, None_, (h, c) => c.OpenDay(Operator, Monday), (h, c) => c.OpenDay(Operator, s_tuesday),
            OpenMonday: false, ViolatingAt: h => h.At(Monday, 9, 0), CorrectedAt: h => h.At(s_tuesday, 9, 0),
            Rules: RulesFrom(s_tuesday)),
        new(PriceBandTooWide,
            c => [c.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 10), c.List(Operator, "CEA-2025", 4_000_000),
                c.CloseDay(Operator, Monday)],
            (h, c) => c.OpenDay(Operator, s_tuesday), Corrected: null,
            ViolatingAt: h => h.At(s_tuesday, 9, 0), Rules: WideBandFrom(s_tuesday)),
        new(OrderOutsideSession, None_, (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10), ViolatingAt: h => h.At(Monday, 12, 0)),
        new(MarketOrderNotImmediate, None_, (h, c) => c.Market("bob", "T-B", Cea, Side.Buy, 10, TimeInForce.Gtc),
            (h, c) => c.Market("bob", "T-B", Cea, Side.Buy, 10, TimeInForce.Ioc)),
        new(OrderQuantityNotPositive, None_, (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 0),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10)),
        new(OrderQuantityNotLotMultiple, None_,
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10) with { Quantity = Co2e.FromGrams(10_500_000) },
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10)),
        new(OrderQuantityBelowMinimum, None_, (h, c) => c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 99_999),
            (h, c) => c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000), Hour: 13),
        new(OrderQuantityAboveMaximum, None_, (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 100_000),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 99_999)),
        new(OrderPriceNotPositive, None_, (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 0, 10),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10)),
        new(OrderPriceOffTick, None_, (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_001, 10),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_005, 10), Rules: FiveFenTick()),
        new(OrderPriceOutsideBand, None_, (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_801, 10),
            (h, c) => c.Limit("alice", "T-A", Cea, Side.Sell, 8_800, 10)),
        new(PickListingNotResting, SellTen, (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 999, 10),
            (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 1, 10)),
        new(PickSideMismatch, SellTen, (h, c) => c.Pick("bob", "T-B", Cea, Side.Sell, 1, 10),
            (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 1, 10)),
        new(PickNotInBestLevels,
            c => [.. Enumerable.Range(0, 6).Select(i => c.Limit("alice", "T-A", Cea, Side.Sell, 8_000 + i, 10))],
            (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 6, 10), (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 5, 10)),
        new(PickQuantityExceedsListing, SellTen, (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 1, 11),
            (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 1, 10)),
        new(PickOwnListing, SellTen, (h, c) => c.Pick("alice", "T-A", Cea, Side.Buy, 1, 10),
            (h, c) => c.Pick("bob", "T-B", Cea, Side.Buy, 1, 10)),
        new(BidOutsideWindow, Auction, (h, c) => c.Bid("bob", "T-B", 1, 7_000, 10),
            (h, c) => c.Bid("bob", "T-B", 1, 7_000, 10), ViolatingAt: h => h.At(Monday, 11, 30),
            CorrectedAt: h => h.At(Monday, 11, 29)),
        new(BidBelowFloor, Auction, (h, c) => c.Bid("bob", "T-B", 1, 6_999, 10),
            (h, c) => c.Bid("bob", "T-B", 1, 7_000, 10)),
        new(BidExceedsAuctionQuantity, Auction, (h, c) => c.Bid("bob", "T-B", 1, 7_000, 1_001),
            (h, c) => c.Bid("bob", "T-B", 1, 7_000, 1_000)),
        new(AuctionWindowNotEnded, Auction,
            (h, c) => c.CloseAuction(Operator, 1), (h, c) => c.CloseAuction(Operator, 1),
            ViolatingAt: h => h.At(Monday, 11, 29), CorrectedAt: h => h.At(Monday, 11, 30)),
        new(UnitsUnsettled,
            c => [
                c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10), c.Limit("carol", "T-C", Cea, Side.Buy, 8_000, 10),
            ],
            (h, c) => c.Limit("carol", "T-C", Cea, Side.Sell, 8_000, 10),
            (h, c) => c.Limit("bob", "T-B", Cea, Side.Sell, 8_000, 10)),
        new(InsufficientFunds, c => [c.Withdraw(Bank, "BANK", "T-C", 49_999_000)],
            (h, c) => c.Limit("carol", "T-C", Cea, Side.Buy, 8_000, 13),
            (h, c) => c.Limit("carol", "T-C", Cea, Side.Buy, 8_000, 12)),
        new(InsufficientWithdrawable, None_, (h, c) => c.Withdraw(Bank, "BANK", "T-C", 50_000_001),
            (h, c) => c.Withdraw(Bank, "BANK", "T-C", 50_000_000)),
    ];

    public static TheoryData<LedgerRejection> TableCodes => [.. s_table.Select(r => r.Code)];

    /// <summary>Every exchange code, in declaration order (the registry's table covers the rest).</summary>
    public static IReadOnlyList<LedgerRejection> Codes => [.. s_table.Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(TableCodes))]
    public void Submit_CommandBreakingExactlyOneRule_IsRejectedWithThatCodeAndChangesNothing(LedgerRejection code)
    {
        Row row = s_table.Single(r => r.Code == code);
        ExchangeHarness h = Standard(rules: row.Rules);
        CommandFactory c = h.Cmd;
        if (row.OpenMonday)
        {
            h.OpenDay(Monday);
        }

        Instant usual = h.At(Monday, row.Hour, 30);
        h.Now = usual;
        foreach (LedgerCommand setup in row.Arrange(c))
        {
            h.Accept(setup);
        }

        h.Now = row.ViolatingAt?.Invoke(h) ?? usual;
        h.Reject(row.Violating(h, c), code);
        if (row.Corrected is null)
        {
            return;
        }

        foreach (LedgerCommand repair in row.Repair?.Invoke(c) ?? [])
        {
            h.Accept(repair);
        }

        h.Now = row.CorrectedAt?.Invoke(h) ?? usual;
        h.Accept(row.Corrected(h, c));
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay(row.Rules).ComputeStateHash());
    }

    [Fact]
    public void RejectionTable_Rows_AreInDeclarationOrder()
    {
        List<LedgerRejection> declared = typeof(LedgerRejection).GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(f => f.MetadataToken).Select(f => (LedgerRejection)f.GetValue(null)!).ToList();
        Assert.Equal(declared.Where(s_table.Select(r => r.Code).Contains), s_table.Select(r => r.Code));
    }

    [Fact]
    public void OpenDay_ANewRuleVersionWidensTheBandBeyondABook_IsRefused()
    {
        // 40,000 CNY/t fits Monday's ±10 % band (800,000 fen levels); Tuesday's ±50 % version would need four
        // million levels, more than a book holds, so Tuesday cannot open until the rules or the price change.
        ExchangeHarness h = Standard(rules: WideBandFrom(s_tuesday));
        h.Accept(h.Cmd.IssueAllowances("reg", "MEE", "T-A", "CEA-2025", 10));
        h.OpenDay(Monday);
        h.Accept(h.Cmd.List(Operator, "CEA-2025", 4_000_000));
        h.CloseDay(Monday);
        h.Now = h.At(s_tuesday, 9, 0);
        h.Reject(h.Cmd.OpenDay(Operator, s_tuesday), PriceBandTooWide);
        Assert.Null(h.Ledger.OpenTradingDate);
    }

    /// <summary>The default rules, with a ±50 % listed band for CEA from <paramref name="date"/>.</summary>
    private static RuleBook WideBandFrom(LocalDate date)
    {
        MarketRules listed = DefaultRuleBook.Listed;
        var wide = new MarketRules("TEST-BAND-50", TradingMode.Listed, listed.Tick, listed.Lot, listed.MinimumQuantity,
            listed.MaximumQuantity, 5_000, listed.Sessions, listed.PickDepthLevels);
        return DefaultRuleBook.Create().WithMarketRules(Programme.Cea, date, wide);
    }

    private static IEnumerable<LedgerCommand> None_(CommandFactory c) => [];

    private static IEnumerable<LedgerCommand> SellTen(CommandFactory c) =>
        [c.Limit("alice", "T-A", Cea, Side.Sell, 8_000, 10)];

    private static IEnumerable<LedgerCommand> BlockSale(CommandFactory c) =>
        [c.Block("alice", "T-A", Cea, Side.Sell, 8_000, 100_000)];

    private static IEnumerable<LedgerCommand> Auction(CommandFactory c) =>
    [
        c.Auction(
            "alice", "T-A", Cea, 1_000, 7_000,
            DefaultRuleBook.Shanghai.AtStrictly(Monday.At(new LocalTime(9, 30))).ToInstant(),
            DefaultRuleBook.Shanghai.AtStrictly(Monday.At(new LocalTime(11, 30))).ToInstant()),
    ];

    /// <summary>
    /// The default rules, except that CEA's listed and block markets open on <paramref name="date"/>.
    /// </summary>
    private static RuleBook RulesFrom(LocalDate date)
    {
        RuleBook book = RuleBook.Empty(DefaultRuleBook.Shanghai).WithClosedDays(DefaultRuleBook.Holidays);
        return book.WithMarketRules(Programme.Cea, date, DefaultRuleBook.Listed)
            .WithMarketRules(Programme.Cea, date, DefaultRuleBook.Block)
            .WithMarketRules(Programme.Cea, DefaultRuleBook.MarketOpened, DefaultRuleBook.Auction)
            .WithFeeSchedule(Programme.Cea, DefaultRuleBook.MarketOpened, DefaultRuleBook.ListedFees);
    }

    /// <summary>The default rules with a 0.05 CNY listed tick for CEA from the market's opening.</summary>
    private static RuleBook FiveFenTick()
    {
        MarketRules listed = DefaultRuleBook.Listed;
        var coarse = new MarketRules("TEST-TICK-5", TradingMode.Listed, Price.FromFenPerTonne(5), listed.Lot,
            listed.MinimumQuantity, listed.MaximumQuantity, listed.BandBasisPoints, listed.Sessions,
            listed.PickDepthLevels);
        return DefaultRuleBook.Create().WithMarketRules(Programme.Cea, new LocalDate(2026, 1, 1), coarse);
    }

    private sealed record Row(
        LedgerRejection Code,
        Func<CommandFactory, IEnumerable<LedgerCommand>> Arrange,
        Func<H, CommandFactory, LedgerCommand> Violating,
        Func<H, CommandFactory, LedgerCommand>? Corrected,
        bool OpenMonday = true,
        int Hour = 10,
        Func<CommandFactory, IEnumerable<LedgerCommand>>? Repair = null,
        Func<H, Instant>? ViolatingAt = null,
        Func<H, Instant>? CorrectedAt = null,
        RuleBook? Rules = null);
}
