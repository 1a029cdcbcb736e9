using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Testing.Reference;

/// <summary>The commands, each check in the precedence order of docs/reference/matching.md.</summary>
public sealed partial class ReferenceBook
{
    /// <inheritdoc />
    public void Execute(in OrderCommand command, BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (command.Instrument != Instrument)
        {
            throw new InvalidOperationException($"command for {command.Instrument} sent to the {Instrument} book");
        }

        OrderCommand c = command;
        OrderRejection rejection = Validate(in command);
        if (rejection != OrderRejection.None)
        {
            output.Add(BookEvent.Rejected(c.Order, c.Trader, c.Side, rejection));
            return;
        }

        switch (c.Kind)
        {
            case OrderCommandKind.Limit:
                output.Add(BookEvent.Accepted(c.Order, c.Trader, c.Side, c.Price, c.Quantity));
                var limitOrder = new Order(
                    c.Order.Value, c.Trader.Value, c.Side, c.Price.FenPerTonne, c.Quantity.Grams, c.TimeInForce);
                Sweep(limitOrder, c.Price.FenPerTonne, output);
                break;
            case OrderCommandKind.Market:
                output.Add(BookEvent.Accepted(c.Order, c.Trader, c.Side, default, c.Quantity));
                long limit = c.Side == Side.Buy ? Day.Band.Upper.FenPerTonne : Day.Band.Lower.FenPerTonne;
                var market = new Order(c.Order.Value, c.Trader.Value, c.Side, 0, c.Quantity.Grams, c.TimeInForce);
                Sweep(market, limit, output);
                break;
            case OrderCommandKind.Pick:
                ExecutePick(c, output);
                break;
            case OrderCommandKind.Cancel:
                Order victim = _byId[c.Order.Value];
                Remove(victim);
                output.Add(Cancelled(victim, victim.Open, CancelReason.Requested));
                break;
            default:
                ExecuteAmend(c, output);
                break;
        }
    }

    /// <inheritdoc />
    public OrderRejection Validate(in OrderCommand command)
    {
        OrderCommand c = command;
        return c.Kind switch
        {
            OrderCommandKind.Limit => CheckLimit(c),
            OrderCommandKind.Market => CheckMarket(c),
            OrderCommandKind.Pick => CheckPick(c),
            OrderCommandKind.Cancel => CheckOwned(c),
            OrderCommandKind.Amend => CheckAmend(c),
            _ => throw new InvalidOperationException($"unknown command kind {c.Kind}"),
        };
    }

    private OrderRejection CheckLimit(OrderCommand c)
    {
        OrderRejection r = CheckNewOrder(c);
        return r != OrderRejection.None ? r : CheckPrice(c.Price);
    }

    private OrderRejection CheckMarket(OrderCommand c)
    {
        if (DayClosed || !Day.IsOpenAt(c.At))
        {
            return OrderRejection.OutsideSession;
        }

        if (c.Order.Value <= 0)
        {
            return OrderRejection.InvalidOrderId;
        }

        if (_byId.ContainsKey(c.Order.Value))
        {
            return OrderRejection.DuplicateOrderId;
        }

        if (c.TimeInForce is not (TimeInForce.Ioc or TimeInForce.Fok))
        {
            return OrderRejection.MarketOrderNotImmediate;
        }

        return CheckQuantity(c.Quantity);
    }

    private OrderRejection CheckNewOrder(OrderCommand c)
    {
        if (DayClosed || !Day.IsOpenAt(c.At))
        {
            return OrderRejection.OutsideSession;
        }

        if (c.Order.Value <= 0)
        {
            return OrderRejection.InvalidOrderId;
        }

        if (_byId.ContainsKey(c.Order.Value))
        {
            return OrderRejection.DuplicateOrderId;
        }

        return CheckQuantity(c.Quantity);
    }

    private OrderRejection CheckQuantity(Co2e quantity)
    {
        MarketRules rules = Day.Rules;
        if (quantity.Grams <= 0)
        {
            return OrderRejection.QuantityNotPositive;
        }

        if (quantity.Grams % rules.Lot.Grams != 0)
        {
            return OrderRejection.QuantityNotLotMultiple;
        }

        if (quantity < rules.MinimumQuantity)
        {
            return OrderRejection.QuantityBelowMinimum;
        }

        return quantity > rules.MaximumQuantity ? OrderRejection.QuantityAboveMaximum : OrderRejection.None;
    }

    private OrderRejection CheckPrice(Price price)
    {
        if (price.FenPerTonne <= 0)
        {
            return OrderRejection.PriceNotPositive;
        }

        if (price.FenPerTonne % Day.Rules.Tick.FenPerTonne != 0)
        {
            return OrderRejection.PriceOffTick;
        }

        return Day.Band.Contains(price) ? OrderRejection.None : OrderRejection.PriceOutsideBand;
    }

