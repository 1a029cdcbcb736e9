using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Invariants;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    private LedgerRejection ValidateTransfer(TransferUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckMovement(c.Quantity, c.Serials);
        if (r != None)
        {
            return r;
        }

        if (c.From == c.To)
        {
            return AccountsMustBeDifferent;
        }

        if (c.Serials is not null && !c.Instrument.IsSerialNumbered)
        {
            return SerialsNotApplicable;
        }

        if (!_accountIndex.TryGetValue(c.From, out int from))
        {
            return AccountUnknown;
        }

        if (!_accountIndex.TryGetValue(c.To, out int to))
        {
            return ToAccountUnknown;
        }

        if (IsTerminal(from))
        {
            return AccountIsTerminalSink;
        }

        if (IsTerminal(to))
        {
            return ToAccountIsTerminalSink;
        }

        if (_accounts[from].Owner != c.Actor)
        {
            return ActorNotAccountHolder;
        }

        r = CheckBothOpen(from, to);
        if (r != None)
        {
            return r;
        }

        return PlanMove(from, to, c.Instrument, c.Quantity, c.Serials, ref plan);
    }

    private LedgerRejection ValidateRetire(RetireUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckMovement(c.Quantity, c.Serials);
        if (r != None)
        {
            return r;
        }

        if (Missing(c.Beneficiary))
        {
            return BeneficiaryRequired;
        }

        if (Missing(c.Purpose))
        {
            return PurposeRequired;
        }

        if (TooLong(c.Beneficiary) || TooLong(c.Purpose) || (c.Event is not null && TooLong(c.Event)))
        {
            return TextTooLong;
        }

        if (c.PeriodEnd < c.PeriodStart)
        {
            return RetirementPeriodInvalid;
        }

        return ValidateHolderMove(c, c.Account, c.Instrument, c.Quantity, c.Serials, SinkAccounts.Retired, ref plan);
    }

    private LedgerRejection ValidateCancel(CancelUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckMovement(c.Quantity, c.Serials);
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

        return ValidateHolderMove(c, c.Account, c.Instrument, c.Quantity, c.Serials, SinkAccounts.Cancelled, ref plan);
    }

    private LedgerRejection ValidateSurrender(SurrenderUnits c, ref Plan plan)
    {
        LedgerRejection r = CheckMovement(c.Quantity, c.Serials);
        return r != None
            ? r
            : ValidateHolderMove(c, c.Account, c.Instrument, c.Quantity, c.Serials, SinkAccounts.Surrendered, ref plan);
    }

    /// <summary>Rules 303 onwards for a holder moving available units into a terminal sink.</summary>
    private LedgerRejection ValidateHolderMove(LedgerCommand c, Identity.AccountId account,
        Instruments.InstrumentId instrument, Quantities.Co2e quantity, SerialRange? serials,
        Identity.AccountId sink, ref Plan plan)
    {
        if (serials is not null && !instrument.IsSerialNumbered)
        {
            return SerialsNotApplicable;
        }

        if (!_accountIndex.TryGetValue(account, out int from))
        {
            return AccountUnknown;
        }

        if (IsTerminal(from))
        {
            return AccountIsTerminalSink;
        }

        if (_accounts[from].Owner != c.Actor)
        {
            return ActorNotAccountHolder;
        }

        LedgerRejection r = CheckSubjectOpen(from);
        return r != None ? r : PlanMove(from, _accountIndex[sink], instrument, quantity, serials, ref plan);
    }

    /// <summary>Rules 801 and 901–903 for an available → available move, filling the plan.</summary>
    private LedgerRejection PlanMove(int from, int to, Instruments.InstrumentId instrument,
        Quantities.Co2e quantity, SerialRange? serials, ref Plan plan)
    {
        if (!_instrumentIndex.TryGetValue(instrument, out int ins))
        {
            return InstrumentUnknown;
        }

        LedgerRejection r = SelectAvailable(from, ins, quantity, serials, ref plan);
        if (r != None)
        {
            return r;
        }

        plan.Mutation = Mutation.Move;
        plan.Subject = from;
        plan.Target = to;
        plan.Instrument = ins;
        plan.InstrumentId = instrument;
        plan.Grams = quantity.Grams;
        plan.FromBucket = Bucket.Available;
        plan.ToBucket = Bucket.Available;
        return None;
    }

    /// <summary>Moves units between buckets (and accounts), keeping serial blocks and freezes in step.</summary>
    private void ApplyMove(in Plan plan)
    {
        LedgerAssert.That(plan.Grams > 0, "a move must carry a positive quantity");
        int fromIndex = PositionIndexOrAdd(plan.Subject, plan.Instrument);
        int toIndex = PositionIndexOrAdd(plan.Target, plan.Instrument);
        ref long fromSlot = ref PositionRecord.Slot(ref _positions[fromIndex], plan.FromBucket);
        LedgerAssert.That(fromSlot >= plan.Grams, "a move would drive a bucket negative (I2)");
        fromSlot -= plan.Grams;
        ref long toSlot = ref PositionRecord.Slot(ref _positions[toIndex], plan.ToBucket);
        toSlot = checked(toSlot + plan.Grams);

        SerialBook? book = _instruments[plan.Instrument].Serials;
        LedgerAssert.That((book is null) == (plan.Serials is null), "serials present exactly for credits");
        if (book is not null)
        {
            long tonnes = 0;
            foreach (SerialRange range in plan.Serials!)
            {
                book.Move(range, plan.Subject, plan.FromBucket, plan.FromFreeze, plan.Target, plan.ToBucket,
                    plan.ToFreeze);
                tonnes += range.Count;
            }

            LedgerAssert.That(Quantities.Co2e.FromTonnes(tonnes).Grams == plan.Grams, "serial count ≠ quantity");
        }

        ApplyFreezeBookkeeping(in plan);
    }
}
