using NodaTime;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Something that happened to the registry, a complete sentence about the past. Events are the storage
/// contract: a stored field never changes meaning (add fields or event types instead). Each carries the
/// <see cref="Instant"/> it happened at; the idempotency key, actor, ledger sequence and hash chain travel
/// as journal metadata (<see cref="EventStamp"/>).
/// </summary>
public abstract record LedgerEvent(Instant At);
