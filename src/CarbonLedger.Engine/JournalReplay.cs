using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;

namespace CarbonLedger.Engine;

/// <summary>
/// Rebuilds the core by folding the journal through <see cref="Ledger.Evolve"/>, checking every hash-chain
/// link and sequence on the way, the latest checkpoint's state hash when the replay reaches it, and
/// invariants I1–I4 at the end. A journal that fails any check is refused (<see cref="JournalIntegrityException"/>).
/// </summary>
public static class JournalReplay
{
    /// <summary>The result of a replay.</summary>
    public sealed record Result(Ledger Ledger, string ChainHead, long EventsReplayed, Checkpoint? Checkpoint);

    /// <summary>Replays the whole journal into a fresh ledger.</summary>
    public static Task<Result> RebuildAsync(LedgerJournal journal, LedgerLimits limits, RuleBook rules,
        CancellationToken ct) => RebuildAsync(journal, limits, rules, null, ct);

    /// <summary>
    /// Replays the whole journal into a fresh ledger and, with <paramref name="catchUp"/>, hands it the entries
    /// above its mark in chunks, each with the ledger as it stands right after the chunk (what the read models
    /// are computed from).
    /// </summary>
    internal static async Task<Result> RebuildAsync(LedgerJournal journal, LedgerLimits limits, RuleBook rules,
        ReadModelCatchUp? catchUp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        try
        {
            return await FoldAsync(journal, limits, rules, catchUp, ct);
        }
        finally
        {
            if (catchUp is not null)
            {
                await catchUp.DisposeAsync();
            }
        }
    }

    private static async Task<Result> FoldAsync(LedgerJournal journal, LedgerLimits limits, RuleBook rules,
        ReadModelCatchUp? catchUp, CancellationToken ct)
    {
        var ledger = new Ledger(limits, rules);
        string head = HashChain.Genesis;
        Checkpoint? checkpoint = await journal.LatestCheckpointAsync(ct);
        long count = 0;
        await foreach (JournalEntry entry in journal.ReadAsync(0, ct))
        {
            string? broken = JournalVerifier.CheckLink(head, ledger.Sequence + 1, entry, out string hash);
            if (broken is not null)
            {
                throw new JournalIntegrityException(broken);
            }

            ledger.Evolve(entry.Event, entry.Stamp);
            head = hash;
            count++;
            if (catchUp is not null && entry.Stamp.Sequence > catchUp.After)
            {
                await catchUp.AddAsync(entry, ledger, ct);
            }

            if (checkpoint is not null && ledger.Sequence == checkpoint.Sequence)
            {
                CheckCheckpoint(ledger, head, checkpoint);
            }
        }

        if (checkpoint is not null && ledger.Sequence < checkpoint.Sequence)
        {
            throw new JournalIntegrityException(
                $"journal ends at sequence {ledger.Sequence} but a checkpoint was written at {checkpoint.Sequence}");
        }

        if (catchUp is not null)
        {
            await catchUp.FlushAsync(ledger, ct);
        }

        LedgerInvariants.AssertAll(ledger);
        return new Result(ledger, head, count, checkpoint);
    }

    private static void CheckCheckpoint(Ledger ledger, string head, Checkpoint checkpoint)
    {
        string stateHash = ledger.ComputeStateHash();
        if (stateHash != checkpoint.StateHash)
        {
            throw new JournalIntegrityException(
                $"state hash after replaying to sequence {checkpoint.Sequence} is {stateHash}, " +
                $"checkpoint says {checkpoint.StateHash}");
        }

        if (head != checkpoint.ChainHead)
        {
            throw new JournalIntegrityException(
                $"chain head at sequence {checkpoint.Sequence} is {head}, checkpoint says {checkpoint.ChainHead}");
        }
    }
}
