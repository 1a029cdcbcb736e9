using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Generators;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Exchange;

/// <summary>
/// The exchange's allocation gate (issue #4: 0 B per order in memory): once the tables are sized, order entry,
/// holds, matching, DvP settlement and fees for allowances allocate nothing on the writer's thread. Exact
/// counts, not timings.
/// </summary>
public sealed class ExchangeAllocationTests
{
    [Fact]
    public void Execute_OrderMatchSettleStream_AllocatesNothingInSteadyState()
    {
        ExchangeWorkload w = ExchangeWorkload.Create(seed: 5, commands: 30_000, traders: 200);
        Run(w.NewLedger(), w); // JIT-compiles every path first

        Ledger ledger = w.NewLedger();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int accepted = Run(ledger, w);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(w.Stream.Length, accepted);
        Assert.Equal(0, allocated);
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
