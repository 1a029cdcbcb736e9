using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using NodaTime;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// The ledger as it stood at a journal sequence or an instant: a fresh core folded from the journal's first
/// event up to that point, through the same <c>Evolve</c> as the live engine (so balances, serial holdings,
/// freezes, cash and order books are exactly what they were). For regulators' as-of questions.
/// </summary>
public static class AsOfReplay
{
    /// <summary>
    /// The state after the last event at or before <paramref name="sequence"/> or <paramref name="at"/>.
    /// </summary>
    /// <returns>The core and the last sequence folded into it (0: before the first event).</returns>
    public static async Task<(Ledger Ledger, long Sequence)> ReplayAsync(LedgerJournal journal, long? sequence,
        Instant? at, LedgerLimits limits, RuleBook rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var ledger = new Ledger(limits, rules);
        long last = 0;
        await foreach (JournalEntry entry in journal.ReadAsync(0, ct))
        {
            if ((sequence is { } s && entry.Stamp.Sequence > s) || (at is { } t && entry.Event.At > t))
            {
                break;
            }

            ledger.Evolve(entry.Event, entry.Stamp);
            last = entry.Stamp.Sequence;
        }

        return (ledger, last);
    }
}
