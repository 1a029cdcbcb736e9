namespace CarbonLedger.Domain.Exchange;

/// <summary>How a listed-mode order prices itself. Stable numeric values (journaled).</summary>
public enum OrderType
{
    /// <summary>A limit price: trades at it or better, the rest rests (GTC, day) or is cancelled (IOC, FOK).</summary>
    Limit = 1,

    /// <summary>No price: sweeps up to the band edge, IOC or FOK only (decision 0008).</summary>
    Market = 2,

    /// <summary>挂牌协议 selection: takes one chosen listing among the best five opposite levels.</summary>
    Pick = 3,
}

/// <summary>How an order ended its command, or that it rests. Stable numeric values (journaled).</summary>
public enum OrderStatus
{
    /// <summary>Open quantity rests in the book.</summary>
    Resting = 1,

    /// <summary>Completely filled.</summary>
    Filled = 2,

    /// <summary>The open quantity was cancelled (see the cancel reason).</summary>
    Cancelled = 3,
}

/// <summary>How a one-way auction prices its winners (decision 0009). Stable numeric values.</summary>
public enum AuctionPricing
{
    /// <summary>Each winner pays its own bid price.</summary>
    PayAsBid = 1,

    /// <summary>Every winner pays the lowest winning bid price (EEX style).</summary>
    Uniform = 2,
}
