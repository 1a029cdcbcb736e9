using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// Workload (a), exchange-core's mix on one book (<see cref="SingleBookWorkload"/>), through the naive
/// <see cref="Testing.Reference.ReferenceBook"/> (baseline) and the pooled <see cref="Domain.Trading.OrderBook"/>
/// in the same class, so results read as ratios. Books mutate, so each iteration restores a fresh book from
/// the pre-stream snapshot (outside the timing) and one invocation replays the whole pre-generated stream;
/// the mean is per command. Target (M1): ≥ 2,000,000 commands/s and 0 B per command for the pooled book.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 1)]
public class SingleBookMatchingBenchmarks
{
    /// <summary>
    /// Commands per invocation: enough for the pooled book's iteration to pass BenchmarkDotNet's 100 ms
    /// minimum (~65 ns per command), while the reference book (~6–9 µs per command) stays near 15 s per
    /// invocation. Both run the same stream, so the ratio compares equal work.
    /// </summary>
    public const int Commands = 2_000_000;

    private MatchingWorkload _workload = null!;
    private BookOutput _output = null!;
    private OrderBook _book = null!;
    private ReferenceBook _reference = null!;

    /// <summary>Generates the stream once per benchmark process (not timed).</summary>
    [GlobalSetup]
    public void Generate()
    {
        _workload = SingleBookWorkload.Create(Commands);
        _output = _workload.NewOutput();
    }

    /// <summary>A fresh pooled book, pre-sized so the stream never grows it.</summary>
    [IterationSetup(Target = nameof(OrderBook))]
    public void FreshBook() => _book = _workload.NewOrderBooks()[0];

    /// <summary>A fresh reference book.</summary>
    [IterationSetup(Target = nameof(ReferenceBook))]
    public void FreshReference() => _reference = _workload.NewReferenceBooks()[0];

    /// <summary>The naive oracle (baseline).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Commands)]
    public long ReferenceBook() => Replay.Run(_reference, _workload.Commands, Commands, _output);

    /// <summary>The pooled production book.</summary>
    [Benchmark(OperationsPerInvoke = Commands)]
    public long OrderBook() => Replay.Run(_book, _workload.Commands, Commands, _output);
}
