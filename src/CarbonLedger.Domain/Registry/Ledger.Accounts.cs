using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Invariants;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    private LedgerRejection ValidateOpen(OpenAccount c, ref Plan plan)
    {
        if (!Enum.IsDefined(c.Type) || c.Type.IsTerminalSink())
        {
            return AccountTypeNotOpenable;
        }

        if (c.Account.Value.StartsWith(SinkAccounts.ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AccountIdReserved;
        }

        if (_accountIndex.ContainsKey(c.Account))
        {
            return AccountAlreadyExists;
        }

        if (c.Type == AccountType.Trading && _x.TradingAccounts.ContainsKey(c.Owner))
        {
            return TradingAccountAlreadyOpen;
        }

        if ((c.Type == AccountType.ExchangeClearing && _x.Clearing >= 0)
            || (c.Type == AccountType.Fee && _x.FeeAccount >= 0))
        {
            return ExchangeAccountAlreadyOpen;
        }

        bool genesis = c.Type == AccountType.Authority && !_authorityEverOpened;
        if (!genesis && !IsAuthority(c.Actor))
        {
            return ActorNotAuthority;
        }

        plan = new Plan { Mutation = Mutation.Open, NewAccount = c.Account, NewType = c.Type, NewOwner = c.Owner };
        return None;
    }

    private LedgerRejection ValidateSuspend(SuspendAccount c, ref Plan plan)
    {
        LedgerRejection r = CheckAdminReason(c.Reason);
        if (r != None)
        {
            return r;
        }

        r = CheckAdministered(c, c.Account, ref plan);
        r = r != None ? r : CheckSubjectOpen(plan.Subject);
        plan.Mutation = Mutation.Suspend;
        return r;
    }

    private LedgerRejection ValidateReinstate(ReinstateAccount c, ref Plan plan)
    {
        LedgerRejection r = CheckAdminReason(c.Reason);
        if (r != None)
        {
            return r;
        }

        r = CheckAdministered(c, c.Account, ref plan);
        if (r != None)
        {
            return r;
        }

        plan.Mutation = Mutation.Reinstate;
        return _accounts[plan.Subject].Status switch
        {
            AccountStatus.Closed => AccountIsClosed,
            AccountStatus.Open => AccountNotSuspended,
            _ => None,
        };
    }

    private LedgerRejection ValidateClose(CloseAccount c, ref Plan plan)
    {
        LedgerRejection r = CheckAdministered(c, c.Account, ref plan);
        if (r != None)
        {
            return r;
        }

        if (_accounts[plan.Subject].Status == AccountStatus.Closed)
        {
            return AccountIsClosed;
        }

        for (int i = 0; i < _positionCount; i++)
        {
            if (_positions[i].Account == plan.Subject && _positions[i].Total != 0)
            {
                return AccountNotEmpty;
            }
        }

        if (_x.CashOf(plan.Subject).Total != 0)
        {
            return AccountNotEmpty;
        }

        plan.Mutation = Mutation.Close;
        return None;
    }

    private LedgerRejection CheckAdminReason(string reason)
    {
        if (Missing(reason))
        {
            return ReasonRequired;
        }

        return TooLong(reason) ? TextTooLong : None;
    }

    /// <summary>Rules 402, 501 and 601 for an authority administering an account.</summary>
    private LedgerRejection CheckAdministered(LedgerCommand c, AccountId id, ref Plan plan)
    {
        if (!_accountIndex.TryGetValue(id, out int account))
        {
            return AccountUnknown;
        }

        if (IsTerminal(account))
        {
            return AccountIsTerminalSink;
        }

        if (!IsAuthority(c.Actor))
        {
            return ActorNotAuthority;
        }

        plan.Subject = account;
        return None;
    }

    private void ApplyOpen(AccountId id, AccountType type, ActorId owner)
    {
        LedgerAssert.That(!type.IsTerminalSink(), "sinks are built in");
        int index = AddAccount(id, type, owner);
        if (type == AccountType.Authority)
        {
            _authorityEverOpened = true;
            AdjustAuthorityCount(index, +1);
        }

        switch (type)
        {
            case AccountType.Trading:
                _x.TradingAccounts.Add(owner, index);
                break;
            case AccountType.ExchangeClearing:
                _x.Clearing = index;
                break;
            case AccountType.Fee:
                _x.FeeAccount = index;
                break;
            default:
                break;
        }
    }

    /// <summary>A closed account frees its owner's trading slot or the exchange's account slot.</summary>
    private void ForgetExchangeRole(int account)
    {
        ref AccountRecord a = ref _accounts[account];
        if (a.Type == AccountType.Trading)
        {
            _x.TradingAccounts.Remove(a.Owner);
        }
        else if (a.Type == AccountType.ExchangeClearing)
        {
            _x.Clearing = -1;
        }
        else if (a.Type == AccountType.Fee)
        {
            _x.FeeAccount = -1;
        }
    }

    private void ApplyStatus(int account, AccountStatus status)
    {
        ref AccountRecord a = ref _accounts[account];
        LedgerAssert.That(a.Status != AccountStatus.Closed, "closed is absorbing");
        LedgerAssert.That(a.Status != status, "status change to the same status");
        bool wasOpen = a.Status == AccountStatus.Open;
        a.Status = status;
        if (status == AccountStatus.Closed)
        {
            ForgetExchangeRole(account);
        }

        if (wasOpen != (status == AccountStatus.Open))
        {
            AdjustAuthorityCount(account, wasOpen ? -1 : +1);
        }
    }
}
