using CarbonLedger.Domain.Accounts;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    /// <summary>
    /// Rules for a claw-back: 201–203, 206, 211, 304 (allowances only), 402, 404 (the named account is not an
    /// authority account), 501, 601, 701 (an authority acting on a holding), then 801 and 903.
    /// </summary>
    private LedgerRejection ValidateClawBack(ClawBackUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckQuantity(c.Quantity);
        if (r != None)
        {
            return r;
        }

        if (Missing(c.Reason))
        {
            return ReasonRequired;
        }

        if (TooLong(c.Reason))
        {
            return TextTooLong;
        }

        if (c.Instrument.IsSerialNumbered)
        {
            return InstrumentRequiresSerials;
        }

        if (!_accountIndex.ContainsKey(c.Account))
        {
            return AccountUnknown;
        }

        if (!_accountIndex.TryGetValue(c.Authority, out int authority)
            || _accounts[authority].Type != AccountType.Authority)
        {
            return AuthorityAccountUnknown;
        }

        r = CheckAuthorityOverHolding(c, c.Account, out int account);
        return r != None ? r : PlanMove(account, authority, c.Instrument, c.Quantity, null, ref plan);
    }
}
