using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    private LedgerRejection ValidateIssueAllowances(IssueAllowances c, ref Plan plan)
    {
        LedgerRejection r = CheckQuantity(c.Quantity);
        if (r != None)
        {
            return r;
        }

        if (c.Instrument.IsSerialNumbered)
        {
            return InstrumentRequiresSerials;
        }

        return ValidateIssuer(c, c.Authority, c.To, c.Instrument, c.Quantity, ref plan);
    }

    private LedgerRejection ValidateIssueCredits(IssueCredits c, ref Plan plan)
    {
        LedgerRejection r = CheckSerialRange(c.Serials);
        if (r != None)
        {
            return r;
        }

        if (Missing(c.Project))
        {
            return ProjectRequired;
        }

        if (TooLong(c.Project))
        {
            return TextTooLong;
        }

        if (!c.Instrument.IsSerialNumbered)
        {
            return InstrumentNotSerialNumbered;
        }

        r = ValidateIssuer(c, c.Authority, c.To, c.Instrument, Co2e.FromTonnes(c.Serials.Count), ref plan);
        if (r != None)
        {
            return r;
        }

        plan.Serials = [c.Serials];
        bool overlaps = _instrumentIndex.TryGetValue(c.Instrument, out int ins)
            && _instruments[ins].Serials!.OverlapsIssued(c.Serials);
        if (overlaps)
        {
            return SerialsAlreadyIssued;
        }

        return CheckSupply(c.Instrument, plan.Grams);
    }

    /// <summary>Rules 403–404, 501–502, 601 and 701–704 (and 803 for allowances) for an issuance.</summary>
    private LedgerRejection ValidateIssuer(LedgerCommand c, AccountId authority, AccountId to,
        Instruments.InstrumentId instrument, Co2e quantity, ref Plan plan)
    {
        if (!_accountIndex.TryGetValue(to, out int target))
        {
            return ToAccountUnknown;
        }

        if (!_accountIndex.TryGetValue(authority, out int issuer))
        {
            return AuthorityAccountUnknown;
        }

        if (IsTerminal(issuer))
        {
            return AccountIsTerminalSink;
        }

        if (IsTerminal(target))
        {
            return ToAccountIsTerminalSink;
        }

        if (_accounts[issuer].Type != AccountType.Authority || _accounts[issuer].Owner != c.Actor)
        {
            return ActorNotAuthority;
        }

        LedgerRejection r = CheckBothOpen(issuer, target);
        if (r != None)
        {
            return r;
        }

        plan.Mutation = Mutation.Issue;
        plan.Subject = issuer;
        plan.Target = target;
        plan.InstrumentId = instrument;
        plan.Instrument = _instrumentIndex.GetValueOrDefault(instrument, -1);
        plan.Grams = quantity.Grams;
        return instrument.IsSerialNumbered ? None : CheckSupply(instrument, quantity.Grams);
    }

    private LedgerRejection CheckSupply(Instruments.InstrumentId instrument, long grams)
    {
        long issued = _instrumentIndex.TryGetValue(instrument, out int ins) ? _instruments[ins].IssuedGrams : 0;
        return issued + grams > _limits.MaxSupplyPerInstrument.Grams ? SupplyLimitExceeded : None;
    }

    /// <summary>Creates units: the only mutation besides claw-back that changes an instrument's supply (I1).</summary>
    private void ApplyIssue(in Plan plan)
    {
        LedgerAssert.That(plan.Grams > 0, "issuance must be positive");
        int instrument = InstrumentIndexOrAdd(plan.InstrumentId);
        ref InstrumentRecord record = ref _instruments[instrument];
        record.IssuedGrams = checked(record.IssuedGrams + plan.Grams);
        LedgerAssert.That(record.IssuedGrams <= _limits.MaxSupplyPerInstrument.Grams, "supply above its limit");
        int position = PositionIndexOrAdd(plan.Target, instrument);
        _positions[position].Available = checked(_positions[position].Available + plan.Grams);
        if (plan.Serials is [SerialRange range])
        {
            LedgerAssert.That(record.Serials is not null, "credit issuance on a fungible instrument");
            record.Issuances++;
            record.Serials.Issue(range, plan.Target, record.Issuances);
        }
    }
}
