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

        // Steady state, measured on passes no garbage collection interrupted (a collection that other tests'
        // threads trigger perturbs this thread's allocation counter by a few kilobytes): after a warm-up pass,
        // up to ten passes on fresh ledgers; every undisturbed one must allocate nothing.
        Run(w.NewLedger(), w);
        var undisturbed = new List<long>();
        int accepted = 0;
        Ledger ledger = null!;
        for (int pass = 0; pass < 10 && undisturbed.Count < 2; pass++)
        {
            ledger = w.NewLedger();
            int collections = GC.CollectionCount(0);
            long before = GC.GetAllocatedBytesForCurrentThread();
            accepted = Run(ledger, w);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (GC.CollectionCount(0) == collections)
            {
                undisturbed.Add(allocated);
            }
        }

        Assert.NotEmpty(undisturbed);
        long worst = undisturbed.Max();
        Assert.Equal(w.Stream.Length, accepted);
        Assert.Equal(0, worst);
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
