using BenchmarkDotNet.Attributes;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Durable orders end to end (issue #4): order → hold → match → DvP settlement → fees → journal and read models,
/// synchronous commit on. The group-commit writer against the same engine forced to one Marten transaction per
/// order (<c>MaxBatchSize = 1</c>), both offered the same 2,000 concurrent orders per invocation, in the same
/// run. Target: group commit ≥ 20× the baseline. Uses the embedded PostgreSQL (or
/// <c>CARBONLEDGER_CONNECTION</c>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Database")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class DurableOrderBenchmarks
{
    private const int Orders = 2_000;
    private LedgerDatabase _database = null!;
    private LedgerEngine _grouped = null!;
    private LedgerEngine _perOrder = null!;
    private readonly DurableMarket _market = new();

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Orders)]
    public Task<int> OneTransactionPerOrder() => OfferAsync(_perOrder);

    [Benchmark(OperationsPerInvoke = Orders)]
    public Task<int> GroupCommit() => OfferAsync(_grouped);

    private async Task<int> OfferAsync(LedgerEngine engine)
    {
        var pending = new Task<CommandResult>[Orders];
        for (int i = 0; i < Orders; i++)
        {
            pending[i] = engine.SubmitAsync(_market.NextOrder());
        }

        CommandResult[] results = await Task.WhenAll(pending);
        return results.Count(r => r.Outcome.IsAccepted);
    }

    private async Task StartAsync()
    {
        _database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions { Temporary = true });
        string run = Guid.NewGuid().ToString("N")[..12];
        _grouped = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = _database.ConnectionString, Schema = $"orders_group_{run}",
            Clock = DurableMarket.Clock(),
        });
        _perOrder = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = _database.ConnectionString, Schema = $"orders_single_{run}", MaxBatchSize = 1,
            Clock = DurableMarket.Clock(),
        });
        await _market.SeedAsync(_grouped);
        await _market.SeedAsync(_perOrder);
    }

    private async Task StopAsync()
    {
        await _grouped.DisposeAsync();
        await _perOrder.DisposeAsync();
        await _database.DisposeAsync();
    }
}
