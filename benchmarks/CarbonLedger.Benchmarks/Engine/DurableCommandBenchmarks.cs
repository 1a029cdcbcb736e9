using BenchmarkDotNet.Attributes;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Durable commands through the journal, synchronous commit on: the group-commit writer against the same
/// engine forced to one Marten transaction per command (<c>MaxBatchSize = 1</c>), both offered the same
/// 2,000 concurrent transfers per invocation. Target: group commit ≥ 10× the baseline.
/// Uses the embedded PostgreSQL (or <c>CARBONLEDGER_CONNECTION</c>).
/// </summary>
[MemoryDiagnoser]
[GcServer(true)]
[BenchmarkCategory("Database")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class DurableCommandBenchmarks
{
    private const int Commands = 2_000;
    private LedgerDatabase _database = null!;
    private LedgerEngine _grouped = null!;
    private LedgerEngine _perCommand = null!;
    private readonly DurableRegistry _registry = new();

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Commands)]
    public Task<int> OneTransactionPerCommand() => OfferAsync(_perCommand);

    [Benchmark(OperationsPerInvoke = Commands)]
    public Task<int> GroupCommit() => OfferAsync(_grouped);

    private async Task<int> OfferAsync(LedgerEngine engine)
    {
        var pending = new Task<CommandResult>[Commands];
        for (int i = 0; i < Commands; i++)
        {
            pending[i] = engine.SubmitAsync(_registry.NextTransfer());
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
            ConnectionString = _database.ConnectionString, Schema = $"bench_group_{run}",
        });
        _perCommand = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = _database.ConnectionString, Schema = $"bench_single_{run}", MaxBatchSize = 1,
        });
        await _registry.SeedAsync(_grouped);
        await _registry.SeedAsync(_perCommand);
    }

    private async Task StopAsync()
    {
        await _grouped.DisposeAsync();
        await _perCommand.DisposeAsync();
        await _database.DisposeAsync();
    }
}
