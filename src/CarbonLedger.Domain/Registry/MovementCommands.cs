using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Moves available units between two accounts. For serial-numbered credits, <paramref name="Serials"/>
/// names the exact block; when omitted, the lowest available serials move first (deterministic).
/// </summary>
public sealed record TransferUnits(
    IdempotencyKey Key, ActorId Actor, AccountId From, AccountId To, InstrumentId Instrument, Co2e Quantity,
    SerialRange? Serials = null)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 20;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(From);
        f.Add(To);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(Serials);
    }
}

/// <summary>Retires available units voluntarily for <paramref name="Beneficiary"/>, with a purpose, the period
/// whose emissions they offset and, for carbon-neutral events (shows, matches, conferences: domain.md §7.3),
/// the <paramref name="Event"/>; the event carries the retirement certificate's data.</summary>
public sealed record RetireUnits(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Co2e Quantity,
    string Beneficiary, string Purpose, LocalDate PeriodStart, LocalDate PeriodEnd, SerialRange? Serials = null,
    string? Event = null)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 21;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(Beneficiary);
        f.Add(Purpose);
        f.Add(PeriodStart);
        f.Add(PeriodEnd);
        f.Add(Serials);

        // Only when given, so that a retirement without an event keeps the fingerprint it always had.
        if (Event is not null)
        {
            f.Add(Event);
        }
    }
}

/// <summary>Cancels available units (注销): they leave circulation for good.</summary>
public sealed record CancelUnits(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Co2e Quantity, string Reason,
    SerialRange? Serials = null)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 22;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(Reason);
        f.Add(Serials);
    }
}

/// <summary>Surrenders available units against the obligation of <paramref name="ComplianceYear"/>
/// (清缴): the primitive the compliance workflow uses.</summary>
public sealed record SurrenderUnits(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Co2e Quantity,
    Vintage ComplianceYear, SerialRange? Serials = null)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 23;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(ComplianceYear.Year);
        f.Add(Serials);
    }
}

/// <summary>
/// The regulator's forced surrender (强制履约) against <paramref name="ComplianceYear"/>: moves units of
/// <paramref name="Account"/> into the surrender sink without its holder, from available units, or, with
/// <paramref name="FreezeId"/>, from the units frozen under that order (domain.md §3.1, scenario 9). Authority
/// only; lowest serials first for credits.
/// </summary>
public sealed record ForceSurrenderUnits(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Co2e Quantity,
    Vintage ComplianceYear, string? FreezeId = null)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 24;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(ComplianceYear.Year);
        f.Add(FreezeId ?? "");
    }
}

/// <summary>Freezes available units under <paramref name="FreezeId"/> (a court or administrative order).
/// Authority only.</summary>
public sealed record FreezeUnits(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Co2e Quantity,
    string FreezeId, string Reason, SerialRange? Serials = null)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 30;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(FreezeId);
        f.Add(Reason);
        f.Add(Serials);
    }
}

/// <summary>Releases units frozen under <paramref name="FreezeId"/> back to available (lowest serials
/// first for credits). Authority only.</summary>
public sealed record UnfreezeUnits(
    IdempotencyKey Key, ActorId Actor, AccountId Account, InstrumentId Instrument, Co2e Quantity,
    string FreezeId, string Reason)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 31;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(FreezeId);
        f.Add(Reason);
    }
}
