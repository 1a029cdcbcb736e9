using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Benchmarks.Domain;

/// <summary>
/// Ledger-core transfers in memory (decide + apply + idempotency record) against the naive
/// <see cref="ReferenceLedger"/> in the same run: results read as ratios. Each invocation runs a fresh
/// ledger through <see cref="Transfers"/> distinct transfers, so every one is a real, accepted movement.
/// Target: ≥ 1,000,000 transfers/s on one thread and 0 B allocated per transfer.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 1)]
public class LedgerTransferBenchmarks
{
    private const int Transfers = 200_000;
    private TransferWorkload _workload = null!;
    private Ledger _ledger = null!;
    private ReferenceLedger _reference = null!;

    /// <summary>Uniform pairs, or half of all transfers out of one hot account.</summary>
    [Params(false, true)]
    public bool HotAccount { get; set; }

    [GlobalSetup]
    public void Build() => _workload = new TransferWorkload(Transfers, HotAccount);

    [IterationSetup(Target = nameof(Ledger))]
    public void FreshLedger() => _ledger = _workload.NewLedger();

    [IterationSetup(Target = nameof(Reference))]
    public void FreshReference()
    {
        _reference = new ReferenceLedger();
        foreach (LedgerCommand c in _workload.Setup)
        {
            _reference.Execute(c);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Transfers)]
    public long Reference()
    {
        long sequence = 0;
        foreach (LedgerCommand c in _workload.Transfers)
        {
            sequence = _reference.Execute(c).Sequence;
        }

        return sequence;
    }

    [Benchmark(OperationsPerInvoke = Transfers)]
    public long Ledger()
    {
        long sequence = 0;
        LedgerCommand[] transfers = _workload.Transfers;
        for (int i = 0; i < transfers.Length; i++)
        {
            sequence = _ledger.Execute(transfers[i]).Sequence;
        }

        return sequence;
    }
}
