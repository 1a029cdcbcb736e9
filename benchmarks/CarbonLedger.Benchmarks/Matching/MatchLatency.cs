using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// The matching latency harness (performance.md §6.1, §7.1 M1/M2; BenchmarkDotNet gives means, not tails).
/// Per workload: the achieved mix; a differential check of the first <c>--verify</c> commands against the
/// reference book; a warm-up; a closed-loop run (throughput); then, for each offered rate, an open-loop run
/// on one thread without coordinated omission: command i is due at t0 + i / rate, the thread spins until
/// then, executes it and records completion − due time, so a stall is charged to every command it delays.
/// Latencies go into a preallocated array, sorted afterwards; allocated bytes and collections are read
/// around each timed run. Before each rate the same open loop runs with no work at all: the platform floor
/// (what this VM's timer ticks, steal and preemption cost), to read the book's tail against. Usage: <c>match-latency [--seconds 5] [--rates 250000,500000,1000000]
/// [--workload single|deep|both] [--verify 100000]</c>; each rate runs rate × seconds commands.
/// </summary>
internal static class MatchLatency
{
    public static int Run(string[] args)
    {
        double seconds = double.Parse(Arg(args, "--seconds", "5"), CultureInfo.InvariantCulture);
        long[] rates = [.. Arg(args, "--rates", "250000,500000,1000000").Split(',')
            .Select(r => long.Parse(r, CultureInfo.InvariantCulture))];
        string which = Arg(args, "--workload", "both");
        int verify = int.Parse(Arg(args, "--verify", "100000"), CultureInfo.InvariantCulture);
        int commands = checked((int)Math.Max(100_000, rates.Max() * seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, " +
            $"{Environment.ProcessorCount} cores, server GC={GCSettings.IsServerGC}, " +
            $"Stopwatch.Frequency={Stopwatch.Frequency}, {seconds} s per rate, stream {commands:N0} commands " +
            $"of {Unsafe.SizeOf<OrderCommand>()} B"));
        bool ok = true;
        if (which is "single" or "both")
        {
            ok &= Measure(SingleBookWorkload.Create(commands), rates, seconds, verify);
        }

        if (which is "deep" or "both")
        {
            ok &= Measure(DeepBookWorkload.Create(commands), rates, seconds, verify);
        }

        return ok ? 0 : 1;
    }

