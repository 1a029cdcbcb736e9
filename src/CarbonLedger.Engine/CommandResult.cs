using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Engine;

/// <summary>
/// What the engine tells a caller once the command's batch is durable: the outcome (accepted at a ledger
/// sequence, already applied earlier under the same key, or rejected) and, when newly accepted, the event.
/// </summary>
public sealed record CommandResult(CommandOutcome Outcome, LedgerEvent? Event);
