using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

/// <summary>Fungible allowances were issued by an authority into an account.</summary>
public sealed record AllowancesIssued(
    Instant At, AccountId Authority, AccountId To, InstrumentId Instrument, Co2e Quantity) : LedgerEvent(At);

/// <summary>A serial-numbered credit block was issued by an authority into an account.</summary>
public sealed record CreditsIssued(
    Instant At, AccountId Authority, AccountId To, InstrumentId Instrument, SerialRange Serials, string Project)
    : LedgerEvent(At);

/// <summary>Units moved between accounts; <paramref name="Serials"/> lists the exact serial blocks
/// (empty for fungible allowances).</summary>
public sealed record UnitsTransferred(
    Instant At, AccountId From, AccountId To, InstrumentId Instrument, Co2e Quantity,
    IReadOnlyList<SerialRange> Serials) : LedgerEvent(At);

/// <summary>Units were frozen under a freeze id.</summary>
public sealed record UnitsFrozen(
    Instant At, AccountId Account, InstrumentId Instrument, Co2e Quantity, string FreezeId, string Reason,
    IReadOnlyList<SerialRange> Serials) : LedgerEvent(At);

/// <summary>Frozen units were released back to available.</summary>
public sealed record UnitsUnfrozen(
    Instant At, AccountId Account, InstrumentId Instrument, Co2e Quantity, string FreezeId, string Reason,
    IReadOnlyList<SerialRange> Serials) : LedgerEvent(At);

/// <summary>Units were retired voluntarily; with the event's sequence this is a retirement certificate
/// (<see cref="RetirementCertificate"/>).</summary>
public sealed record UnitsRetired(
    Instant At, AccountId Account, InstrumentId Instrument, Co2e Quantity, string Beneficiary, string Purpose,
    LocalDate PeriodStart, LocalDate PeriodEnd, string CertificateId, IReadOnlyList<SerialRange> Serials,
    string? Event = null)
    : LedgerEvent(At);

/// <summary>Units were cancelled.</summary>
public sealed record UnitsCancelled(
    Instant At, AccountId Account, InstrumentId Instrument, Co2e Quantity, string Reason,
    IReadOnlyList<SerialRange> Serials) : LedgerEvent(At);

/// <summary>Units were surrendered against a compliance year's obligation.</summary>
public sealed record UnitsSurrendered(
    Instant At, AccountId Account, InstrumentId Instrument, Co2e Quantity, Vintage ComplianceYear,
    IReadOnlyList<SerialRange> Serials) : LedgerEvent(At);

/// <summary>
/// Units moved into the surrender sink by the regulator's forced surrender, from available units or (with a
/// freeze id) from units frozen under that order.
/// </summary>
public sealed record UnitsForceSurrendered(
    Instant At, AccountId Account, InstrumentId Instrument, Co2e Quantity, Vintage ComplianceYear, string? FreezeId,
    IReadOnlyList<SerialRange> Serials) : LedgerEvent(At);

/// <summary>Allowances clawed back from a holder into the authority account (a negative true-up).</summary>
public sealed record UnitsClawedBack(
    Instant At, AccountId Account, AccountId Authority, InstrumentId Instrument, Co2e Quantity, string Reason)
    : LedgerEvent(At);
