namespace CarbonLedger.Domain.Trading;

/// <summary>
/// One order in the pool: a struct in an array, linked to its neighbours in the same price level by slot
/// index (intrusive doubly linked list, -1 = none). A free slot reuses <see cref="Next"/> for the free list.
/// </summary>
internal struct OrderSlot
{
    public long Id;
    public long Price;
    public long Open;
    public int Trader;
    public int Prev;
    public int Next;
    public Side Side;
    public TimeInForce Tif;
}

/// <summary>One price level: its queue (head = oldest) and its open quantity and order count.</summary>
internal struct PriceLevel
{
    public long Quantity;
    public int Head;
    public int Tail;
    public int Count;
}
