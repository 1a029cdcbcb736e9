using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Engine.Journal;

/// <summary>One journaled event with its stamp and its link in the hash chain.</summary>
public sealed record JournalEntry(LedgerEvent Event, EventStamp Stamp, string PreviousHash, string Hash)
{
    /// <summary>Optional correlation id supplied by the caller (journal metadata).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>
    /// The canonical JSON the writer hashed (<see cref="HashChain.Body"/>), kept so the append stores those bytes
    /// without serializing again; null for entries read back from the journal.
    /// </summary>
    public byte[]? Body { get; init; }

    /// <summary>The Marten global sequence once read back (0 before the append).</summary>
    public long StoreSequence { get; init; }

    /// <summary>
    /// The link hash recomputed from this entry's previous hash, stamp and event by the journal reader, which does it
    /// on its own thread while the consumer folds (<see cref="JournalCopyReader"/>); null when not computed. Only the
    /// reader sets it, from the entry it decoded, so the chain check may use it in place of hashing again.
    /// </summary>
    internal string? RecomputedHash { get; init; }
}
