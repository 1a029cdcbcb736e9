using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// Workload (b), deep and wide (<see cref="DeepBookWorkload"/>: 2,000 books, 500,000 resting orders, Zipf
/// popularity, 55/35/10 add/cancel/IOC), through the reference books (baseline) and the pooled books in the
/// same class. Commands are routed through an array of books indexed by the dense book number stored with
/// each command (not <see cref="BookSet"/>, whose dictionary is keyed by instrument id and the domain names
/// only 384 instruments). Each iteration restores all 2,000 books from their snapshots (outside the timing);
/// one invocation replays the whole stream; the mean is per command. Target (M2): ≥ 1,500,000 commands/s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 1)]
public class DeepBookMatchingBenchmarks
{
    /// <summary>Commands per invocation (the same stream for both books).</summary>
    public const int Commands = 1_000_000;

    private MatchingWorkload _workload = null!;
    private BookOutput _output = null!;
    private OrderBook[] _books = null!;
    private ReferenceBook[] _references = null!;

    /// <summary>Pre-loads the books and generates the stream once per benchmark process (not timed).</summary>
    [GlobalSetup]
    public void Generate()
    {
        _workload = DeepBookWorkload.Create(Commands);
        _output = _workload.NewOutput();
    }

    /// <summary>Fresh pooled books, each pre-sized so the stream never grows it.</summary>
    [IterationSetup(Target = nameof(OrderBook))]
    public void FreshBooks() => _books = _workload.NewOrderBooks();

    /// <summary>Fresh reference books.</summary>
    [IterationSetup(Target = nameof(ReferenceBook))]
    public void FreshReferences() => _references = _workload.NewReferenceBooks();

    /// <summary>The naive oracle (baseline).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Commands)]
    public long ReferenceBook() =>
        Replay.Run(_references, _workload.Commands, _workload.Routes, Commands, _output);

    /// <summary>The pooled production books.</summary>
    [Benchmark(OperationsPerInvoke = Commands)]
    public long OrderBook() => Replay.Run(_books, _workload.Commands, _workload.Routes, Commands, _output);
}
