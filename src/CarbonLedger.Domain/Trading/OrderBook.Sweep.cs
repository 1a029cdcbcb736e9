using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Trading;

/// <summary>The sweep: an incoming order against the opposite side, best price first, oldest first.</summary>
public sealed partial class OrderBook
{
    /// <summary>
    /// Matches an incoming order (new, or amended with <paramref name="slot"/> already unlinked) up to
    /// <paramref name="limit"/>, then finishes it: done, cancelled (IOC, FOK, self-trade) or rested at
    /// <paramref name="price"/>.
    /// </summary>
    private void Sweep(
        long id, int trader, Side side, TimeInForce tif, long price, long limit, long open, int slot,
        BookOutput output)
    {
        if (tif == TimeInForce.Fok && !CanFill(trader, side, limit, open))
        {
            output.Add(BookEvent.Cancelled(
                new OrderId(id), new TraderId(trader), side, new Price(price), new Co2e(open),
                CancelReason.FillOrKill));
            return;
        }

        while (open > 0)
        {
            int level = side == Side.Buy ? _bestAsk : _bestBid;
            if (level == None || (side == Side.Buy ? _basePrice + level > limit : _basePrice + level < limit))
            {
                break;
            }

            int maker = _levels[level].Head;
            if (_orders[maker].Trader == trader)
            {
                output.Add(BookEvent.Cancelled(
                    new OrderId(id), new TraderId(trader), side, new Price(price), new Co2e(open),
                    CancelReason.SelfTrade));
                Discard(id, slot);
                return;
            }

            open = Trade(id, trader, side, open, maker, output);
        }

        if (open == 0)
        {
            output.Add(BookEvent.Done(new OrderId(id), new TraderId(trader), side));
            Discard(id, slot);
        }
        else if (tif.IsImmediate())
        {
            output.Add(BookEvent.Cancelled(
                new OrderId(id), new TraderId(trader), side, new Price(price), new Co2e(open), CancelReason.Unfilled));
        }
        else
        {
            if (slot == None)
            {
                slot = Allocate();
                _ids.Add(id, slot);
            }

            ref OrderSlot o = ref _orders[slot];
            o.Id = id;
            o.Trader = trader;
            o.Side = side;
            o.Tif = tif;
            o.Price = price;
            o.Open = open;
            Append(slot);
            output.Add(BookEvent.Rested(new OrderId(id), new TraderId(trader), side, new Price(price), new Co2e(open)));
        }
    }

    /// <summary>
    /// One fill of the taker against the resting order in <paramref name="maker"/> at the maker's price, for
    /// as much as both have; a maker left empty is reported done and leaves the book. Returns the taker's rest.
    /// </summary>
    private long Trade(long takerId, int takerTrader, Side takerSide, long takerOpen, int maker, BookOutput output)
    {
        ref OrderSlot m = ref _orders[maker];
        long quantity = Math.Min(takerOpen, m.Open);
        takerOpen -= quantity;
        m.Open -= quantity;
        _levels[(int)(m.Price - _basePrice)].Quantity -= quantity;
        output.Add(BookEvent.Fill(
            new OrderId(takerId), new TraderId(takerTrader), takerSide, new Price(m.Price), new Co2e(quantity),
            new Co2e(takerOpen), new OrderId(m.Id), new TraderId(m.Trader), new Co2e(m.Open), ++_lastTradeId));
        if (m.Open == 0)
        {
            output.Add(BookEvent.Done(new OrderId(m.Id), new TraderId(m.Trader), m.Side));
            RemoveOrder(maker);
        }

        return takerOpen;
    }

    /// <summary>
    /// Fill-or-kill feasibility: the opposite open quantity within the limit, in priority order, up to the
    /// first order of the same trader (where self-trade prevention would stop the sweep).
    /// </summary>
    private bool CanFill(int trader, Side side, long limit, long needed)
    {
        Side makers = side.Opposite();
        long available = 0;
        for (int level = side == Side.Buy ? _bestAsk : _bestBid; level != None; level = NextLevel(makers, level))
        {
            if (side == Side.Buy ? _basePrice + level > limit : _basePrice + level < limit)
            {
                return false;
            }

            for (int slot = _levels[level].Head; slot != None; slot = _orders[slot].Next)
            {
                if (_orders[slot].Trader == trader)
                {
                    return false;
                }

                available += _orders[slot].Open;
                if (available >= needed)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Forgets an amended order that finished during its sweep (a new order has no slot yet).</summary>
    private void Discard(long id, int slot)
    {
        if (slot != None)
        {
            _ids.Remove(id);
            Free(slot);
        }
    }
}
