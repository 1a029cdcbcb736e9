using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using NodaTime;

namespace CarbonLedger.Testing;

/// <summary>Short builders for commands in tests: ids as strings, quantities in tonnes, fresh keys.</summary>
public static class LedgerCommands
{
    private static long s_key;

    public static IdempotencyKey NewKey(string prefix = "k") =>
        IdempotencyKey.Of($"{prefix}-{Interlocked.Increment(ref s_key)}-{Guid.NewGuid():N}");

    public static AccountId Acc(string id) => AccountId.Of(id);

    public static ActorId Actor(string id) => ActorId.Of(id);

    public static InstrumentId Ins(string id) => InstrumentId.Parse(id);

    public static OpenAccount Open(string actor, string account, AccountType type, string owner, IdempotencyKey? key = null) =>
        new(key ?? NewKey(), Actor(actor), Acc(account), type, Actor(owner));

    public static IssueAllowances Issue(string actor, string authority, string to, string instrument, long tonnes,
        IdempotencyKey? key = null) =>
        new(key ?? NewKey(), Actor(actor), Acc(authority), Acc(to), Ins(instrument), Co2e.FromTonnes(tonnes));

    public static IssueCredits IssueCredits(string actor, string authority, string to, string instrument, long start,
        long end, string project = "PROJ-1", IdempotencyKey? key = null) =>
        new(key ?? NewKey(), Actor(actor), Acc(authority), Acc(to), Ins(instrument), new SerialRange(start, end), project);

    public static TransferUnits Transfer(string actor, string from, string to, string instrument, long tonnes,
        SerialRange? serials = null, IdempotencyKey? key = null) =>
        new(key ?? NewKey(), Actor(actor), Acc(from), Acc(to), Ins(instrument), Co2e.FromTonnes(tonnes), serials);

    public static FreezeUnits Freeze(string actor, string account, string instrument, long tonnes, string freezeId,
        string reason = "court order", IdempotencyKey? key = null) =>
        new(key ?? NewKey(), Actor(actor), Acc(account), Ins(instrument), Co2e.FromTonnes(tonnes), freezeId, reason);

    public static RetireUnits Retire(string actor, string account, string instrument, long tonnes,
        string beneficiary = "Shanghai Expo Bureau", string purpose = "event neutrality", SerialRange? serials = null,
        IdempotencyKey? key = null) =>
        new(key ?? NewKey(), Actor(actor), Acc(account), Ins(instrument), Co2e.FromTonnes(tonnes), beneficiary, purpose,
            new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31), serials);
}
