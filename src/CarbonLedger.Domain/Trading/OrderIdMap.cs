namespace CarbonLedger.Domain.Trading;

/// <summary>
/// Order id → order slot, open addressing with linear probing and backward-shift deletion (no tombstones,
/// so probe lengths do not decay under the add/cancel churn of a live book). Ids are positive, so 0 marks
/// an empty cell. Kept at most half full; it allocates only when it grows.
/// </summary>
internal sealed class OrderIdMap
{
    private long[] _keys;
    private int[] _values;
    private int _mask;
    private int _shift;

    /// <summary>A map sized for about <paramref name="expected"/> ids before its first growth.</summary>
    public OrderIdMap(int expected)
    {
        int capacity = 16;
        while (capacity < expected * 2)
        {
            capacity *= 2;
        }

        _keys = new long[capacity];
        _values = new int[capacity];
        _mask = capacity - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    /// <summary>Number of ids mapped.</summary>
    public int Count { get; private set; }

    /// <summary>The slot of <paramref name="id"/>, or -1.</summary>
    public int Find(long id)
    {
        if (id <= 0)
        {
            return -1;
        }

        int i = Home(id);
        while (true)
        {
            long key = _keys[i];
            if (key == id)
            {
                return _values[i];
            }

            if (key == 0)
            {
                return -1;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Maps a new id (the caller has checked it is absent and positive).</summary>
    public void Add(long id, int slot)
    {
        if ((Count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        int i = Home(id);
        while (_keys[i] != 0)
        {
            i = (i + 1) & _mask;
        }

        _keys[i] = id;
        _values[i] = slot;
        Count++;
    }

    /// <summary>Unmaps an id that is present.</summary>
    public void Remove(long id)
    {
        int hole = Home(id);
        while (_keys[hole] != id)
        {
            Invariants.LedgerAssert.That(_keys[hole] != 0, "removing an order id that is not mapped");
            hole = (hole + 1) & _mask;
        }

        int j = hole;
        while (true)
        {
            j = (j + 1) & _mask;
            long key = _keys[j];
            if (key == 0)
            {
                break;
            }

            int home = Home(key);
            if (((j - home) & _mask) >= ((j - hole) & _mask))
            {
                _keys[hole] = key;
                _values[hole] = _values[j];
                hole = j;
            }
        }

        _keys[hole] = 0;
        Count--;
    }

    private int Home(long id) => (int)unchecked(((ulong)id * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        long[] keys = _keys;
        int[] values = _values;
        _keys = new long[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _mask = _keys.Length - 1;
        _shift--;
        Count = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                Add(keys[i], values[i]);
            }
        }
    }
}
