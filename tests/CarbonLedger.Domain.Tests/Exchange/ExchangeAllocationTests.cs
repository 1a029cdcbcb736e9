using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Generators;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>
/// The exchange's allocation gate (issue #4: 0 B per order in memory): once the tables are sized, order entry,
/// holds, matching, DvP settlement and fees for allowances allocate nothing on the writer's thread. Exact
/// counts, not timings.
/// </summary>
[Collection(AllocationGates.Name)]
public sealed class ExchangeAllocationTests
{
    [Fact]
    public void Execute_OrderMatchSettleStream_AllocatesNothingInSteadyState()
    {
        ExchangeWorkload w = ExchangeWorkload.Create(seed: 5, commands: 30_000, traders: 200);

        // Steady state. The runtime's own one-off work (tiered re-compilation, the suspensions it needs, a
        // collection another thread starts) can shift this thread's allocation counter by a few kilobytes in
        // an early pass, more so on a loaded machine; an allocation per command could never read 0 (30,000
        // commands). So: passes on fresh ledgers until one allocates exactly nothing, at most eight.
        var passes = new List<long>();
        int accepted = 0;
        Ledger ledger = null!;
        while (passes.Count < 8 && (passes.Count == 0 || passes[^1] != 0))
        {
            ledger = w.NewLedger();
            long before = GC.GetAllocatedBytesForCurrentThread();
            accepted = Run(ledger, w);
            passes.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(w.Stream.Length, accepted);
        Assert.True(passes[^1] == 0, $"bytes allocated per pass: {string.Join(", ", passes)}");
        Assert.True(w.Trades > 300, $"only {w.Trades} trades");
        Invariants.LedgerInvariants.AssertAll(ledger);
    }

    private static int Run(Ledger ledger, ExchangeWorkload w)
    {
        int accepted = 0;
        foreach ((LedgerCommand command, Instant at) in w.Stream)
        {
            accepted += ledger.Execute(command, at).IsAccepted ? 1 : 0;
        }

        return accepted;
    }
}
