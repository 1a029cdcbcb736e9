using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Exchange;

/// <summary>The settlement bank credited cash to a trading account.</summary>
public sealed record CashDeposited(Instant At, AccountId Bank, AccountId Account, Money Amount, string Reference)
    : ExchangeEvent(At);

/// <summary>The settlement bank paid withdrawable cash out of a trading account.</summary>
public sealed record CashWithdrawn(Instant At, AccountId Bank, AccountId Account, Money Amount, string Reference)
    : ExchangeEvent(At);