    private static bool Measure(MatchingWorkload w, long[] rates, double seconds, int verify)
    {
        Console.WriteLine();
        Console.WriteLine($"== {w.Name}");
        Console.WriteLine(w.Stats.Describe());
        int checkedCommands = Math.Min(verify, w.Commands.Length);
        string? divergence = checkedCommands > 0 ? Differential.FirstDivergence(w, checkedCommands) : null;
        Console.WriteLine(divergence is null
            ? $"differential: OrderBook and ReferenceBook agree on the first {checkedCommands:N0} commands"
            : $"DIVERGENCE: {divergence}");

        int warm = Math.Min(w.Commands.Length, 1_000_000);
        for (int pass = 0; pass < 3; pass++)
        {
            Replay.Run(w.NewOrderBooks(), w.Commands, w.Routes, warm, w.NewOutput());
            Thread.Sleep(300); // lets tiered compilation install the optimized code before the next pass
        }

        OrderBook[] books = w.NewOrderBooks();
        BookOutput output = w.NewOutput();
        Quiesce();
        Counters before = Counters.Read();
        long start = Stopwatch.GetTimestamp();
        long fills = books.Length == 1
            ? Replay.Run(books[0], w.Commands, w.Commands.Length, output)
            : Replay.Run(books, w.Commands, w.Routes, w.Commands.Length, output);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Counters used = Counters.Read() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"closed loop: {w.Commands.Length / elapsed:N0} ops/s ({elapsed * 1e9 / w.Commands.Length:F1} ns/op), " +
            $"fills={fills:N0}, {used}"));

        ServiceTimes(w);
        foreach (long rate in rates)
        {
            int count = checked((int)Math.Min(w.Commands.Length, rate * seconds));
            long[] latencies = new long[count];
            latencies.AsSpan().Fill(1); // fault the pages in now, not during the timed run

            // The platform floor first: the same open loop doing no work, so what the VM itself costs (timer
            // ticks, steal, preemption) reads beside the book's figures from the same minute.
            Quiesce();
            OpenLoop(null, w, count, rate, output, latencies);
            Array.Sort(latencies);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"platform floor {rate,9:N0}/s, no work: {Percentiles(latencies)}"));

            books = w.NewOrderBooks();
            output = w.NewOutput();
            latencies.AsSpan().Fill(1);
            Quiesce();
            before = Counters.Read();
            (long elapsedTicks, long rateFills) = OpenLoop(books, w, count, rate, output, latencies);
            used = Counters.Read() - before;
            Array.Sort(latencies);
            double achieved = count / ((double)elapsedTicks / Stopwatch.Frequency);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"open loop {rate,9:N0}/s offered, {achieved,11:N0}/s achieved, {count:N0} commands, " +
                $"fills={rateFills:N0}, {used}"));
            Console.WriteLine($"    latency µs: {Percentiles(latencies)}");
        }

        return divergence is null;
    }

    /// <summary>
    /// One open-loop run. Fully optimized from its first call (no tier-0 loop, no on-stack replacement
    /// mid-run); the spin is a plain timestamp read, so nothing here allocates.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (long Ticks, long Fills) OpenLoop(
        OrderBook[]? books, MatchingWorkload w, int count, long rate, BookOutput output, long[] latencies)
    {
        OrderCommand[] commands = w.Commands;
        int[] routes = w.Routes;
        long frequency = Stopwatch.Frequency;
        long fills = 0;
        long t0 = Stopwatch.GetTimestamp() + (frequency / 1000);
        for (int i = 0; i < count; i++)
        {
            long due = t0 + (i * frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                // Spin: one thread, and a sleep's wake-up jitter would be charged to the book.
            }

            if (books is not null)
            {
                books[routes[i]].Execute(in commands[i], output);
                fills += Replay.Fills(output);
                output.Clear();
            }

            latencies[i] = Stopwatch.GetTimestamp() - due;
        }

        return (Stopwatch.GetTimestamp() - t0, fills);
    }

    /// <summary>
    /// Each command's own execution time, back to back (no arrival schedule, so no queueing): what the book
    /// itself costs per command, tail included, apart from the platform's interruptions that an open loop
    /// charges to every command queued behind them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ServiceTimes(MatchingWorkload w)
    {
        OrderBook[] books = w.NewOrderBooks();
        BookOutput output = w.NewOutput();
        OrderCommand[] commands = w.Commands;
        int[] routes = w.Routes;
        long[] times = new long[commands.Length];
        times.AsSpan().Fill(1);
        Quiesce();
        for (int i = 0; i < commands.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            books[routes[i]].Execute(in commands[i], output);
            output.Clear();
            times[i] = Stopwatch.GetTimestamp() - start;
        }

        Array.Sort(times);
        Console.WriteLine($"service time per command µs (timer included): {Percentiles(times)}");
    }

    private static void Quiesce()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Percentiles(long[] sorted) => string.Create(CultureInfo.InvariantCulture,
        $"p50={Us(sorted, 0.5):F3} p90={Us(sorted, 0.9):F3} p99={Us(sorted, 0.99):F3} " +
        $"p99.9={Us(sorted, 0.999):F3} p99.99={Us(sorted, 0.9999):F3} max={Us(sorted, 1):F3}");

    private static double Us(long[] sorted, double quantile) => sorted.Length == 0
        ? 0
        : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))] * 1e6 / Stopwatch.Frequency;

    private static string Arg(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>This thread's allocated bytes and the process's collection counts.</summary>
    private readonly record struct Counters(long Bytes, int Gen0, int Gen1, int Gen2)
    {
        public static Counters Read() => new(
            GC.GetAllocatedBytesForCurrentThread(), GC.CollectionCount(0), GC.CollectionCount(1),
            GC.CollectionCount(2));

        public static Counters operator -(Counters a, Counters b) =>
            new(a.Bytes - b.Bytes, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"allocated={Bytes} B gen0={Gen0} gen1={Gen1} gen2={Gen2}");
    }
}
