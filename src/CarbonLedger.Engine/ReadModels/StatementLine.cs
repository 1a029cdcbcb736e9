using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// One movement on an account statement: the event (by ledger sequence and type) that changed one
/// bucket of one holding, by how much, and the other side of the movement.
/// </summary>
public sealed record StatementLine(
    AccountId Account, long Sequence, Bucket Bucket, InstrumentId Instrument, Co2e Delta, string EventType,
    string? Counterparty, string? Reference, Instant At);
