using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// Runs a generator's commands through real books while they are written, so the generator always knows
/// the true state (best prices, which orders rest and with what open quantity) and every command it emits
/// is valid when replayed from the same snapshots. Records the stream, its achieved mix and the peaks that
/// size the timed runs' books and output buffer.
/// </summary>
internal sealed class WorkloadRecorder
{
    private readonly OrderBook[] _books;
    private readonly BookOutput _output = new(1024);
    private readonly int[] _peak;
    private readonly DepthLevel[] _depth = new DepthLevel[4096];
    private readonly int _levelSampleEvery;
    private OrderCommand[] _commands;
    private int[] _routes;
    private byte[][]? _snapshots;
    private int _count;
    private int _maxEvents;
    private long _gtc, _ioc, _cancels, _moves, _trading, _fills, _selfTrades;
    private long _restingSum, _levelSum, _samples, _levelSamples;
    private int _minResting = int.MaxValue, _maxResting, _preloaded;

    /// <summary>Records up to <paramref name="expected"/> commands (it grows if more are emitted).</summary>
    public WorkloadRecorder(OrderBook[] books, int expected, int levelSampleEvery)
    {
        _books = books;
        _peak = new int[books.Length];
        _commands = new OrderCommand[Math.Max(16, expected)];
        _routes = new int[_commands.Length];
        _levelSampleEvery = levelSampleEvery;
    }

    public LiveOrders Live { get; } = new();

    public OrderBook Book(int book) => _books[book];

    /// <summary>Commands emitted so far (the index of the next one).</summary>
    public int Count => _count;

    /// <summary>Builds the state before the stream: runs the command, records nothing.</summary>
    public void Preload(in OrderCommand command, int book)
    {
        if (_snapshots is not null)
        {
            throw new InvalidOperationException("the stream has started: no more preloading");
        }

        Run(in command, book);
        _preloaded = Live.Count;
    }

    /// <summary>Appends a command to the stream and runs it.</summary>
    public void Emit(in OrderCommand command, int book)
    {
        _snapshots ??= [.. _books.Select(b => b.Snapshot())];
        if (_count == _commands.Length)
        {
            Array.Resize(ref _commands, _count * 2);
            Array.Resize(ref _routes, _count * 2);
        }

        _commands[_count] = command;
        _routes[_count] = book;
        _count++;
        switch (command.Kind)
        {
            case OrderCommandKind.Cancel:
                _cancels++;
                break;
            case OrderCommandKind.Amend:
                _moves++;
                break;
            default:
                if (command.TimeInForce == TimeInForce.Gtc)
                {
                    _gtc++;
                }
                else
                {
                    _ioc++;
                }

                break;
        }

        int fills = Run(in command, book);
        _fills += fills;
        _trading += fills > 0 ? 1 : 0;
        Sample();
    }

    public MatchingWorkload Build(string name)
    {
        _snapshots ??= [.. _books.Select(b => b.Snapshot())];
        var stats = new WorkloadStats
        {
            Commands = _count, GtcLimits = _gtc, IocLimits = _ioc, Cancels = _cancels, Moves = _moves,
            Trading = _trading, Fills = _fills, SelfTrades = _selfTrades, PreloadedOrders = _preloaded,
            MeanResting = _samples == 0 ? Live.Count : (double)_restingSum / _samples,
            MinResting = _samples == 0 ? Live.Count : _minResting,
            MaxResting = _samples == 0 ? Live.Count : _maxResting,
            MeanLevels = _levelSamples == 0 ? 0 : (double)_levelSum / _levelSamples,
            MaxEventsPerCommand = _maxEvents,
        };
        int output = 256;
        while (output < _maxEvents * 2)
        {
            output *= 2;
        }

        return new MatchingWorkload(name, _commands[.._count], _routes[.._count], _snapshots,
            [.. _peak.Select(p => p + 1)], output, stats);
    }

    private int Run(in OrderCommand command, int book)
    {
        _output.Clear();
        _books[book].Execute(in command, _output);
        _maxEvents = Math.Max(_maxEvents, _output.Count);
        foreach (ref readonly BookEvent e in _output.Events)
        {
            if (e.Kind == BookEventKind.Cancelled && e.Reason == CancelReason.SelfTrade)
            {
                _selfTrades++;
            }
        }

        // The pool holds an amended order's slot during its sweep, so the peak is taken before and after.
        _peak[book] = Math.Max(_peak[book], _books[book].RestingCount);
        int fills = Live.Apply(_output, book);
        _peak[book] = Math.Max(_peak[book], _books[book].RestingCount);
        return fills;
    }

    private void Sample()
    {
        if ((_count & 1023) != 0)
        {
            return;
        }

        _samples++;
        _restingSum += Live.Count;
        _minResting = Math.Min(_minResting, Live.Count);
        _maxResting = Math.Max(_maxResting, Live.Count);
        if (_count % _levelSampleEvery != 0)
        {
            return;
        }

        _levelSamples++;
        foreach (OrderBook b in _books)
        {
            _levelSum += b.CopyDepth(Side.Buy, _depth) + b.CopyDepth(Side.Sell, _depth);
        }
    }

    /// <summary>A bid at or below the reference and the best ask (an ask mirrored), never crossing.</summary>
    public static long PassivePrice(OrderBook book, Side side, long reference, int distance)
    {
        long lower = book.Day.Band.Lower.FenPerTonne;
        long upper = book.Day.Band.Upper.FenPerTonne;
        long price = side == Side.Buy
            ? Math.Min(reference - 1, (book.BestAsk?.FenPerTonne ?? upper + 1) - 1) - distance
            : Math.Max(reference + 1, (book.BestBid?.FenPerTonne ?? lower - 1) + 1) + distance;
        return Math.Clamp(price, lower, upper);
    }

    /// <summary>
    /// A limit <paramref name="ticks"/> through the opposite best price, so it trades; the passive price at
    /// the reference when the opposite side is empty.
    /// </summary>
    public static long CrossingPrice(OrderBook book, Side side, long reference, int ticks)
    {
        Price? opposite = side == Side.Buy ? book.BestAsk : book.BestBid;
        if (opposite is not { } best)
        {
            return PassivePrice(book, side, reference, 0);
        }

        long price = side == Side.Buy ? best.FenPerTonne + ticks : best.FenPerTonne - ticks;
        return Math.Clamp(price, book.Day.Band.Lower.FenPerTonne, book.Day.Band.Upper.FenPerTonne);
    }
}
