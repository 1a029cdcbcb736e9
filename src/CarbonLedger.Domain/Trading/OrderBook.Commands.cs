using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Trading;

/// <summary>Command dispatch and the checks, in the precedence of <see cref="OrderRejection"/>.</summary>
public sealed partial class OrderBook
{
    /// <inheritdoc />
    public void Execute(in OrderCommand command, BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        LedgerAssert.That(
            command.Instrument.Programme == Instrument.Programme
            && command.Instrument.Vintage.Year == Instrument.Vintage.Year,
            "a command was routed to another instrument's book");
        switch (command.Kind)
        {
            case OrderCommandKind.Limit:
                NewLimit(in command, output);
                break;
            case OrderCommandKind.Market:
                NewMarket(in command, output);
                break;
            case OrderCommandKind.Pick:
                Pick(in command, output);
                break;
            case OrderCommandKind.Cancel:
                Cancel(in command, output);
                break;
            case OrderCommandKind.Amend:
                Amend(in command, output);
                break;
            default:
                throw new LedgerInvariantException($"unknown order command kind {command.Kind}");
        }
    }

    /// <inheritdoc />
    public OrderRejection Validate(in OrderCommand command) => command.Kind switch
    {
        OrderCommandKind.Limit => LimitRejection(in command),
        OrderCommandKind.Market => MarketRejection(in command),
        OrderCommandKind.Pick => PickRejection(in command, _ids.Find(command.Listing.Value)),
        OrderCommandKind.Cancel => CancelRejection(in command, _ids.Find(command.Order.Value)),
        OrderCommandKind.Amend => AmendRejection(in command, _ids.Find(command.Order.Value)),
        _ => throw new LedgerInvariantException($"unknown order command kind {command.Kind}"),
    };

    private OrderRejection LimitRejection(in OrderCommand c)
    {
        OrderRejection rejection = CheckNewOrder(in c);
        return rejection == OrderRejection.None ? CheckPrice(c.Price.FenPerTonne) : rejection;
    }

    private OrderRejection MarketRejection(in OrderCommand c) =>
        !IsOpenAt(c.At) ? OrderRejection.OutsideSession
        : c.Order.Value <= 0 ? OrderRejection.InvalidOrderId
        : _ids.Find(c.Order.Value) != None ? OrderRejection.DuplicateOrderId
        : !c.TimeInForce.IsImmediate() ? OrderRejection.MarketOrderNotImmediate
        : CheckQuantity(c.Quantity.Grams);

    private OrderRejection PickRejection(in OrderCommand c, int listing)
    {
        OrderRejection rejection = CheckNewOrder(in c);
        return rejection == OrderRejection.None ? CheckPick(in c, listing) : rejection;
    }

    private OrderRejection CancelRejection(in OrderCommand c, int slot) =>
        slot == None ? OrderRejection.OrderNotResting
        : _orders[slot].Trader != c.Trader.Value ? OrderRejection.NotOrderOwner
        : OrderRejection.None;

    private OrderRejection AmendRejection(in OrderCommand c, int slot)
    {
        OrderRejection rejection = !IsOpenAt(c.At) ? OrderRejection.OutsideSession
            : slot == None ? OrderRejection.OrderNotResting
            : _orders[slot].Trader != c.Trader.Value ? OrderRejection.NotOrderOwner
            : CheckQuantity(c.Quantity.Grams);
        return rejection == OrderRejection.None ? CheckPrice(c.Price.FenPerTonne) : rejection;
    }

    private void NewLimit(in OrderCommand c, BookOutput output)
    {
        LedgerAssert.That(c.Side is Side.Buy or Side.Sell, "order side is not buy or sell");
        LedgerAssert.That(c.TimeInForce is >= TimeInForce.Gtc and <= TimeInForce.Fok, "unknown time in force");
        OrderRejection rejection = LimitRejection(in c);
        if (rejection != OrderRejection.None)
        {
            output.Add(BookEvent.Rejected(c.Order, c.Trader, c.Side, rejection));
            return;
        }

        output.Add(BookEvent.Accepted(c.Order, c.Trader, c.Side, c.Price, c.Quantity));
        Sweep(c.Order.Value, c.Trader.Value, c.Side, c.TimeInForce, c.Price.FenPerTonne, c.Price.FenPerTonne,
            c.Quantity.Grams, None, output);
    }

    private void NewMarket(in OrderCommand c, BookOutput output)
    {
        LedgerAssert.That(c.Side is Side.Buy or Side.Sell, "order side is not buy or sell");
        OrderRejection rejection = MarketRejection(in c);
        if (rejection != OrderRejection.None)
        {
            output.Add(BookEvent.Rejected(c.Order, c.Trader, c.Side, rejection));
            return;
        }

        output.Add(BookEvent.Accepted(c.Order, c.Trader, c.Side, default, c.Quantity));
        long limit = c.Side == Side.Buy ? _bandUpper : _bandLower;
        Sweep(c.Order.Value, c.Trader.Value, c.Side, c.TimeInForce, 0, limit, c.Quantity.Grams, None, output);
    }

