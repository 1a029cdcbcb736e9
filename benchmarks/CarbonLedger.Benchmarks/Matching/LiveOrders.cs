using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// The generator's model of which orders rest, folded from the book's own outputs (so cancels and moves
/// always target a live order, whatever the sweep did). Orders are indexed by id (ids are dense from 1) and
/// listed in an array with swap-removal, so a uniformly random live order costs O(1).
/// </summary>
internal sealed class LiveOrders
{
    private int[] _position = new int[1024];
    private long[] _list = new long[1024];
    private int[] _trader = new int[1024];
    private Side[] _side = new Side[1024];
    private long[] _price = new long[1024];
    private long[] _open = new long[1024];
    private int[] _book = new int[1024];

    /// <summary>Orders resting in all books.</summary>
    public int Count { get; private set; }

    /// <summary>The <paramref name="n"/>-th live order id (0 ≤ n &lt; <see cref="Count"/>).</summary>
    public long IdAt(int n) => _list[n];

    /// <summary>The owner of a live order.</summary>
    public int Trader(long id) => _trader[id];

    /// <summary>The side of a live order.</summary>
    public Side Side(long id) => _side[id];

    /// <summary>The limit price (fen) of a live order.</summary>
    public long Price(long id) => _price[id];

    /// <summary>The open quantity (grams) of a live order.</summary>
    public long Open(long id) => _open[id];

    /// <summary>The dense book number of a live order.</summary>
    public int Book(long id) => _book[id];

    /// <summary>
    /// Folds one command's outputs from book <paramref name="book"/>: a rested order is (re)placed, a fill
    /// lowers the maker's open quantity, done or cancelled takes the order out. Returns the number of fills.
    /// </summary>
    public int Apply(BookOutput output, int book)
    {
        int fills = 0;
        foreach (ref readonly BookEvent e in output.Events)
        {
            switch (e.Kind)
            {
                case BookEventKind.Rejected:
                    throw new InvalidOperationException(
                        $"the generator wrote a command the book rejected: order {e.Order}, {e.Rejection}");
                case BookEventKind.Rested:
                    Place(e.Order.Value, e.Trader.Value, e.Side, e.Price.FenPerTonne, e.Quantity.Grams, book);
                    break;
                case BookEventKind.Amended when e.PriorityKept:
                    _open[e.Order.Value] = e.Quantity.Grams;
                    break;
                case BookEventKind.Fill:
                    fills++;
                    _open[e.Counterparty.Value] = e.CounterRemaining.Grams;
                    break;
                case BookEventKind.Done or BookEventKind.Cancelled:
                    Remove(e.Order.Value);
                    break;
                default:
                    break;
            }
        }

        return fills;
    }

    private void Place(long id, int trader, Side side, long price, long open, int book)
    {
        if (id >= _position.Length)
        {
            int size = checked((int)Math.Max(id + 1, _position.Length * 2L));
            Array.Resize(ref _position, size);
            Array.Resize(ref _trader, size);
            Array.Resize(ref _side, size);
            Array.Resize(ref _price, size);
            Array.Resize(ref _open, size);
            Array.Resize(ref _book, size);
        }

        if (_position[id] == 0)
        {
            if (Count == _list.Length)
            {
                Array.Resize(ref _list, Count * 2);
            }

            _list[Count++] = id;
            _position[id] = Count;
        }

        _trader[id] = trader;
        _side[id] = side;
        _price[id] = price;
        _open[id] = open;
        _book[id] = book;
    }

    private void Remove(long id)
    {
        if (id >= _position.Length || _position[id] == 0)
        {
            return; // an incoming order that never rested (IOC, or a limit filled on arrival)
        }

        int at = _position[id] - 1;
        long last = _list[--Count];
        _list[at] = last;
        _position[last] = at + 1;
        _position[id] = 0;
    }
}
