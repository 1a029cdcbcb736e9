using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Registry;

/// <summary>Opens an account of <paramref name="Type"/> held by <paramref name="Owner"/>. Authority
/// only, except that the very first authority account of a ledger may be opened by anyone (genesis).</summary>
public sealed record OpenAccount(IdempotencyKey Key, ActorId Actor, AccountId Account, AccountType Type, ActorId Owner)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 1;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add((long)Type);
        f.Add(Owner);
    }
}

/// <summary>Suspends an account: it neither sends nor receives until reinstated. Authority only.</summary>
public sealed record SuspendAccount(IdempotencyKey Key, ActorId Actor, AccountId Account, string Reason)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 2;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Reason);
    }
}

/// <summary>Reinstates a suspended account. Authority only.</summary>
public sealed record ReinstateAccount(IdempotencyKey Key, ActorId Actor, AccountId Account, string Reason)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 3;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Account);
        f.Add(Reason);
    }
}

/// <summary>Closes an empty account for good. Authority only.</summary>
public sealed record CloseAccount(IdempotencyKey Key, ActorId Actor, AccountId Account)
    : LedgerCommand(Key, Actor)
{
    internal override int TypeCode => 4;

    private protected override void AddFields(ref CommandFingerprint f) => f.Add(Account);
}
