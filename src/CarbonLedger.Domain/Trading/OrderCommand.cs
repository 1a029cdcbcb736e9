using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// One command to a book, a plain value passed by reference (no allocation). Build it with the factory
/// methods; fields a kind does not use are default.
/// </summary>
public readonly record struct OrderCommand
{
    /// <summary>The command.</summary>
    public OrderCommandKind Kind { get; init; }

    /// <summary>The instrument whose book the command is for.</summary>
    public InstrumentId Instrument { get; init; }

    /// <summary>The order: the new order's id (limit, market, pick) or the order to cancel or amend.</summary>
    public OrderId Order { get; init; }

    /// <summary>Who sends the command.</summary>
    public TraderId Trader { get; init; }

    /// <summary>Buy or sell (limit, market, pick).</summary>
    public Side Side { get; init; }

    /// <summary>Time in force (limit, market).</summary>
    public TimeInForce TimeInForce { get; init; }

    /// <summary>Limit price (limit) or new price (amend).</summary>
    public Price Price { get; init; }

    /// <summary>Order quantity (limit, market, pick) or new open quantity (amend).</summary>
    public Co2e Quantity { get; init; }

    /// <summary>Pick: the resting listing chosen.</summary>
    public OrderId Listing { get; init; }

    /// <summary>When the command was received (checked against the session windows).</summary>
    public Instant At { get; init; }

    /// <summary>A limit order.</summary>
    public static OrderCommand Limit(
        InstrumentId instrument, OrderId order, TraderId trader, Side side, Price price, Co2e quantity,
        TimeInForce timeInForce, Instant at) =>
        new()
        {
            Kind = OrderCommandKind.Limit, Instrument = instrument, Order = order, Trader = trader, Side = side,
            Price = price, Quantity = quantity, TimeInForce = timeInForce, At = at,
        };

    /// <summary>A market order (IOC or FOK).</summary>
    public static OrderCommand Market(
        InstrumentId instrument, OrderId order, TraderId trader, Side side, Co2e quantity,
        TimeInForce timeInForce, Instant at) =>
        new()
        {
            Kind = OrderCommandKind.Market, Instrument = instrument, Order = order, Trader = trader, Side = side,
            Quantity = quantity, TimeInForce = timeInForce, At = at,
        };

    /// <summary>A listed-agreement pick of <paramref name="listing"/> for <paramref name="quantity"/>.</summary>
    public static OrderCommand Pick(
        InstrumentId instrument, OrderId order, TraderId trader, Side side, OrderId listing, Co2e quantity,
        Instant at) =>
        new()
        {
            Kind = OrderCommandKind.Pick, Instrument = instrument, Order = order, Trader = trader, Side = side,
            Listing = listing, Quantity = quantity, TimeInForce = TimeInForce.Fok, At = at,
        };

    /// <summary>Cancel a resting order.</summary>
    public static OrderCommand Cancel(InstrumentId instrument, OrderId order, TraderId trader, Instant at) =>
        new() { Kind = OrderCommandKind.Cancel, Instrument = instrument, Order = order, Trader = trader, At = at };

    /// <summary>Amend a resting order to <paramref name="price"/> and open <paramref name="quantity"/>.</summary>
    public static OrderCommand Amend(
        InstrumentId instrument, OrderId order, TraderId trader, Price price, Co2e quantity, Instant at) =>
        new()
        {
            Kind = OrderCommandKind.Amend, Instrument = instrument, Order = order, Trader = trader, Price = price,
            Quantity = quantity, At = at,
        };
}
