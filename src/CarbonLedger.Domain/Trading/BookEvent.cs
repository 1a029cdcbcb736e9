using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// One output of the matching core, a plain value written into a caller's <see cref="BookOutput"/> (no
/// allocation). Fields not meaningful for a kind are default. For a <see cref="BookEventKind.Fill"/> the
/// order is the taker and the counterparty the maker; the trade is at the maker's price.
/// </summary>
public readonly record struct BookEvent
{
    /// <summary>What happened.</summary>
    public BookEventKind Kind { get; init; }

    /// <summary>The order concerned (the taker, for a fill).</summary>
    public OrderId Order { get; init; }

    /// <summary>The order's trader.</summary>
    public TraderId Trader { get; init; }

    /// <summary>The order's side.</summary>
    public Side Side { get; init; }

    /// <summary>
    /// Limit price (Accepted, Amended, Rested, Cancelled; zero for a market order, the listing's price for a
    /// pick), or the trade price (Fill).
    /// </summary>
    public Price Price { get; init; }

    /// <summary>Order quantity (Accepted), open quantity (Amended, Rested, Cancelled) or traded (Fill).</summary>
    public Co2e Quantity { get; init; }

    /// <summary>Fill: the taker's open quantity after this fill.</summary>
    public Co2e Remaining { get; init; }

    /// <summary>Fill: the maker.</summary>
    public OrderId Counterparty { get; init; }

    /// <summary>Fill: the maker's trader.</summary>
    public TraderId CounterTrader { get; init; }

    /// <summary>Fill: the maker's open quantity after this fill.</summary>
    public Co2e CounterRemaining { get; init; }

    /// <summary>Fill: the book's trade number, 1, 2, 3, … with no gaps.</summary>
    public long TradeId { get; init; }

    /// <summary>Rejected: the code.</summary>
    public OrderRejection Rejection { get; init; }

    /// <summary>Cancelled: the reason.</summary>
    public CancelReason Reason { get; init; }

    /// <summary>Amended: true when the order kept its place in the queue.</summary>
    public bool PriorityKept { get; init; }

    /// <summary>A refusal.</summary>
    public static BookEvent Rejected(OrderId order, TraderId trader, Side side, OrderRejection code) =>
        new() { Kind = BookEventKind.Rejected, Order = order, Trader = trader, Side = side, Rejection = code };

    /// <summary>An accepted new order.</summary>
    public static BookEvent Accepted(OrderId order, TraderId trader, Side side, Price price, Co2e quantity) =>
        new()
        {
            Kind = BookEventKind.Accepted, Order = order, Trader = trader, Side = side, Price = price,
            Quantity = quantity,
        };

    /// <summary>An accepted amendment.</summary>
    public static BookEvent Amended(OrderId order, TraderId trader, Side side, Price price, Co2e open, bool kept) =>
        new()
        {
            Kind = BookEventKind.Amended, Order = order, Trader = trader, Side = side, Price = price,
            Quantity = open, PriorityKept = kept,
        };

    /// <summary>A trade.</summary>
    public static BookEvent Fill(
        OrderId taker, TraderId takerTrader, Side takerSide, Price price, Co2e quantity, Co2e takerRemaining,
        OrderId maker, TraderId makerTrader, Co2e makerRemaining, long tradeId) =>
        new()
        {
            Kind = BookEventKind.Fill, Order = taker, Trader = takerTrader, Side = takerSide, Price = price,
            Quantity = quantity, Remaining = takerRemaining, Counterparty = maker, CounterTrader = makerTrader,
            CounterRemaining = makerRemaining, TradeId = tradeId,
        };

    /// <summary>Open quantity now resting.</summary>
    public static BookEvent Rested(OrderId order, TraderId trader, Side side, Price price, Co2e open) =>
        new()
        {
            Kind = BookEventKind.Rested, Order = order, Trader = trader, Side = side, Price = price, Quantity = open,
        };

    /// <summary>An order completely filled.</summary>
    public static BookEvent Done(OrderId order, TraderId trader, Side side) =>
        new() { Kind = BookEventKind.Done, Order = order, Trader = trader, Side = side };

    /// <summary>Open quantity removed without trading.</summary>
    public static BookEvent Cancelled(
        OrderId order, TraderId trader, Side side, Price price, Co2e open, CancelReason reason) =>
        new()
        {
            Kind = BookEventKind.Cancelled, Order = order, Trader = trader, Side = side, Price = price,
            Quantity = open, Reason = reason,
        };
}
