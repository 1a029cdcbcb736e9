using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// What the journal records beside an event so that replay restores idempotency exactly: the ledger
/// sequence (1, 2, 3, … with no gaps), the command's idempotency key, the command's fingerprint and who
/// sent it.
/// </summary>
public readonly record struct EventStamp(long Sequence, IdempotencyKey Key, ulong Fingerprint, ActorId Actor);
