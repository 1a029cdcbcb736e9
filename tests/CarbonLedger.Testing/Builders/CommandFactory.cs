using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using NodaTime;

namespace CarbonLedger.Testing.Builders;

/// <summary>
/// Terse, valid-by-default ledger commands for tests. Ids are plain strings; quantities are whole tonnes
/// (use <c>with { Quantity = ... }</c> for odd grams). Every command gets a fresh idempotency key
/// (<c>k-1</c>, <c>k-2</c>, …) unless one is passed.
/// </summary>
public sealed partial class CommandFactory
{
    private int _nextKey;

    /// <summary>The default retirement period start.</summary>
    public static LocalDate PeriodStart { get; } = new(2024, 1, 1);

    /// <summary>The default retirement period end.</summary>
    public static LocalDate PeriodEnd { get; } = new(2024, 12, 31);

    /// <summary>A fresh idempotency key.</summary>
    public IdempotencyKey NextKey() => IdempotencyKey.Of($"k-{++_nextKey}");

    /// <summary>Opens an account (owner defaults to the actor).</summary>
    public OpenAccount Open(string actor, string account, AccountType type = AccountType.EnterpriseHolding,
        string? owner = null, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), type, Actor(owner ?? actor));

    /// <summary>Suspends an account.</summary>
    public SuspendAccount Suspend(string actor, string account, string reason = "audit", string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), reason);

    /// <summary>Reinstates an account.</summary>
    public ReinstateAccount Reinstate(string actor, string account, string reason = "cleared", string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), reason);

    /// <summary>Closes an account.</summary>
    public CloseAccount Close(string actor, string account, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account));

    /// <summary>Issues fungible allowances.</summary>
    public IssueAllowances IssueAllowances(string actor, string authority, string to, string instrument, long tonnes,
        string? key = null) =>
        new(Key(key), Actor(actor), Acc(authority), Acc(to), Instr(instrument), Co2e.FromTonnes(tonnes));

    /// <summary>Issues a serial-numbered credit block.</summary>
    public IssueCredits IssueCredits(string actor, string authority, string to, string instrument, long first,
        long last, string project = "PRJ-001", string? key = null) =>
        new(Key(key), Actor(actor), Acc(authority), Acc(to), Instr(instrument), new SerialRange(first, last), project);

    /// <summary>Transfers units.</summary>
    public TransferUnits Transfer(string actor, string from, string to, string instrument, long tonnes,
        SerialRange? serials = null, string? key = null) =>
        new(Key(key), Actor(actor), Acc(from), Acc(to), Instr(instrument), Co2e.FromTonnes(tonnes), serials);

    /// <summary>Retires units for a beneficiary.</summary>
    public RetireUnits Retire(string actor, string account, string instrument, long tonnes,
        SerialRange? serials = null, string beneficiary = "Acme Ltd", string purpose = "2024 footprint",
        string? key = null, string? @event = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), Co2e.FromTonnes(tonnes), beneficiary, purpose,
            PeriodStart, PeriodEnd, serials, @event);

    /// <summary>Cancels units.</summary>
    public CancelUnits Cancel(string actor, string account, string instrument, long tonnes, string reason = "voluntary",
        SerialRange? serials = null, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), Co2e.FromTonnes(tonnes), reason, serials);

    /// <summary>Surrenders units for a compliance year.</summary>
    public SurrenderUnits Surrender(string actor, string account, string instrument, long tonnes, int year = 2024,
        SerialRange? serials = null, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), Co2e.FromTonnes(tonnes), Vintage.Of(year),
            serials);

    /// <summary>A claw-back of allowances into an authority account.</summary>
    public ClawBackUnits ClawBack(string actor, string account, string authority, string instrument, long tonnes,
        string reason = "true-up", string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Acc(authority), Instr(instrument), Co2e.FromTonnes(tonnes), reason);

    /// <summary>The regulator's forced surrender, from available units or from a freeze.</summary>
    public ForceSurrenderUnits ForceSurrender(string actor, string account, string instrument, long tonnes,
        string? freezeId = null, int year = 2024, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), Co2e.FromTonnes(tonnes), Vintage.Of(year),
            freezeId);

    /// <summary>Freezes units.</summary>
    public FreezeUnits Freeze(string actor, string account, string instrument, long tonnes, string freezeId,
        string reason = "court order", SerialRange? serials = null, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), Co2e.FromTonnes(tonnes), freezeId, reason,
            serials);

    /// <summary>Releases frozen units.</summary>
    public UnfreezeUnits Unfreeze(string actor, string account, string instrument, long tonnes, string freezeId,
        string reason = "order lifted", string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), Co2e.FromTonnes(tonnes), freezeId, reason);

    /// <summary>An account id.</summary>
    public static AccountId Acc(string id) => AccountId.Of(id);

    /// <summary>An actor id.</summary>
    public static ActorId Actor(string id) => ActorId.Of(id);

    /// <summary>An instrument id.</summary>
    public static InstrumentId Instr(string id) => InstrumentId.Parse(id);

    /// <summary>A serial range.</summary>
    public static SerialRange Serials(long first, long last) => new(first, last);

    private IdempotencyKey Key(string? key) => key is null ? NextKey() : IdempotencyKey.Of(key);
}
