using System.Globalization;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// A pre-generated, deterministic matching workload: the books' state before the stream (one canonical
/// snapshot per book), the commands, and for each command the dense number of the book it goes to. Books are
/// restored from the snapshots for every run, so every run replays the same stream on the same state and
/// produces the same outputs. <see cref="Capacities"/> and <see cref="OutputCapacity"/> are the peaks seen
/// while generating, so the pooled book and the output buffer never grow during a timed run.
/// </summary>
internal sealed class MatchingWorkload
{
    public MatchingWorkload(
        string name, OrderCommand[] commands, int[] routes, byte[][] snapshots, int[] capacities,
        int outputCapacity, WorkloadStats stats)
    {
        Name = name;
        Commands = commands;
        Routes = routes;
        Snapshots = snapshots;
        Capacities = capacities;
        OutputCapacity = outputCapacity;
        Stats = stats;
    }

    public string Name { get; }

    public OrderCommand[] Commands { get; }

    /// <summary>Dense book number of each command (all 0 for a single book).</summary>
    public int[] Routes { get; }

    public byte[][] Snapshots { get; }

    /// <summary>Per book: the most orders resting at once during generation, plus one (pool size).</summary>
    public int[] Capacities { get; }

    public int OutputCapacity { get; }

    public WorkloadStats Stats { get; }

    public int BookCount => Snapshots.Length;

    /// <summary>Fresh pooled books in the pre-stream state, pre-sized so the stream allocates nothing.</summary>
    public OrderBook[] NewOrderBooks()
    {
        var books = new OrderBook[Snapshots.Length];
        for (int b = 0; b < books.Length; b++)
        {
            books[b] = OrderBook.Restore(Snapshots[b], Capacities[b]);
        }

        return books;
    }

    /// <summary>Fresh reference books in the pre-stream state.</summary>
    public ReferenceBook[] NewReferenceBooks()
    {
        var books = new ReferenceBook[Snapshots.Length];
        for (int b = 0; b < books.Length; b++)
        {
            books[b] = ReferenceBook.Restore(Snapshots[b]);
        }

        return books;
    }

    /// <summary>An output buffer large enough for the busiest command of the stream.</summary>
    public BookOutput NewOutput() => new(OutputCapacity);
}

/// <summary>What a generated stream actually contains (the mix as achieved, not as intended).</summary>
internal sealed record WorkloadStats
{
    public long Commands { get; init; }

    public long GtcLimits { get; init; }

    public long IocLimits { get; init; }

    public long Cancels { get; init; }

    public long Moves { get; init; }

    /// <summary>Commands that produced at least one fill.</summary>
    public long Trading { get; init; }

    public long Fills { get; init; }

    /// <summary>Incoming orders stopped by self-trade prevention.</summary>
    public long SelfTrades { get; init; }

    public int PreloadedOrders { get; init; }

    public double MeanResting { get; init; }

    public int MinResting { get; init; }

    public int MaxResting { get; init; }

    /// <summary>Mean number of occupied price levels (both sides, all books), sampled.</summary>
    public double MeanLevels { get; init; }

    public int MaxEventsPerCommand { get; init; }

    public string Describe()
    {
        double n = Math.Max(1, Commands);
        return string.Create(CultureInfo.InvariantCulture,
            $"commands={Commands:N0} mix: GTC {100 * GtcLimits / n:F2}% IOC {100 * IocLimits / n:F2}% " +
            $"cancel {100 * Cancels / n:F2}% move {100 * Moves / n:F2}%; trading {100 * Trading / n:F2}% " +
            $"of commands, fills={Fills:N0}, self-trade stops={SelfTrades:N0}\n" +
            $"book: preloaded={PreloadedOrders:N0} resting mean={MeanResting:F0} min={MinResting:N0} " +
            $"max={MaxResting:N0}, occupied levels mean={MeanLevels:F0}, max events/command={MaxEventsPerCommand}");
    }
}
