using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Registry;

/// <summary>An account as the ledger knows it.</summary>
public readonly record struct AccountInfo(AccountId Id, AccountType Type, ActorId Owner, AccountStatus Status);

/// <summary>One account × instrument position.</summary>
public readonly record struct PositionInfo(AccountId Account, InstrumentId Instrument, Position Position);

/// <summary>A serial block and where it sits.</summary>
public readonly record struct SerialHolding(
    InstrumentId Instrument, SerialRange Serials, AccountId Account, Bucket Bucket, string? FreezeId);

/// <summary>An instrument and how much of it was ever issued.</summary>
public readonly record struct InstrumentInfo(InstrumentId Id, Co2e Issued);

/// <summary>A freeze order and what remains frozen under it.</summary>
public readonly record struct FreezeInfo(string FreezeId, AccountId Account, InstrumentId Instrument, Co2e Remaining);
