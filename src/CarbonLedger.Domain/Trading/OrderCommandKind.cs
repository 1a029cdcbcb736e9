namespace CarbonLedger.Domain.Trading;

/// <summary>The commands a book accepts. Stable values: they appear in the backtesting CSV's codes.</summary>
public enum OrderCommandKind : byte
{
    /// <summary>A limit order (GTC, day, IOC or FOK).</summary>
    Limit = 1,

    /// <summary>A market order, IOC or FOK, bounded by the day's price band.</summary>
    Market = 2,

    /// <summary>Listed-agreement pick: trade with one chosen listing at its price (domain.md §2.2).</summary>
    Pick = 3,

    /// <summary>Cancel a resting order.</summary>
    Cancel = 4,

    /// <summary>Change a resting order's price and/or open quantity.</summary>
    Amend = 5,
}
