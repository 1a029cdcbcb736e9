namespace CarbonLedger.Domain.Trading;

/// <summary>
/// Why the matching core refused an order command. A rejected command changes nothing in the book.
/// <para>
/// The declaration order is the <b>precedence</b>: when a command breaks several rules, the first in this
/// list is reported, so the same bad command always gets the same code (docs/reference/rejections.md). Each
/// command kind checks the subset that applies to it. Stable numeric values: they appear in outputs.
/// </para>
/// </summary>
public enum OrderRejection : byte
{
    /// <summary>No rejection.</summary>
    None = 0,

    /// <summary>No book trades this instrument.</summary>
    UnknownInstrument = 1,

    /// <summary>The command's time is outside every session window of the trading day (cancels excepted).</summary>
    OutsideSession = 2,

    /// <summary>The order id is zero or negative.</summary>
    InvalidOrderId = 3,

    /// <summary>An order with this id is already resting in the book.</summary>
    DuplicateOrderId = 4,

    /// <summary>Cancel or amend of an order that is not resting: unknown, filled, cancelled or expired.</summary>
    OrderNotResting = 5,

    /// <summary>Cancel or amend by a trader who does not own the order.</summary>
    NotOrderOwner = 6,

    /// <summary>A market order must be IOC or FOK: it has no price to rest at.</summary>
    MarketOrderNotImmediate = 7,

    /// <summary>The quantity is zero or negative.</summary>
    QuantityNotPositive = 8,

    /// <summary>The quantity is not a whole number of lots (listed: 1 t).</summary>
    QuantityNotLotMultiple = 9,

    /// <summary>The quantity is below the mode's minimum order size.</summary>
    QuantityBelowMinimum = 10,

    /// <summary>The quantity is above the mode's maximum order size (listed: below 100,000 t).</summary>
    QuantityAboveMaximum = 11,

    /// <summary>The limit price is zero or negative.</summary>
    PriceNotPositive = 12,

    /// <summary>The limit price is not a multiple of the tick (0.01 CNY).</summary>
    PriceOffTick = 13,

    /// <summary>The limit price is outside the day's band around the previous close.</summary>
    PriceOutsideBand = 14,

    /// <summary>The picked listing is not resting: unknown, filled, cancelled or expired.</summary>
    PickListingNotResting = 15,

    /// <summary>The picked listing is on the picker's own side.</summary>
    PickSideMismatch = 16,

    /// <summary>The picked listing is not within the best five opposite price levels.</summary>
    PickNotInBestLevels = 17,

    /// <summary>The declared quantity is more than the picked listing has open.</summary>
    PickQuantityExceedsListing = 18,

    /// <summary>The picked listing belongs to the picker (self-trade prevention).</summary>
    PickOwnListing = 19,
}
