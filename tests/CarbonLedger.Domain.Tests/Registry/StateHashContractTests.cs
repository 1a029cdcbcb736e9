using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Exchange.Support;
using CarbonLedger.Testing.Generators;
using CarbonLedger.Testing.Reference;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Registry;

/// <summary>
/// The state-hash formula is a stored contract (decision 0006): checkpoints in existing journals hold hashes
/// computed with it, and start-up refuses a journal whose replayed state hashes differently. These tests pin
/// the hash of two seeded states (a registry's deep serial books and freezes; an exchange's books, live orders,
/// blocks and auctions), so that a change to how the hash is computed (a faster writer, a reordered field)
/// cannot silently change what it computes.
/// </summary>
public sealed class StateHashContractTests
{
    private static readonly Instant s_start = Instant.FromUtc(2026, 1, 5, 1, 0);

    [Fact]
    public void StateHash_SeededRegistryStream_MatchesRecordedHash()
    {
        var limits = LedgerLimits.Default;
        var ledger = new Ledger(limits);
        var oracle = new ReferenceLedger(limits);
        var generator = new RandomCommandGenerator(4_000, oracle, limits);
        for (int step = 0; step < 5_000; step++)
        {
            LedgerCommand command = generator.Next();
            Instant at = s_start + Duration.FromSeconds(step);
            oracle.Apply(command, at);
            ledger.Submit(command, at);
        }

        Assert.Equal(oracle.Sequence, ledger.Sequence);
        Assert.NotEmpty(ledger.AllFreezes());
        Assert.Equal("a0917cb92ca35d7ffd54a50e6a68d958c675cc516003afbfb39e45b6b98c2133", ledger.ComputeStateHash());
    }

    [Fact]
    public void StateHash_SeededTradingDays_MatchesRecordedHash()
    {
        var h = new ExchangeHarness();
        var generator = new RandomExchangeGenerator(1, h.Reference);
        for (int i = 0; i < 3_000; i++)
        {
            (LedgerCommand command, Instant at) = generator.Next();
            h.Now = at;
            h.Run(command);
        }

        Assert.NotEmpty(h.Ledger.AllLiveOrders());
        Assert.Equal("1adf73d6b975d42759f2b9e0007f4925b22f42d284d27453db4f838433468711", h.Ledger.ComputeStateHash());
    }
}
