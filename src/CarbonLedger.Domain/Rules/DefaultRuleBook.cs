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

    /// <summary>The market's zone.</summary>
    public static DateTimeZone Shanghai { get; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Every programme, both continuous modes, effective from <see cref="MarketOpened"/>.</summary>
    public static RuleBook Create()
    {
        RuleBook book = RuleBook.Empty(Shanghai);
        foreach (Programme programme in new[] { Programme.Cea, Programme.Shea, Programme.Ccer, Programme.Shcer })
        {
            book = book.WithMarketRules(programme, MarketOpened, Listed)
                .WithMarketRules(programme, MarketOpened, Block);
        }

        return book;
    }
}
