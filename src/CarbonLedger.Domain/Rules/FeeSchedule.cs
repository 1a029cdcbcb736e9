namespace CarbonLedger.Domain.Rules;

/// <summary>
/// One version of the exchange's fees for one trading mode: a rate for the buyer and one for the seller
/// (domain.md §2.5: the national fee schedule is not sourced, [I]; every number is rule data).
/// </summary>
public sealed record FeeSchedule
{
    /// <summary>Creates a fee version.</summary>
    public FeeSchedule(string version, TradingMode mode, FeeRate buyer, FeeRate seller)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        Mode = mode;
        Buyer = buyer;
        Seller = seller;
    }

    /// <summary>The version name recorded with every trade that used it.</summary>
    public string Version { get; }

    /// <summary>The mode it applies to.</summary>
    public TradingMode Mode { get; }

    /// <summary>The buyer's rate.</summary>
    public FeeRate Buyer { get; }

    /// <summary>The seller's rate.</summary>
    public FeeRate Seller { get; }

    /// <summary>The rate of <paramref name="side"/>.</summary>
    public FeeRate For(Trading.Side side) => side == Trading.Side.Buy ? Buyer : Seller;
}
