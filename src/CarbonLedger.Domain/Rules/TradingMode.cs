namespace CarbonLedger.Domain.Rules;

/// <summary>
/// The SEEE trading modes (domain.md §2.2). Stable numeric values: they appear in snapshots and rule data.
/// </summary>
public enum TradingMode : byte
{
    /// <summary>挂牌协议交易: the continuous listed book, orders below 100,000 t, ±10% band.</summary>
    Listed = 1,

    /// <summary>大宗协议交易: negotiated block trades of ≥ 100,000 t, ±30% band, afternoon only.</summary>
    Block = 2,

    /// <summary>单向竞价: a seller's one-way auction; hours announced per auction.</summary>
    Auction = 3,
}
