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

        return PlanFromFreeze(account, account, c.Instrument, c.Quantity, c.FreezeId, ref plan);
    }

    /// <summary>
    /// Rules 801, 1002 and 1003, and the plan, for moving <paramref name="quantity"/> out of the units
    /// <paramref name="account"/> has frozen under <paramref name="freezeId"/> into <paramref name="target"/>'s
    /// available bucket (an unfreeze: the same account; a forced surrender: the surrender sink).
    /// </summary>
    private LedgerRejection PlanFromFreeze(int account, int target, Instruments.InstrumentId instrumentId,
        Quantities.Co2e quantity, string freezeId, ref Plan plan)
    {
        if (!_instrumentIndex.TryGetValue(instrumentId, out int instrument))
        {
            return InstrumentUnknown;
        }

        if (!_freezes.TryGetValue(freezeId, out FreezeRecord? freeze)
            || freeze.Account != account || freeze.Instrument != instrument)
        {
            return FreezeUnknown;
        }

        if (freeze.RemainingGrams < quantity.Grams)
        {
            return UnfreezeExceedsFrozen;
        }

        plan = new Plan
        {
            Mutation = Mutation.Move,
            Subject = account, Target = target, Instrument = instrument, InstrumentId = instrumentId,
            Grams = quantity.Grams, FromBucket = Bucket.Frozen, ToBucket = Bucket.Available, FromFreeze = freezeId,
        };
        if (_instruments[instrument].Serials is { } book)
        {
            plan.Serials = book.SelectLowest(account, Bucket.Frozen, freezeId, quantity.WholeTonnes);
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
