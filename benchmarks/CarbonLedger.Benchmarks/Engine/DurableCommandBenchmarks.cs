using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Durable registry transfers: group commit against one transaction per command (see
/// <see cref="GroupCommitBenchmark"/>). Target: group commit ≥ 10× the baseline.
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[BenchmarkCategory("Database")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class DurableCommandBenchmarks : GroupCommitBenchmark
{
    private readonly DurableRegistry _registry = new();

    protected override Task SeedAsync(LedgerEngine engine) => _registry.SeedAsync(engine);

    protected override LedgerCommand NextCommand() => _registry.NextTransfer();
}
