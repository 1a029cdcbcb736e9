namespace CarbonLedger.Domain.Trading;

/// <summary>
/// A caller-owned, reusable buffer of <see cref="BookEvent"/>s. The book appends; the caller reads and
/// clears. It grows by doubling when a command produces more outputs than ever before, so in steady state
/// (after warm-up) appending allocates nothing.
/// </summary>
public sealed class BookOutput
{
    private BookEvent[] _items;

    /// <summary>Creates a buffer with room for <paramref name="capacity"/> events before it first grows.</summary>
    public BookOutput(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _items = new BookEvent[capacity];
    }

    /// <summary>Events written since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The event at <paramref name="index"/>, by reference (no copy).</summary>
    public ref readonly BookEvent this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return ref _items[index];
        }
    }

    /// <summary>The events written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<BookEvent> Events => _items.AsSpan(0, Count);

    /// <summary>Appends one event.</summary>
    public void Add(in BookEvent item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, checked(_items.Length * 2));
        }

        _items[Count++] = item;
    }

    /// <summary>Forgets the events (the storage is kept).</summary>
    public void Clear() => Count = 0;
}
