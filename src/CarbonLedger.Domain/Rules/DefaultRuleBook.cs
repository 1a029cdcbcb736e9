using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Rules;

/// <summary>
/// The rules as published for SEEE at the national market's launch (domain.md §2, [F] unless noted), used
/// when no other rule data is configured. SHEA and the credits use the same numbers until their own
/// versions are entered ([B]: the Shanghai exchange's own parameters are not sourced yet).
/// </summary>
public static class DefaultRuleBook
{
    /// <summary>The national market opened 2021-07-16.</summary>
    public static readonly LocalDate MarketOpened = new(2021, 7, 16);

    /// <summary>
    /// 挂牌协议: tick 0.01, lot 1 t, 1 ≤ qty &lt; 100,000 t, ±10%, 09:30–11:30 and 13:00–15:00.
    /// </summary>
    public static MarketRules Listed { get; } = new(
        version: "SEEE-LISTED-2021.1",
        mode: TradingMode.Listed,
        tick: Price.FromFenPerTonne(1),
        lot: Co2e.FromTonnes(1),
        minimumQuantity: Co2e.FromTonnes(1),
        maximumQuantity: Co2e.FromTonnes(99_999),
        bandBasisPoints: 1_000,
        sessions: [SessionWindow.Of(9, 30, 11, 30), SessionWindow.Of(13, 0, 15, 0)],
        pickDepthLevels: 5);

    /// <summary>
    /// 大宗协议: ≥ 100,000 t, ±30%, 13:00–15:00 (no upper size limit is published: 10¹² t stands in).
    /// </summary>
    public static MarketRules Block { get; } = new(
        version: "SEEE-BLOCK-2021.1",
        mode: TradingMode.Block,
        tick: Price.FromFenPerTonne(1),
        lot: Co2e.FromTonnes(1),
        minimumQuantity: Co2e.FromTonnes(100_000),
        maximumQuantity: Co2e.FromTonnes(1_000_000_000_000),
        bandBasisPoints: 3_000,
        sessions: [SessionWindow.Of(13, 0, 15, 0)],
        pickDepthLevels: 0);

    /// <summary>
    /// 单向竞价: tick 0.01, lot 1 t, at least 1 t per bid; the hours and the floor are per auction (each
    /// auction announces its window), so no session windows and no band here.
    /// </summary>
    public static MarketRules Auction { get; } = new(
        version: "SEEE-AUCTION-2021.1",
        mode: TradingMode.Auction,
        tick: Price.FromFenPerTonne(1),
        lot: Co2e.FromTonnes(1),
        minimumQuantity: Co2e.FromTonnes(1),
        maximumQuantity: Co2e.FromTonnes(1_000_000_000_000),
        bandBasisPoints: 10_000,
        sessions: [],
        pickDepthLevels: 0);

    /// <summary>Listed fees, [I]: 5 bps a side, at least CNY 1.00 and at most CNY 100,000 per order.</summary>
    public static FeeSchedule ListedFees { get; } = new("SEEE-FEES-LISTED-I1", TradingMode.Listed,
        new FeeRate(5, Money.FromYuan(1), Money.FromYuan(100_000)),
        new FeeRate(5, Money.FromYuan(1), Money.FromYuan(100_000)));

    /// <summary>Block fees, [I]: 3 bps a side, at least CNY 100 and at most CNY 200,000 per order.</summary>
    public static FeeSchedule BlockFees { get; } = new("SEEE-FEES-BLOCK-I1", TradingMode.Block,
        new FeeRate(3, Money.FromYuan(100), Money.FromYuan(200_000)),
        new FeeRate(3, Money.FromYuan(100), Money.FromYuan(200_000)));

    /// <summary>Auction fees, [I]: 5 bps a side, no minimum, at most CNY 200,000 per bid or sale.</summary>
    public static FeeSchedule AuctionFees { get; } = new("SEEE-FEES-AUCTION-I1", TradingMode.Auction,
        new FeeRate(5, Money.Zero, Money.FromYuan(200_000)),
        new FeeRate(5, Money.Zero, Money.FromYuan(200_000)));

    /// <summary>
    /// Weekday closures of the mainland statutory holidays of 2025 and 2026 as announced by the State
    /// Council ([B]: from memory of the announcements, not re-found in a stored source; the exchange's own
    /// list at shyx.cneeex.com/assets/json/holidays.json is the authority and replaces this as rule data).
    /// Weekend dates are closed anyway and are not listed.
    /// </summary>
    public static IReadOnlyList<LocalDate> Holidays { get; } =
    [
        new(2025, 1, 1), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31),
        new(2025, 2, 3), new(2025, 2, 4), new(2025, 4, 4), new(2025, 5, 1), new(2025, 5, 2), new(2025, 5, 5),
        new(2025, 6, 2), new(2025, 10, 1), new(2025, 10, 2), new(2025, 10, 3), new(2025, 10, 6),
        new(2025, 10, 7), new(2025, 10, 8),
        new(2026, 1, 1), new(2026, 1, 2), new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18),
        new(2026, 2, 19), new(2026, 2, 20), new(2026, 2, 23), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 4),
        new(2026, 5, 5), new(2026, 6, 19), new(2026, 9, 25), new(2026, 10, 1), new(2026, 10, 2),
        new(2026, 10, 5), new(2026, 10, 6), new(2026, 10, 7),
    ];

    /// <summary>The market's zone.</summary>
    public static DateTimeZone Shanghai { get; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>
    /// Every programme, all three modes with their fees, effective from <see cref="MarketOpened"/>, and the
    /// holiday calendar.
    /// </summary>
    public static RuleBook Create()
    {
        RuleBook book = RuleBook.Empty(Shanghai).WithClosedDays(Holidays);
        foreach (Programme programme in new[] { Programme.Cea, Programme.Shea, Programme.Ccer, Programme.Shcer })
        {
            book = book.WithMarketRules(programme, MarketOpened, Listed)
                .WithMarketRules(programme, MarketOpened, Block)
                .WithMarketRules(programme, MarketOpened, Auction)
                .WithFeeSchedule(programme, MarketOpened, ListedFees)
                .WithFeeSchedule(programme, MarketOpened, BlockFees)
                .WithFeeSchedule(programme, MarketOpened, AuctionFees);
        }

        return book;
    }
}
