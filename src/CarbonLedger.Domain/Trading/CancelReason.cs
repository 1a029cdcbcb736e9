namespace CarbonLedger.Domain.Trading;

/// <summary>Why open quantity left the book without trading. Stable values: they appear in outputs.</summary>
public enum CancelReason : byte
{
    /// <summary>Not a cancel.</summary>
    None = 0,

    /// <summary>The owner cancelled it.</summary>
    Requested = 1,

    /// <summary>The unfilled rest of an IOC or market order.</summary>
    Unfilled = 2,

    /// <summary>A fill-or-kill order that could not trade its whole quantity at once.</summary>
    FillOrKill = 3,

    /// <summary>
    /// Self-trade prevention: the incoming order met a resting order of the same trader; the incoming
    /// order's remainder is cancelled and the resting order is left untouched (decision 0008).
    /// </summary>
    SelfTrade = 4,

    /// <summary>A day order still open when the trading day closed.</summary>
    Expired = 5,

    /// <summary>
    /// A resting order whose price is outside the new trading day's band, or off its tick, when the day
    /// opens: the book never holds an order it could not accept today, so no trade prints outside the band.
    /// </summary>
    PriceNoLongerValid = 6,
}
