using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;
using NodaTime;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Durable orders end to end (issue #4): order → hold → match → DvP settlement → fees → journal and read
/// models, group commit against one transaction per order (see <see cref="GroupCommitBenchmark"/>), on a clock
/// inside the morning session. Target: group commit ≥ 20× the baseline.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Database")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class DurableOrderBenchmarks : GroupCommitBenchmark
{
    private readonly DurableMarket _market = new();

    protected override IClock NewClock() => DurableMarket.Clock();

    protected override Task SeedAsync(LedgerEngine engine) => _market.SeedAsync(engine);

    protected override LedgerCommand NextCommand() => _market.NextOrder();
}
