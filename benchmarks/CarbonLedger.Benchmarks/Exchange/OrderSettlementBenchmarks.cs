using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Reference;
using NodaTime;

namespace CarbonLedger.Benchmarks.Exchange;

/// <summary>
/// In memory, the whole exchange path per order (issue #4): idempotency, account and market checks, the hold,
/// matching, delivery-versus-payment settlement of every fill and the fees, on the exchange-core-like stream of
/// <see cref="ExchangeWorkload"/> (9 % GTC, 3 % IOC, 6 % cancel, 82 % move; ~1,000 resting orders; 1,000
/// traders). Baseline: the naive <see cref="ReferenceLedger"/> on the same stream, in the same run. Target:
/// ≥ 1,000,000 orders/s and 0 B per order. Fresh ledgers per iteration (untimed); Mean is per command.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 1)]
public class OrderSettlementBenchmarks
{
    private const int Commands = 100_000;
    private ExchangeWorkload _workload = null!;
    private Ledger _ledger = null!;
    private ReferenceLedger _reference = null!;

    [GlobalSetup]
    public void Generate()
    {
        _workload = ExchangeWorkload.Create(seed: 42, commands: Commands);
        Console.WriteLine($"// workload: {Commands:N0} commands, {_workload.Trades:N0} trades, " +
            $"peak resting {_workload.PeakResting:N0}");
    }

    [IterationSetup(Target = nameof(ReferenceLedger))]
    public void FreshReference() => _reference = _workload.NewReference();

    [IterationSetup(Target = nameof(Ledger))]
    public void FreshLedger() => _ledger = _workload.NewLedger();

    [Benchmark(Baseline = true, OperationsPerInvoke = Commands)]
    public int ReferenceLedger()
    {
        int accepted = 0;
        foreach ((LedgerCommand command, Instant at) in _workload.Stream)
        {
            accepted += _reference.Execute(command, at).IsAccepted ? 1 : 0;
        }

        return accepted;
    }

    [Benchmark(OperationsPerInvoke = Commands)]
    public int Ledger()
    {
        int accepted = 0;
        foreach ((LedgerCommand command, Instant at) in _workload.Stream)
        {
            accepted += _ledger.Execute(command, at).IsAccepted ? 1 : 0;
        }

        return accepted;
    }
}