    private OrderRejection CheckNewOrder(in OrderCommand c) =>
        !IsOpenAt(c.At) ? OrderRejection.OutsideSession
        : c.Order.Value <= 0 ? OrderRejection.InvalidOrderId
        : _ids.Find(c.Order.Value) != None ? OrderRejection.DuplicateOrderId
        : CheckQuantity(c.Quantity.Grams);

    /// <summary>Trading is open: the day is not closed and the time is inside one of its sessions.</summary>
    private bool IsOpenAt(NodaTime.Instant at) => !DayClosed && Day.IsOpenAt(at);

    private OrderRejection CheckQuantity(long grams) =>
        grams <= 0 ? OrderRejection.QuantityNotPositive
        : grams % _lot != 0 ? OrderRejection.QuantityNotLotMultiple
        : grams < _minimum ? OrderRejection.QuantityBelowMinimum
        : grams > _maximum ? OrderRejection.QuantityAboveMaximum
        : OrderRejection.None;

    private OrderRejection CheckPrice(long fen) =>
        fen <= 0 ? OrderRejection.PriceNotPositive
        : fen % _tick != 0 ? OrderRejection.PriceOffTick
        : fen < _bandLower || fen > _bandUpper ? OrderRejection.PriceOutsideBand
        : OrderRejection.None;

    private void Pick(in OrderCommand c, BookOutput output)
    {
        LedgerAssert.That(c.Side is Side.Buy or Side.Sell, "order side is not buy or sell");
        int listing = _ids.Find(c.Listing.Value);
        OrderRejection rejection = PickRejection(in c, listing);
        if (rejection != OrderRejection.None)
        {
            output.Add(BookEvent.Rejected(c.Order, c.Trader, c.Side, rejection));
            return;
        }

        ref OrderSlot maker = ref _orders[listing];
        var price = new Price(maker.Price);
        output.Add(BookEvent.Accepted(c.Order, c.Trader, c.Side, price, c.Quantity));
        Trade(c.Order.Value, c.Trader.Value, c.Side, c.Quantity.Grams, listing, output);
        output.Add(BookEvent.Done(c.Order, c.Trader, c.Side));
    }

    private OrderRejection CheckPick(in OrderCommand c, int listing)
    {
        if (listing == None)
        {
            return OrderRejection.PickListingNotResting;
        }

        ref OrderSlot maker = ref _orders[listing];
        if (maker.Side == c.Side)
        {
            return OrderRejection.PickSideMismatch;
        }

        int target = (int)(maker.Price - _basePrice);
        int level = maker.Side == Side.Buy ? _bestBid : _bestAsk;
        for (int rank = 0; level != target; rank++)
        {
            if (rank + 1 >= _pickDepth)
            {
                return OrderRejection.PickNotInBestLevels;
            }

            level = NextLevel(maker.Side, level);
        }

        return _pickDepth == 0 ? OrderRejection.PickNotInBestLevels
            : c.Quantity.Grams > maker.Open ? OrderRejection.PickQuantityExceedsListing
            : maker.Trader == c.Trader.Value ? OrderRejection.PickOwnListing
            : OrderRejection.None;
    }

    private void Cancel(in OrderCommand c, BookOutput output)
    {
        int slot = _ids.Find(c.Order.Value);
        OrderRejection rejection = CancelRejection(in c, slot);
        if (rejection != OrderRejection.None)
        {
            output.Add(BookEvent.Rejected(c.Order, c.Trader, c.Side, rejection));
            return;
        }

        output.Add(CancelledEvent(in _orders[slot], _orders[slot].Open, CancelReason.Requested));
        RemoveOrder(slot);
    }

    private void Amend(in OrderCommand c, BookOutput output)
    {
        int slot = _ids.Find(c.Order.Value);
        OrderRejection rejection = AmendRejection(in c, slot);
        if (rejection != OrderRejection.None)
        {
            output.Add(BookEvent.Rejected(c.Order, c.Trader, c.Side, rejection));
            return;
        }

        ref OrderSlot o = ref _orders[slot];
        long price = c.Price.FenPerTonne;
        long open = c.Quantity.Grams;
        if (price == o.Price && open <= o.Open)
        {
            _levels[(int)(o.Price - _basePrice)].Quantity -= o.Open - open;
            o.Open = open;
            output.Add(BookEvent.Amended(c.Order, c.Trader, o.Side, c.Price, c.Quantity, kept: true));
            return;
        }

        Unlink(slot);
        output.Add(BookEvent.Amended(c.Order, c.Trader, o.Side, c.Price, c.Quantity, kept: false));
        Sweep(o.Id, o.Trader, o.Side, o.Tif, price, price, open, slot, output);
    }
}
