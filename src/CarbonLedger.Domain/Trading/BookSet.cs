using CarbonLedger.Domain.Instruments;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// One book per instrument, routing each command to its book; a command for an instrument with no book is
/// rejected with <see cref="OrderRejection.UnknownInstrument"/> (the first check of every command).
/// </summary>
public sealed class BookSet
{
    private readonly Dictionary<InstrumentId, IOrderBook> _books = [];

    /// <summary>The books, by instrument.</summary>
    public IReadOnlyDictionary<InstrumentId, IOrderBook> Books => _books;

    /// <summary>Adds the book for a new instrument.</summary>
    public void Add(IOrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!_books.TryAdd(book.Instrument, book))
        {
            throw new ArgumentException($"there is already a book for {book.Instrument}", nameof(book));
        }
    }

    /// <summary>The book for <paramref name="instrument"/>, if any.</summary>
    public bool TryGet(InstrumentId instrument, out IOrderBook book) => _books.TryGetValue(instrument, out book!);

    /// <summary>Runs a command in its instrument's book, or rejects it when the instrument has none.</summary>
    public void Execute(in OrderCommand command, BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_books.TryGetValue(command.Instrument, out IOrderBook? book))
        {
            book.Execute(in command, output);
        }
        else
        {
            output.Add(BookEvent.Rejected(
                command.Order, command.Trader, command.Side, OrderRejection.UnknownInstrument));
        }
    }
}
