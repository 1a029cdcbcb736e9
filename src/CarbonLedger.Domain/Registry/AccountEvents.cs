using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

/// <summary>An account was opened.</summary>
public sealed record AccountOpened(Instant At, AccountId Account, AccountType Type, ActorId Owner) : LedgerEvent(At);

/// <summary>An account was suspended.</summary>
public sealed record AccountSuspended(Instant At, AccountId Account, string Reason) : LedgerEvent(At);

/// <summary>A suspended account was reinstated.</summary>
public sealed record AccountReinstated(Instant At, AccountId Account, string Reason) : LedgerEvent(At);

/// <summary>An empty account was closed for good.</summary>
public sealed record AccountClosed(Instant At, AccountId Account) : LedgerEvent(At);
