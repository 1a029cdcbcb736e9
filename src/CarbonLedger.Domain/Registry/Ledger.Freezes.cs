using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Invariants;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    private LedgerRejection ValidateFreeze(FreezeUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckMovement(c.Quantity, c.Serials);
        if (r != None)
        {
            return r;
        }

        r = CheckFreezeTexts(c.Reason, c.FreezeId);
        if (r != None)
        {
            return r;
        }

        if (c.Serials is not null && !c.Instrument.IsSerialNumbered)
        {
            return SerialsNotApplicable;
        }

        r = CheckAuthorityOverHolding(c, c.Account, out int account);
        if (r != None)
        {
            return r;
        }

        r = PlanMove(account, account, c.Instrument, c.Quantity, c.Serials, ref plan);
        if (r != None)
        {
            return r;
        }

        if (_freezes.ContainsKey(c.FreezeId))
        {
            return FreezeIdAlreadyUsed;
        }

        plan.ToBucket = Bucket.Frozen;
        plan.ToFreeze = c.FreezeId;
        return None;
    }

    private LedgerRejection ValidateUnfreeze(UnfreezeUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckQuantity(c.Quantity);
        if (r != None)
        {
            return r;
        }

        r = CheckFreezeTexts(c.Reason, c.FreezeId);
        if (r != None)
        {
            return r;
        }

        r = CheckAuthorityOverHolding(c, c.Account, out int account);
        if (r != None)
        {
            return r;
        }

        if (!_instrumentIndex.TryGetValue(c.Instrument, out int instrument))
        {
            return InstrumentUnknown;
        }

        if (!_freezes.TryGetValue(c.FreezeId, out FreezeRecord? freeze)
            || freeze.Account != account || freeze.Instrument != instrument)
        {
            return FreezeUnknown;
        }

        if (freeze.RemainingGrams < c.Quantity.Grams)
        {
            return UnfreezeExceedsFrozen;
        }

        plan = new Plan
        {
            Mutation = Mutation.Move,
            Subject = account, Target = account, Instrument = instrument, InstrumentId = c.Instrument,
            Grams = c.Quantity.Grams, FromBucket = Bucket.Frozen, ToBucket = Bucket.Available,
            FromFreeze = c.FreezeId,
        };
        if (_instruments[instrument].Serials is { } book)
        {
            plan.Serials = book.SelectLowest(account, Bucket.Frozen, c.FreezeId, c.Quantity.WholeTonnes);
            LedgerAssert.That(plan.Serials is not null, "frozen quantity without frozen serials (I4)");
        }

        return None;
    }

    /// <summary>Rules 206, 209 and 211 for a freeze or unfreeze.</summary>
    private LedgerRejection CheckFreezeTexts(string reason, string freezeId)
    {
        if (Missing(reason))
        {
            return ReasonRequired;
        }

        if (Missing(freezeId))
        {
            return FreezeIdRequired;
        }

        return TooLong(reason) || TooLong(freezeId) ? TextTooLong : None;
    }

    /// <summary>Rules 402, 501, 601 and 701 for an authority acting on a holding (freezes apply to
    /// suspended accounts too: a court order does not wait for reinstatement).</summary>
    private LedgerRejection CheckAuthorityOverHolding(LedgerCommand c, Identity.AccountId id, out int account)
    {
        if (!_accountIndex.TryGetValue(id, out account))
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

        return _accounts[account].Status == AccountStatus.Closed ? AccountIsClosed : None;
    }

    /// <summary>Keeps freeze orders in step with the frozen bucket.</summary>
    private void ApplyFreezeBookkeeping(in Plan plan)
    {
        if (plan.ToBucket == Bucket.Frozen)
        {
            LedgerAssert.That(plan.ToFreeze is not null, "a freeze needs its id");
            LedgerAssert.That(!_freezes.ContainsKey(plan.ToFreeze), "freeze id reused");
            var freeze = new FreezeRecord(plan.Subject, plan.Instrument) { RemainingGrams = plan.Grams };
            _freezes.Add(plan.ToFreeze, freeze);
        }

        if (plan.FromBucket == Bucket.Frozen)
        {
            LedgerAssert.That(plan.FromFreeze is not null, "an unfreeze needs its id");
            FreezeRecord freeze = _freezes[plan.FromFreeze];
            LedgerAssert.That(freeze.RemainingGrams >= plan.Grams, "unfreeze beyond the freeze");
            freeze.RemainingGrams -= plan.Grams;
        }
    }
}
