using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// The settlement bank credits <paramref name="Amount"/> to a trading account's cash (a bank transfer in,
/// <paramref name="Reference"/> being the bank's own reference). The actor must hold
/// <paramref name="Bank"/>, an open settlement-bank account.
/// </summary>
public sealed record DepositCash(
    IdempotencyKey Key, ActorId Actor, AccountId Bank, AccountId Account, Money Amount, string Reference)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 40;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Bank);
        f.Add(Account);
        f.Add(Amount.Fen);
        f.Add(Reference);
    }
}

/// <summary>
/// The settlement bank pays <paramref name="Amount"/> out of a trading account to the holder's bank
/// account; only withdrawable cash (not held, not today's sale proceeds) can leave.
/// </summary>
public sealed record WithdrawCash(
    IdempotencyKey Key, ActorId Actor, AccountId Bank, AccountId Account, Money Amount, string Reference)
    : ExchangeCommand(Key, Actor)
{
    internal override int TypeCode => 41;

    private protected override void AddFields(ref CommandFingerprint f)
    {
        f.Add(Bank);
        f.Add(Account);
        f.Add(Amount.Fen);
        f.Add(Reference);
    }
}
