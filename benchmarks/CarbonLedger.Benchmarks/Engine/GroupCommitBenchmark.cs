using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;
using CarbonLedger.Engine.ReadModels;
using NodaTime;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Durable commands through the journal, synchronous commit on: the group-commit writer against the same engine
/// forced to one Marten transaction per command (<c>MaxBatchSize = 1</c>), both offered the same 16,384 concurrent
/// commands per invocation, in the same run, on the embedded PostgreSQL (or <c>CARBONLEDGER_CONNECTION</c>).
/// A third engine writes its read models behind the journal (<see cref="ReadModelMode.Async"/>); its invocation
/// ends only when they are written too, so all three measure the same work done. Subclasses say what the
/// commands are. Why 16,384: with 2,000 (until 2026-11-28) every invocation was a single batch, decided and then
/// committed with nothing to overlap, which measures one batch's latency rather than the pipelined writer's
/// throughput (decision 0010); eight full batches let it work as it does under sustained load.
/// </summary>
public abstract class GroupCommitBenchmark
{
    private const int Commands = 16_384;
    private LedgerDatabase _database = null!;
    private LedgerEngine _grouped = null!;
    private LedgerEngine _groupedAsync = null!;
    private LedgerEngine _perCommand = null!;

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Commands)]
    public Task<int> OneTransactionPerCommand() => OfferAsync(_perCommand);

    [Benchmark(OperationsPerInvoke = Commands)]
    public Task<int> GroupCommit() => OfferAsync(_grouped);

    [Benchmark(OperationsPerInvoke = Commands)]
    public Task<int> GroupCommitAsyncReadModels() => OfferAsync(_groupedAsync);

    /// <summary>The clock each engine runs on.</summary>
    protected virtual IClock NewClock() => SystemClock.Instance;

    /// <summary>Sets up the accounts (and market) the commands need, on one engine.</summary>
    protected abstract Task SeedAsync(LedgerEngine engine);

    /// <summary>A new command under a never-used key.</summary>
    protected abstract LedgerCommand NextCommand();

    private async Task<int> OfferAsync(LedgerEngine engine)
    {
        var pending = new Task<CommandResult>[Commands];
        for (int i = 0; i < Commands; i++)
        {
            pending[i] = engine.SubmitAsync(NextCommand());
        }

        CommandResult[] results = await Task.WhenAll(pending);
        await engine.ReadModelsCurrentAsync();
        return results.Count(r => r.Outcome.IsAccepted);
    }

    private async Task StartAsync()
    {
        _database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions { Temporary = true });
        string run = Guid.NewGuid().ToString("N")[..12];
        _grouped = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = _database.ConnectionString, Schema = $"bench_group_{run}", Clock = NewClock(),
        });
        _groupedAsync = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = _database.ConnectionString, Schema = $"bench_async_{run}", Clock = NewClock(),
            ReadModels = ReadModelMode.Async,
        });
        _perCommand = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = _database.ConnectionString, Schema = $"bench_single_{run}", MaxBatchSize = 1,
            Clock = NewClock(),
        });
        await SeedAsync(_grouped);
        await SeedAsync(_groupedAsync);
        await SeedAsync(_perCommand);
    }

    private async Task StopAsync()
    {
        await _grouped.DisposeAsync();
        await _groupedAsync.DisposeAsync();
        await _perCommand.DisposeAsync();
        await _database.DisposeAsync();
    }
}
