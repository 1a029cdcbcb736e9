using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Registry;

/// <summary>Issues fungible allowances (CEA, SHEA) of a vintage from <paramref name="Authority"/>'s
/// programme into <paramref name="To"/>. The actor must hold the authority account.</summary>
public sealed record IssueAllowances(
    IdempotencyKey Key, ActorId Actor, AccountId Authority, AccountId To, InstrumentId Instrument, Co2e Quantity)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 10;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Authority);
        f.Add(To);
        f.Add(Instrument);
        f.Add(Quantity);
    }
}

/// <summary>Issues a serial-numbered credit block (CCER, SHCER), one serial per tonne, into
/// <paramref name="To"/>. The actor must hold the authority account.</summary>
public sealed record IssueCredits(
    IdempotencyKey Key, ActorId Actor, AccountId Authority, AccountId To, InstrumentId Instrument,
    SerialRange Serials, string Project)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 11;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Authority);
        f.Add(To);
        f.Add(Instrument);
        f.Add((SerialRange?)Serials);
        f.Add(Project);
    }
}

/// <summary>
/// Claws back allowances (a negative true-up, domain.md §4.3): moves available units of
/// <paramref name="Account"/> into the authority account <paramref name="Authority"/>, the source of
/// allocation and the sink of claw-back. Never more than is available: the allocation workflow records any
/// remainder as a deficit. Authority only; fungible allowances only.
/// </summary>
public sealed record ClawBackUnits(
    IdempotencyKey Key, ActorId Actor, AccountId Account, AccountId Authority, InstrumentId Instrument, Co2e Quantity,
    string Reason)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 12;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Authority);
        f.Add(Instrument);
        f.Add(Quantity);
        f.Add(Reason);
    }
}
