using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

/// <summary>Cash in and out of trading accounts, posted by a settlement bank (decision 0009).</summary>
public sealed partial class Ledger
{
    private (LedgerRejection, LedgerEvent?) Deposit(DepositCash c, Instant at)
    {
        LedgerRejection r = CheckBankMovement(c, c.Bank, c.Account, c.Amount, c.Reference, out int account);
        if (r != None)
        {
            return (r, null);
        }

        ref CashRecord cash = ref _x.CashOf(account);
        cash.Total = checked(cash.Total + c.Amount.Fen);
        _x.Deposited = checked(_x.Deposited + c.Amount.Fen);
        return (None, _capture ? new CashDeposited(at, c.Bank, c.Account, c.Amount, c.Reference) : null);
    }

    private (LedgerRejection, LedgerEvent?) Withdraw(WithdrawCash c, Instant at)
    {
        LedgerRejection r = CheckBankMovement(c, c.Bank, c.Account, c.Amount, c.Reference, out int account);
        if (r != None)
        {
            return (r, null);
        }

        ref CashRecord cash = ref _x.CashOf(account);
        if (cash.Withdrawable < c.Amount.Fen)
        {
            return (InsufficientWithdrawable, null);
        }

        cash.Total -= c.Amount.Fen;
        _x.Withdrawn = checked(_x.Withdrawn + c.Amount.Fen);
        return (None, _capture ? new CashWithdrawn(at, c.Bank, c.Account, c.Amount, c.Reference) : null);
    }

    /// <summary>Rules 211, 214–216, 402, 407, 420, 422, 604, 701 and 703 for a deposit or withdrawal.</summary>
    private LedgerRejection CheckBankMovement(
        LedgerCommand c, AccountId bankId, AccountId accountId, Money amount, string reference, out int account)
    {
        account = -1;
        if (TooLong(reference))
        {
            return TextTooLong;
        }

        if (amount.Fen <= 0)
        {
            return AmountMustBePositive;
        }

        if (amount > _limits.MaxCashPerCommand)
        {
            return AmountExceedsLimit;
        }

        if (Missing(reference))
        {
            return BankReferenceRequired;
        }

        if (!_accountIndex.TryGetValue(accountId, out account))
        {
            return AccountUnknown;
        }

        if (!_accountIndex.TryGetValue(bankId, out int bank))
        {
            return BankAccountUnknown;
        }

        if (_accounts[account].Type != AccountType.Trading)
        {
            return AccountNotTrading;
        }

        if (_accounts[bank].Type != AccountType.SettlementBank)
        {
            return NotASettlementBank;
        }

        if (_accounts[bank].Owner != c.Actor || _accounts[bank].Status != AccountStatus.Open)
        {
            return ActorNotBank;
        }

        return CheckSubjectOpen(account);
    }
}
