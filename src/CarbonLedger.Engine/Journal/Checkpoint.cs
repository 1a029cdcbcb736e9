namespace CarbonLedger.Engine.Journal;

/// <summary>
/// A record that after ledger sequence <paramref name="Sequence"/> the core's state hashed to
/// <paramref name="StateHash"/> and the chain head was <paramref name="ChainHead"/>. Start-up replays the
/// journal and checks that it reaches the same state hash at that sequence.
/// </summary>
public sealed record Checkpoint(long Sequence, string StateHash, string ChainHead);