    private OrderRejection CheckPick(OrderCommand c)
    {
        OrderRejection r = CheckNewOrder(c);
        if (r != OrderRejection.None)
        {
            return r;
        }

        if (!_byId.TryGetValue(c.Listing.Value, out Order? listing))
        {
            return OrderRejection.PickListingNotResting;
        }

        if (listing.Side == c.Side)
        {
            return OrderRejection.PickSideMismatch;
        }

        int rank = SideOf(listing.Side).Keys.TakeWhile(p => p != listing.Price).Count();
        if (rank >= Day.Rules.PickDepthLevels)
        {
            return OrderRejection.PickNotInBestLevels;
        }

        if (c.Quantity.Grams > listing.Open)
        {
            return OrderRejection.PickQuantityExceedsListing;
        }

        return listing.Trader == c.Trader.Value ? OrderRejection.PickOwnListing : OrderRejection.None;
    }

    private OrderRejection CheckOwned(OrderCommand c)
    {
        if (!_byId.TryGetValue(c.Order.Value, out Order? order))
        {
            return OrderRejection.OrderNotResting;
        }

        return order.Trader == c.Trader.Value ? OrderRejection.None : OrderRejection.NotOrderOwner;
    }

    private OrderRejection CheckAmend(OrderCommand c)
    {
        if (DayClosed || !Day.IsOpenAt(c.At))
        {
            return OrderRejection.OutsideSession;
        }

        OrderRejection r = CheckOwned(c);
        if (r == OrderRejection.None)
        {
            r = CheckQuantity(c.Quantity);
        }

        return r != OrderRejection.None ? r : CheckPrice(c.Price);
    }

    private void ExecutePick(OrderCommand c, BookOutput output)
    {
        Order listing = _byId[c.Listing.Value];
        output.Add(BookEvent.Accepted(c.Order, c.Trader, c.Side, new Price(listing.Price), c.Quantity));
        listing.Open -= c.Quantity.Grams;
        output.Add(BookEvent.Fill(
            c.Order, c.Trader, c.Side, new Price(listing.Price), c.Quantity, Co2e.Zero,
            new OrderId(listing.Id), new TraderId(listing.Trader), new Co2e(listing.Open), ++_lastTradeId));
        if (listing.Open == 0)
        {
            Remove(listing);
            output.Add(BookEvent.Done(new OrderId(listing.Id), new TraderId(listing.Trader), listing.Side));
        }

        output.Add(BookEvent.Done(c.Order, c.Trader, c.Side));
    }

    private void ExecuteAmend(OrderCommand c, BookOutput output)
    {
        Order order = _byId[c.Order.Value];
        if (c.Price.FenPerTonne == order.Price && c.Quantity.Grams <= order.Open)
        {
            order.Open = c.Quantity.Grams;
            output.Add(BookEvent.Amended(c.Order, c.Trader, order.Side, c.Price, c.Quantity, kept: true));
            return;
        }

        Remove(order);
        output.Add(BookEvent.Amended(c.Order, c.Trader, order.Side, c.Price, c.Quantity, kept: false));
        Sweep(new Order(order.Id, order.Trader, order.Side, c.Price.FenPerTonne, c.Quantity.Grams, order.Tif),
            c.Price.FenPerTonne, output);
    }

    /// <summary>Matches an incoming order against the other side up to <paramref name="limit"/>.</summary>
    private void Sweep(Order taker, long limit, BookOutput output)
    {
        var opposite = SideOf(taker.Side.Opposite());
        bool Crosses(long price) => taker.Side == Side.Buy ? price <= limit : price >= limit;
        List<Order> makers = [.. opposite.Where(level => Crosses(level.Key)).SelectMany(level => level.Value)];

        if (taker.Tif == TimeInForce.Fok)
        {
            long available = makers.TakeWhile(m => m.Trader != taker.Trader).Sum(m => m.Open);
            if (available < taker.Open)
            {
                output.Add(Cancelled(taker, taker.Open, CancelReason.FillOrKill));
                return;
            }
        }

        foreach (Order maker in makers)
        {
            if (taker.Open == 0)
            {
                break;
            }

            if (maker.Trader == taker.Trader)
            {
                output.Add(Cancelled(taker, taker.Open, CancelReason.SelfTrade));
                return;
            }

            long quantity = Math.Min(taker.Open, maker.Open);
            taker.Open -= quantity;
            maker.Open -= quantity;
            output.Add(BookEvent.Fill(
                new OrderId(taker.Id), new TraderId(taker.Trader), taker.Side, new Price(maker.Price),
                new Co2e(quantity), new Co2e(taker.Open), new OrderId(maker.Id), new TraderId(maker.Trader),
                new Co2e(maker.Open), ++_lastTradeId));
            if (maker.Open == 0)
            {
                Remove(maker);
                output.Add(BookEvent.Done(new OrderId(maker.Id), new TraderId(maker.Trader), maker.Side));
            }
        }

        if (taker.Open == 0)
        {
            output.Add(BookEvent.Done(new OrderId(taker.Id), new TraderId(taker.Trader), taker.Side));
        }
        else if (taker.Tif.IsImmediate())
        {
            output.Add(Cancelled(taker, taker.Open, CancelReason.Unfilled));
        }
        else
        {
            Rest(taker);
            output.Add(BookEvent.Rested(new OrderId(taker.Id), new TraderId(taker.Trader), taker.Side,
                new Price(taker.Price), new Co2e(taker.Open)));
        }
    }
}
