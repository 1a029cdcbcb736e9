using CarbonLedger.Engine.Journal;

namespace CarbonLedger.Engine;

/// <summary>
/// Walks the journal's hash chain and reports the first broken link: an event whose content no longer
/// hashes to its stored hash (altered), whose previous-hash does not match the event before it (deleted,
/// inserted or reordered), or whose ledger sequence is not the next one.
/// </summary>
public static class JournalVerifier
{
    /// <summary>The outcome of a verification.</summary>
    public sealed record Report(bool IsIntact, long EventsChecked, string ChainHead, long? BrokenAtSequence,
        long? BrokenAtStoreSequence, string? Problem);

    /// <summary>Verifies the whole journal.</summary>
    public static Task<Report> VerifyAsync(LedgerJournal journal, CancellationToken ct) =>
        VerifyAsync(journal, 1, null, ct);

    /// <summary>
    /// Verifies the links of events <paramref name="from"/> through <paramref name="to"/> (the end when null).
    /// The chain before <paramref name="from"/> is taken as stored (its last hash is the anchor the first checked
    /// event must link to): check that anchor against a published checkpoint to trust it. The report's
    /// <see cref="Report.ChainHead"/> is the hash of the last event checked.
    /// </summary>
    public static async Task<Report> VerifyAsync(LedgerJournal journal, long from, long? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentOutOfRangeException.ThrowIfLessThan(from, 1);
        string head = HashChain.Genesis;
        long expected = 1;
        long checkedCount = 0;
        bool inRange = false;
        await foreach (JournalEntry entry in journal.ReadAsync(0, ct))
        {
            // Inside the range every row is checked by its position, whatever sequence it claims: an inserted
            // copy of an earlier (or a later) event must be reported, not skipped as "before" (or "after") the range.
            if (!inRange && entry.Stamp.Sequence < from)
            {
                head = entry.Hash;
                expected = entry.Stamp.Sequence + 1;
                continue;
            }

            inRange = true;
            if (to is { } last && expected > last)
            {
                break;
            }

            string? broken = CheckLink(head, expected, entry, out string hash);
            if (broken is not null)
            {
                return new Report(false, checkedCount, head, entry.Stamp.Sequence, entry.StoreSequence, broken);
            }

            head = hash;
            expected++;
            checkedCount++;
        }

        return new Report(true, checkedCount, head, null, null, null);
    }

    /// <summary>
    /// The stored hash of the event at <paramref name="sequence"/>, or null past the journal's end: one lookup,
    /// meant after a verification has shown the stored hashes to be the chain's.
    /// </summary>
    public static async Task<string?> HashAtAsync(LedgerJournal journal, long sequence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
#pragma warning disable CA2100 // the schema name comes from configuration; the sequence is a parameter
        await using Npgsql.NpgsqlCommand command = journal.DataSource.CreateCommand(
            $"SELECT headers->>'{JournalHeaders.Hash}' FROM {journal.Schema}.mt_events " +
            $"WHERE headers->>'{JournalHeaders.Sequence}' = $1");
#pragma warning restore CA2100
        command.Parameters.AddWithValue(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Checks one link; returns a description of the break, or null when the link holds.</summary>
    public static string? CheckLink(string head, long expectedSequence, JournalEntry entry, out string hash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        hash = entry.RecomputedHash ?? HashChain.Link(entry.PreviousHash, entry.Event, entry.Stamp);
        if (entry.Stamp.Sequence != expectedSequence)
        {
            return $"ledger sequence {entry.Stamp.Sequence} found where {expectedSequence} was expected " +
                   $"(store sequence {entry.StoreSequence}): an event was deleted, inserted or reordered";
        }

        if (entry.PreviousHash != head)
        {
            return $"event {entry.Stamp.Sequence} links to {entry.PreviousHash[..12]}… but the chain head is " +
                   $"{head[..12]}…: an event before it was deleted, inserted or reordered";
        }

        if (hash != entry.Hash)
        {
            return $"event {entry.Stamp.Sequence} hashes to {hash[..12]}… but stored {entry.Hash[..12]}…: " +
                   "its content or metadata was altered";
        }

        return null;
    }
}
