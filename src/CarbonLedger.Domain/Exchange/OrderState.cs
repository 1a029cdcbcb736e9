using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// The exchange's side of one listed order (the book keeps price-time priority): whose it is, what it holds
/// and what it has traded. A plain struct in a pooled array, so order entry allocates nothing.
/// </summary>
internal struct OrderState
{
    public long Id;
    public int Account;
    public int Listing;
    public Side Side;
    public TimeInForce Tif;

    /// <summary>The price the hold is computed at, fen per tonne: the limit, a market buy's band edge, a pick's
    /// listing price.</summary>
    public long Limit;

    /// <summary>Open quantity in grams (equals the book's while the order rests).</summary>
    public long Open;

    /// <summary>Cash still held for a buy, fen.</summary>
    public long HeldCash;

    /// <summary>Value traded so far, fen (the fee is a function of it).</summary>
    public long Traded;

    /// <summary>Fees charged so far, fen.</summary>
    public long FeesPaid;

    /// <summary>The order's fee rate, fixed when it was placed.</summary>
    public FeeRate Rate;
}
