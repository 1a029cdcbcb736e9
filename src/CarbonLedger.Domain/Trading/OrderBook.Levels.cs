using CarbonLedger.Domain.Invariants;

namespace CarbonLedger.Domain.Trading;

/// <summary>The pool and the level queues: O(1) append, unlink and best-price upkeep.</summary>
public sealed partial class OrderBook
{
    /// <summary>A free slot: from the free list, else the next never-used one (the pool doubles when full).</summary>
    private int Allocate()
    {
        if (_freeHead != None)
        {
            int slot = _freeHead;
            _freeHead = _orders[slot].Next;
            return slot;
        }

        if (_highWater == _orders.Length)
        {
            Array.Resize(ref _orders, checked(_orders.Length * 2));
        }

        return _highWater++;
    }

    private void Free(int slot)
    {
        _orders[slot].Next = _freeHead;
        _freeHead = slot;
    }

    /// <summary>The next worse occupied level of a side after <paramref name="level"/>, or -1.</summary>
    private int NextLevel(Side side, int level) =>
        side == Side.Buy ? _bidLevels.PrevAtOrBelow(level - 1) : _askLevels.NextAtOrAbove(level + 1);

    /// <summary>Queues the order in <paramref name="slot"/> at its level's tail (the caller maps its id).</summary>
    private void Append(int slot)
    {
        ref OrderSlot o = ref _orders[slot];
        int index = (int)(o.Price - _basePrice);
        ref PriceLevel level = ref _levels[index];
        o.Next = None;
        o.Prev = level.Tail;
        if (level.Tail != None)
        {
            LedgerAssert.That(_orders[level.Head].Side == o.Side, "a price level holds bids and asks at once");
            _orders[level.Tail].Next = slot;
        }
        else
        {
            level.Head = slot;
            if (o.Side == Side.Buy)
            {
                _bidLevels.Set(index);
                if (index > _bestBid)
                {
                    _bestBid = index;
                }
            }
            else
            {
                _askLevels.Set(index);
                if (_bestAsk == None || index < _bestAsk)
                {
                    _bestAsk = index;
                }
            }
        }

        level.Tail = slot;
        level.Count++;
        level.Quantity = checked(level.Quantity + o.Open);
    }

    /// <summary>Unlinks the order in <paramref name="slot"/> from its level, leaving the slot and id mapped.</summary>
    private void Unlink(int slot)
    {
        ref OrderSlot o = ref _orders[slot];
        int index = (int)(o.Price - _basePrice);
        ref PriceLevel level = ref _levels[index];
        if (o.Prev != None)
        {
            _orders[o.Prev].Next = o.Next;
        }
        else
        {
            level.Head = o.Next;
        }

        if (o.Next != None)
        {
            _orders[o.Next].Prev = o.Prev;
        }
        else
        {
            level.Tail = o.Prev;
        }

        level.Count--;
        level.Quantity -= o.Open;
        if (level.Count != 0)
        {
            return;
        }

        if (o.Side == Side.Buy)
        {
            _bidLevels.Clear(index);
            if (index == _bestBid)
            {
                _bestBid = _bidLevels.PrevAtOrBelow(index - 1);
            }
        }
        else
        {
            _askLevels.Clear(index);
            if (index == _bestAsk)
            {
                _bestAsk = _askLevels.NextAtOrAbove(index + 1);
            }
        }
    }

    /// <summary>Takes the order out of the book entirely: unlink, unmap, free the slot.</summary>
    private void RemoveOrder(int slot)
    {
        Unlink(slot);
        _ids.Remove(_orders[slot].Id);
        Free(slot);
    }
}
