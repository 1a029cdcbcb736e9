using System.Diagnostics;
using System.Globalization;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Sustained durable load with acknowledgement-latency percentiles (BenchmarkDotNet measures means, not
/// tails). Closed loop (<c>--clients C</c>: C callers each submit, await the ack, repeat: "full load") or
/// open loop (<c>--rate R</c>: commands are offered at fixed intended times and latency is measured from
/// the intended time, so a stall is charged to every command it delayed: no coordinated omission).
/// Usage: <c>durable-load [--seconds 60] [--clients 512 | --rate 10000] [--batch 2048]</c>.
/// </summary>
internal static class DurableLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        int seconds = Arg(args, "--seconds", 60);
        int clients = Arg(args, "--clients", 512);
        int rate = Arg(args, "--rate", 0);
        int batch = Arg(args, "--batch", 2_048);
        await using LedgerDatabase database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions { Temporary = true });
        await using LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = database.ConnectionString,
            Schema = $"load_{Environment.ProcessId}",
            MaxBatchSize = batch,
        });
        var registry = new DurableRegistry();
        await registry.SeedAsync(engine);
        await WarmUpAsync(engine, registry);

        var latencies = new List<long>[Math.Max(clients, 1)];
        var clock = Stopwatch.StartNew();
        long end = Stopwatch.Frequency * seconds;
        long rejected = 0;
        if (rate > 0)
        {
            latencies = [await OpenLoopAsync(engine, registry, rate, end)];
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                var mine = latencies[c] = new List<long>(1 << 16);
                while (clock.ElapsedTicks < end)
                {
                    long start = Stopwatch.GetTimestamp();
                    CommandResult r = await engine.SubmitAsync(registry.NextTransfer());
                    mine.Add(Stopwatch.GetTimestamp() - start);
                    if (!r.Outcome.IsAccepted)
                    {
                        Interlocked.Increment(ref rejected);
                    }
                }
            }));
        }

        double elapsed = clock.Elapsed.TotalSeconds;
        long[] all = latencies.Where(l => l is not null).SelectMany(l => l).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mode={(rate > 0 ? $"open-loop {rate}/s" : $"closed-loop {clients} clients")} batch={batch} " +
            $"seconds={elapsed:F1} commands={all.Length} rejected={rejected} throughput={all.Length / elapsed:F0}/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ack latency ms: p50={Ms(all, 0.50):F2} p90={Ms(all, 0.90):F2} p99={Ms(all, 0.99):F2} " +
            $"p99.9={Ms(all, 0.999):F2} max={Ms(all, 1.0):F2}"));
        return 0;
    }

    private static async Task<List<long>> OpenLoopAsync(LedgerEngine engine, DurableRegistry registry, int rate, long end)
    {
        var pending = new List<Task<long>>(rate * 70);
        long origin = Stopwatch.GetTimestamp();
        long interval = Stopwatch.Frequency / rate;
        for (long n = 0; n * interval < end; n++)
        {
            long intended = origin + (n * interval);
            while (Stopwatch.GetTimestamp() < intended)
            {
                await Task.Delay(1);
            }

            pending.Add(SubmitFrom(engine, registry, intended));
        }

        return [.. await Task.WhenAll(pending)];
    }

    private static async Task<long> SubmitFrom(LedgerEngine engine, DurableRegistry registry, long intended)
    {
        await engine.SubmitAsync(registry.NextTransfer());
        return Stopwatch.GetTimestamp() - intended;
    }

    private static async Task WarmUpAsync(LedgerEngine engine, DurableRegistry registry) =>
        await Task.WhenAll(Enumerable.Range(0, 5_000).Select(_ => engine.SubmitAsync(registry.NextTransfer())));

    private static double Ms(long[] sorted, double quantile) => sorted.Length == 0
        ? 0
        : sorted[Math.Min(sorted.Length - 1, (int)(quantile * sorted.Length))] * 1000.0 / Stopwatch.Frequency;

    private static int Arg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
