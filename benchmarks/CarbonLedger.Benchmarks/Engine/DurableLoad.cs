using System.Diagnostics;
using System.Globalization;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;
using CarbonLedger.Engine.ReadModels;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Sustained durable load with acknowledgement-latency percentiles (BenchmarkDotNet measures means, not
/// tails). Closed loop (<c>--clients C</c>: C callers each submit, await the ack, repeat: "full load") or
/// open loop (<c>--rate R</c>: commands are offered at fixed intended times and latency is measured from
/// the intended time, so a stall is charged to every command it delayed: no coordinated omission).
/// Usage: <c>durable-load [--workload transfers|orders] [--seconds 60] [--clients 512 | --rate 10000]
/// [--batch 2048] [--warmup 15] [--read-models inline|async] [--timeline] [--overlap N] [--linger ms]
/// [--checkpoint-every N]</c>. Orders are listed orders that
/// match and settle (see <see cref="DurableMarket"/>); <c>--timeline</c> (open loop) prints the median and worst
/// latency per half second on stderr, to see when stalls happen; with <c>CL_SOCKET=1</c> the engine talks to
/// the embedded server over its Unix socket instead of loopback TCP.
/// Before measuring, a closed-loop warm-up of <c>--warmup</c> seconds runs the same workload: the runtime's
/// tiered compilation keeps re-compiling hot methods for the first ~10 s under this load (a background thread
/// at 40 % of a core), which is start-up, not the steady state a long-running engine serves in.
/// </summary>
internal static class DurableLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int seconds = Arg(args, "--seconds", 60);
        int clients = Arg(args, "--clients", 512);
        int rate = Arg(args, "--rate", 0);
        int batch = Arg(args, "--batch", 2_048);
        int warmup = Arg(args, "--warmup", 15);
        bool timeline = Array.IndexOf(args, "--timeline") >= 0;
        int lag = Arg(args, "--lag", new LedgerEngineOptions { ConnectionString = "-" }.ReadModelLag);
        int modeAt = Array.IndexOf(args, "--read-models");
        ReadModelMode mode = modeAt >= 0 && modeAt + 1 < args.Length
            ? Enum.Parse<ReadModelMode>(args[modeAt + 1], ignoreCase: true)
            : ReadModelMode.Inline;
        bool orders = Array.IndexOf(args, "orders") > 0 && args[Array.IndexOf(args, "orders") - 1] == "--workload";
        await using LedgerDatabase database =
            await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions { Temporary = true });
        await using LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable("CL_SOCKET") == "1" && database.Server is { } server
                ? new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = server.DataDirectory }
                    .ConnectionString
                : database.ConnectionString,
            Schema = $"load_{Environment.ProcessId}",
            MaxBatchSize = batch,
            ReadModels = mode,
            ReadModelLag = lag,
            ReadModelLinger = TimeSpan.FromMilliseconds(Arg(args, "--linger", 10)),
            OverlapFrom = Arg(args, "--overlap", new LedgerEngineOptions { ConnectionString = "-" }.OverlapFrom),
            CheckpointEvery = Arg(args, "--checkpoint-every", 100_000),
            Clock = orders ? DurableMarket.Clock() : NodaTime.SystemClock.Instance,
        });
        Func<LedgerCommand> next;
        if (orders)
        {
            var market = new DurableMarket();
            await market.SeedAsync(engine);
            next = market.NextOrder;
        }
        else
        {
            var registry = new DurableRegistry();
            await registry.SeedAsync(engine);
            next = registry.NextTransfer;
        }

        await WarmUpAsync(engine, next, Math.Max(clients, 256), warmup);
        await StartCheckpointCycleAsync(engine, database.ConnectionString);

        var latencies = new List<long>[Math.Max(clients, 1)];
        long allocatedBefore = GC.GetTotalAllocatedBytes();
        int gen0Before = GC.CollectionCount(0);
        int gen2Before = GC.CollectionCount(2);
        TimeSpan pausedBefore = GC.GetTotalPauseDuration();
        int? postmaster = database.Server?.ServerProcessId;
        ProcessCpu cpuBefore = ProcessCpu.Sample(postmaster);
        var clock = Stopwatch.StartNew();
        long end = Stopwatch.Frequency * seconds;
        long rejected = 0;
        var service = new List<long>();
        if (rate > 0)
        {
            latencies = [await OpenLoopAsync(engine, next, rate, end, service, timeline)];
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                var mine = latencies[c] = new List<long>(1 << 16);
                while (clock.ElapsedTicks < end)
                {
                    long start = Stopwatch.GetTimestamp();
                    CommandResult r = await engine.SubmitAsync(next());
                    mine.Add(Stopwatch.GetTimestamp() - start);
                    if (!r.Outcome.IsAccepted)
                    {
                        Interlocked.Increment(ref rejected);
                    }
                }
            }));
        }

        double elapsed = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        int gen0 = GC.CollectionCount(0) - gen0Before;
        int gen2 = GC.CollectionCount(2) - gen2Before;
        double paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        ProcessCpu cpuAfter = ProcessCpu.Sample(postmaster);
        var drain = Stopwatch.StartNew();
        await engine.ReadModelsCurrentAsync();
        double drained = drain.Elapsed.TotalMilliseconds;
        long[] all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"workload={(orders ? "orders" : "transfers")} " +
            $"mode={(rate > 0 ? $"open-loop {rate}/s" : $"closed-loop {clients} clients")} batch={batch} " +
            $"read-models={mode.ToString().ToLowerInvariant()} lag={lag} " +
            $"(current {drained:F0} ms after the last ack) " +
            $"seconds={elapsed:F1} commands={all.Length} rejected={rejected} throughput={all.Length / elapsed:F0}/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack latency ms: p50={Ms(all, 0.50):F2} p90={Ms(all, 0.90):F2} p99={Ms(all, 0.99):F2} " +
            $"p99.9={Ms(all, 0.999):F2} max={Ms(all, 1.0):F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"allocated {allocated / Math.Max(1, all.Length):N0} B per command (harness included), " +
            $"{gen0:N0} collections ({gen2:N0} of gen2), {paused:F0} ms paused in all"));
        GCMemoryInfo background = GC.GetGCMemoryInfo(GCKind.Background);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: server={System.Runtime.GCSettings.IsServerGC} " +
            $"heaps={GC.GetConfigurationVariables().GetValueOrDefault("HeapCount")}; last background gen-2 " +
            $"collection #{background.Index} of {GC.CollectionCount(0)}, heap {background.HeapSizeBytes >> 20} MB"));

        foreach (string line in cpuAfter.PerCommand(cpuBefore, all.Length))
        {
            Console.WriteLine(line);
        }

        if (service.Count > 0)
        {
            long[] s = [.. service.Order()];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"from actual submit ms: p50={Ms(s, 0.50):F2} p90={Ms(s, 0.90):F2} p99={Ms(s, 0.99):F2} " +
                $"p99.9={Ms(s, 0.999):F2} max={Ms(s, 1.0):F2}"));
        }

        return 0;
    }

    /// <summary>
    /// Offers commands at fixed intended times from a dedicated thread (not the thread pool the engine's
    /// continuations use). Returns latencies from the intended time; <paramref name="service"/> receives them
    /// from the actual submission, so generator lag and engine latency can be told apart. Latencies go into
    /// preallocated arrays and no per-command object outlives its acknowledgement, so the harness does not add
    /// garbage-collection work of its own to what it measures.
    /// </summary>
    private static async Task<List<long>> OpenLoopAsync(LedgerEngine engine,
        Func<LedgerCommand> next, int rate, long end, List<long> service, bool timeline)
    {
        long interval = Stopwatch.Frequency / rate;
        int total = checked((int)(end / interval) + 1);
        long[] fromIntended = new long[total];
        long[] fromSubmit = new long[total];
        int outstanding = 1;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        long origin = Stopwatch.GetTimestamp();
        var generated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var generator = new Thread(() =>
        {
            for (int n = 0; n < total; n++)
            {
                long intended = origin + (n * interval);
                while (Stopwatch.GetTimestamp() < intended)
                {
                    // Sleep, never spin: on two cores a spinning generator would steal PostgreSQL's CPU.
                    // Everything that fell due during the sleep is then sent at once (a 1 ms burst).
                    Thread.Sleep(1);
                }

                Interlocked.Increment(ref outstanding);
                _ = Record(engine, next, intended, n, fromIntended, fromSubmit, () =>
                {
                    if (Interlocked.Decrement(ref outstanding) == 0)
                    {
                        allDone.TrySetResult();
                    }
                });
            }

            generated.SetResult();
        }) { IsBackground = true, Name = "load-generator" };
        generator.Start();

        // Awaited, not joined: Join would block one of the thread pool's two minimum workers for the whole run,
        // and the engine's continuations would then queue behind a single worker until the pool injects more.
        await generated.Task;
        if (Interlocked.Decrement(ref outstanding) == 0)
        {
            allDone.TrySetResult();
        }

        await allDone.Task;
        if (timeline)
        {
            // Per 500 ms of intended time: the median and the worst acknowledgement latency (where stalls sit).
            int perSlice = rate / 2;
            for (int from = 0; from < total; from += perSlice)
            {
                long[] slice = fromIntended[from..Math.Min(total, from + perSlice)];
                Array.Sort(slice);
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"t={from / (double)rate:F1}s p50={Ms(slice, 0.5):F0} max={Ms(slice, 1.0):F0}"));
            }
        }

        service.AddRange(fromSubmit);
        return [.. fromIntended];
    }

    private static async Task Record(LedgerEngine engine, Func<LedgerCommand> next, long intended,
        int n, long[] fromIntended, long[] fromSubmit, Action done)
    {
        long submitted = Stopwatch.GetTimestamp();
        await engine.SubmitAsync(next());
        long now = Stopwatch.GetTimestamp();
        fromIntended[n] = now - intended;
        fromSubmit[n] = now - submitted;
        done();
    }

    private static async Task WarmUpAsync(LedgerEngine engine, Func<LedgerCommand> next, int callers, int seconds)
    {
        long end = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * seconds);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            do
            {
                await engine.SubmitAsync(next());
            }
            while (Stopwatch.GetTimestamp() < end);
        }));
    }

    /// <summary>
    /// Ends the warm-up with a checkpoint, so that every measured window starts at the same point of PostgreSQL's
    /// checkpoint cycle (the full-page images that follow a checkpoint included), with the warm-up's WAL segments
    /// recycled as on a server that has run for a while, rather than wherever the warm-up happened to leave it.
    /// </summary>
    private static async Task StartCheckpointCycleAsync(LedgerEngine engine, string connectionString)
    {
        await engine.ReadModelsCurrentAsync();
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var checkpoint = new Npgsql.NpgsqlCommand("CHECKPOINT", connection);
        await checkpoint.ExecuteNonQueryAsync();
    }

    private static double Ms(long[] sorted, double quantile) => sorted.Length == 0
        ? 0
        : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))] * 1000.0 / Stopwatch.Frequency;

    private static int Arg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
