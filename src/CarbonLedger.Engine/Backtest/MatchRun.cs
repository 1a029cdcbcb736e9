using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// Runs order CSV rows through one <see cref="OrderBook"/> per instrument (a <see cref="BookSet"/>), in
/// memory, and writes every book output and every malformed row to a <see cref="BookEventCsvWriter"/>.
/// Deterministic: no clock, no randomness, instruments reported in their natural order, so the same rows
/// give the same output bytes and the same summary.
/// </summary>
public sealed class MatchRun
{
    private readonly RuleBook _rules;
    private readonly BookEventCsvWriter _writer;
    private readonly TextWriter _errors;
    private readonly BookSet _books = new();
    private readonly BookOutput _output = new();
    private readonly SortedDictionary<OrderRejection, long> _rejections = [];
    private long _rows;
    private long _commands;
    private long _dayRows;
    private long _malformed;
    private long _events;
    private long _fills;

    /// <summary>
    /// A run under <paramref name="rules"/> writing outputs to <paramref name="writer"/> (its header must be
    /// written already) and one line per malformed row to <paramref name="errors"/>.
    /// </summary>
    public MatchRun(RuleBook rules, BookEventCsvWriter writer, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);
        _rules = rules;
        _writer = writer;
        _errors = errors;
    }

    /// <summary>The books, by instrument.</summary>
    public BookSet Books => _books;

    /// <summary>
    /// Reads <paramref name="input"/> with a header, runs every row and writes the output CSV (header
    /// included) to <paramref name="output"/>; malformed rows are also reported on <paramref name="errors"/>.
    /// Throws <see cref="OrderCsvFormatException"/> when the input has no usable header.
    /// </summary>
    public static MatchSummary Run(TextReader input, TextWriter output, TextWriter errors, RuleBook? rules = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        rules ??= DefaultRuleBook.Create();
        var writer = new BookEventCsvWriter(output);
        var run = new MatchRun(rules, writer, errors);
        using IEnumerator<OrderCsvRow> rows = new OrderCsvReader(rules.Zone).Read(input).GetEnumerator();
        // The header is read by the first MoveNext: a bad one throws before any output is written.
        bool more = rows.MoveNext();
        writer.WriteHeader();
        for (; more; more = rows.MoveNext())
        {
            run.Process(rows.Current);
        }

        return run.Summary();
    }

    /// <summary>Runs one row: a day row, a command, or a malformed row reported as such.</summary>
    public void Process(OrderCsvRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows++;
        if (row.IsMalformed)
        {
            Malformed(row.Line, row.Kind, row.Error);
            return;
        }

        switch (row.Kind)
        {
            case MatchRowKind.OpenDay:
                OpenDay(row);
                break;
            case MatchRowKind.CloseDay:
                CloseDay(row);
                break;
            default:
                Command(row);
                break;
        }
    }

    /// <summary>The counts so far and each book's resting orders and state hash.</summary>
    public MatchSummary Summary()
    {
        var books = _books.Books.Values
            .OrderBy(b => b.Instrument)
            .Select(b => new MatchSummary.BookState(b.Instrument, b.RestingCount, BookSnapshot.Hash(b.Snapshot())))
            .ToList();
        return new MatchSummary(
            _rows, _commands, _dayRows, _malformed, _events, _fills,
            new SortedDictionary<OrderRejection, long>(_rejections), books);
    }

    private void OpenDay(OrderCsvRow row)
    {
        if (!_rules.TryGetMarketRules(row.Instrument, TradingMode.Listed, row.Date, out _))
        {
            Malformed(row.Line, row.Kind,
                $"column 'time': no listed market rules for {row.Instrument} are in force on {row.Date:yyyy-MM-dd}");
            return;
        }

        var day = TradingDay.From(_rules, row.Instrument, TradingMode.Listed, row.Date, row.PreviousClose);
        if (!_books.TryGet(row.Instrument, out IOrderBook book))
        {
            _dayRows++;
            _books.Add(new OrderBook(row.Instrument, day));
            return;
        }

        if (day.Date <= book.Day.Date)
        {
            Malformed(row.Line, row.Kind,
                $"column 'time': {row.Date:yyyy-MM-dd} is not after {book.Day.Date:yyyy-MM-dd}, " +
                $"the current trading day of {row.Instrument}");
            return;
        }

        _dayRows++;
        _output.Clear();
        book.OpenDay(day, _output);
        WriteOutputs(row);
    }

    private void CloseDay(OrderCsvRow row)
    {
        if (!_books.TryGet(row.Instrument, out IOrderBook book))
        {
            Malformed(row.Line, row.Kind,
                $"column 'instrument': {row.Instrument} has no book to close (no open_day row before this one)");
            return;
        }

        _dayRows++;
        _output.Clear();
        book.CloseDay(_output);
        WriteOutputs(row);
    }

    private void Command(OrderCsvRow row)
    {
        _commands++;
        _output.Clear();
        OrderCommand command = row.Command;
        if (row.HasSubUnitAmount)
        {
            OrderRejection code = _books.TryGet(row.Instrument, out IOrderBook book)
                ? SubUnitRejection.For(book, row)
                : OrderRejection.UnknownInstrument;
            _output.Add(BookEvent.Rejected(command.Order, command.Trader, command.Side, code));
        }
        else
        {
            _books.Execute(in command, _output);
        }

        WriteOutputs(row);
    }

    private void WriteOutputs(OrderCsvRow row)
    {
        foreach (ref readonly BookEvent e in _output.Events)
        {
            _events++;
            if (e.Kind == BookEventKind.Fill)
            {
                _fills++;
            }
            else if (e.Kind == BookEventKind.Rejected)
            {
                _rejections[e.Rejection] = _rejections.GetValueOrDefault(e.Rejection) + 1;
            }

            _writer.WriteEvent(row.Line, row.Kind, row.Instrument, in e);
        }
    }

    private void Malformed(int line, MatchRowKind kind, string? message)
    {
        _malformed++;
        string text = message ?? "malformed row";
        _writer.WriteMalformed(line, kind, text);
        _errors.Write($"line {line}: {text}\n");
    }
}
