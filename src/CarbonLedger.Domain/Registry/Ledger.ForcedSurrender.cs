using CarbonLedger.Domain.Accounts;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    /// <summary>
    /// Rules for a forced surrender: 201–203, (209, 211 for a named freeze), 402, 501, 601, 701 (an authority
    /// acting on a holding, suspended or not), 801, then 901–903 from available units, or 1002 and 1003 from a
    /// freeze.
    /// </summary>
    private LedgerRejection ValidateForceSurrender(ForceSurrenderUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckQuantity(c.Quantity);
        if (r != None)
        {
            return r;
        }

        if (c.FreezeId is not null)
        {
            if (Missing(c.FreezeId))
            {
                return FreezeIdRequired;
            }

            if (TooLong(c.FreezeId))
            {
                return TextTooLong;
            }
        }

        r = CheckAuthorityOverHolding(c, c.Account, out int account);
        if (r != None)
        {
            return r;
        }

        int sink = _accountIndex[SinkAccounts.Surrendered];
        if (c.FreezeId is null)
        {
            return PlanMove(account, sink, c.Instrument, c.Quantity, null, ref plan);
        }

        return PlanFromFreeze(account, sink, c.Instrument, c.Quantity, c.FreezeId, ref plan);
    }
}
