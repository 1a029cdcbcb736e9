using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Domain.Invariants;

/// <summary>
/// Whole-state checks of domain.md §10.3, I1–I4 (and the exchange's, see <see cref="ExchangeInvariants"/>),
/// written against the ledger's public views only (so they check the core from the outside). O(state):
/// called after every command in tests and after every rebuild in the engine, not on the hot path.
/// </summary>
public static class LedgerInvariants
{
    /// <summary>Throws <see cref="LedgerInvariantException"/> naming the first broken invariant.</summary>
    public static void AssertAll(Ledger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var positions = ledger.AllPositions().ToList();
        AssertNonNegative(positions);
        AssertConservation(ledger, positions);
        AssertTerminalSinks(ledger, positions);
        AssertFreezes(ledger, positions);
        AssertSerials(ledger, positions);
        ExchangeInvariants.AssertAll(ledger, positions);
    }

    /// <summary>I2: every bucket is ≥ 0.</summary>
    private static void AssertNonNegative(List<PositionInfo> positions)
    {
        foreach (PositionInfo p in positions)
        {
            foreach (Bucket b in Enum.GetValues<Bucket>())
            {
                LedgerAssert.That(p.Position[b] >= Co2e.Zero, $"I2: {p.Account}/{p.Instrument} {b} is negative");
            }
        }
    }

    /// <summary>I1: issued = Σ holdings in all buckets, terminal sinks included, per instrument.</summary>
    private static void AssertConservation(Ledger ledger, List<PositionInfo> positions)
    {
        var heldBy = positions.GroupBy(p => p.Instrument)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Position.Total.Grams));
        foreach (InstrumentInfo i in ledger.AllInstruments())
        {
            long held = heldBy.GetValueOrDefault(i.Id);
            LedgerAssert.That(held == i.Issued.Grams, $"I1: {i.Id} issued {i.Issued} but holdings sum to {held} g");
        }
    }

    /// <summary>I3: terminal sinks hold only available units (nothing locked, frozen or pledged there).</summary>
    private static void AssertTerminalSinks(Ledger ledger, List<PositionInfo> positions)
    {
        foreach (PositionInfo p in positions)
        {
            AccountInfo account = ledger.FindAccount(p.Account)!.Value;
            if (account.Type.IsTerminalSink())
            {
                LedgerAssert.That(p.Position.Total == p.Position.Available, $"I3: sink {p.Account} has encumbrances");
            }
        }
    }

    /// <summary>I3: what remains under freeze orders equals the frozen buckets.</summary>
    private static void AssertFreezes(Ledger ledger, List<PositionInfo> positions)
    {
        var frozenByOrders = ledger.AllFreezes()
            .GroupBy(f => (f.Account, f.Instrument))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Remaining.Grams));
        foreach (PositionInfo p in positions)
        {
            long expected = frozenByOrders.GetValueOrDefault((p.Account, p.Instrument));
            LedgerAssert.That(p.Position.Frozen.Grams == expected,
                $"I3: {p.Account}/{p.Instrument} frozen {p.Position.Frozen} ≠ open freeze orders {expected} g");
        }
    }

    /// <summary>I4: serial blocks never overlap, cover exactly the issued quantity, and agree with the
    /// buckets of every credit holding.</summary>
    private static void AssertSerials(Ledger ledger, List<PositionInfo> positions)
    {
        var holdings = ledger.AllSerialHoldings().ToList();
        foreach (IGrouping<InstrumentId, SerialHolding> byInstrument in holdings.GroupBy(h => h.Instrument))
        {
            SerialRange? previous = null;
            foreach (SerialHolding h in byInstrument.OrderBy(h => h.Serials))
            {
                LedgerAssert.That(h.Serials.IsValid, $"I4: invalid block {h.Serials}");
                LedgerAssert.That(previous is null || previous.Value.End < h.Serials.Start,
                    $"I4: {byInstrument.Key} blocks overlap at {h.Serials}");
                previous = h.Serials;
            }
        }

        // Index the blocks once: (instrument, account, bucket) → tonnes, so the check is O(positions + blocks).
        var tonnesBy = holdings.GroupBy(h => (h.Instrument, h.Account, h.Bucket))
            .ToDictionary(g => g.Key, g => g.Sum(h => h.Serials.Count));
        var issuedTonnes = holdings.GroupBy(h => h.Instrument)
            .ToDictionary(g => g.Key, g => g.Sum(h => h.Serials.Count));
        foreach (InstrumentInfo i in ledger.AllInstruments().Where(i => i.Id.IsSerialNumbered))
        {
            long tonnes = issuedTonnes.GetValueOrDefault(i.Id);
            LedgerAssert.That(Co2e.FromTonnes(tonnes) == i.Issued,
                $"I4: {i.Id} serials cover {tonnes} t, issued {i.Issued}");
        }

        foreach (PositionInfo p in positions.Where(p => p.Instrument.IsSerialNumbered))
        {
            foreach (Bucket b in Enum.GetValues<Bucket>())
            {
                long inBlocks = tonnesBy.GetValueOrDefault((p.Instrument, p.Account, b));
                LedgerAssert.That(Co2e.FromTonnes(inBlocks) == p.Position[b],
                    $"I4: {p.Account}/{p.Instrument} {b} holds {p.Position[b]} but its blocks hold {inBlocks} t");
            }
        }
    }
}
