using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Invariants;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    private static readonly SerialRange[] s_noSerials = [];

    /// <summary>The one event an accepted command becomes (pure: no state change).</summary>
    private static LedgerEvent BuildEvent(LedgerCommand command, in Plan plan, Instant at, long sequence)
    {
        SerialRange[] serials = plan.Serials ?? s_noSerials;
        return command switch
        {
            TransferUnits c => new UnitsTransferred(at, c.From, c.To, c.Instrument, c.Quantity, serials),
            RetireUnits c => new UnitsRetired(at, c.Account, c.Instrument, c.Quantity, c.Beneficiary, c.Purpose,
                c.PeriodStart, c.PeriodEnd, RetirementCertificate.IdFor(sequence), serials, c.Event),
            CancelUnits c => new UnitsCancelled(at, c.Account, c.Instrument, c.Quantity, c.Reason, serials),
            SurrenderUnits c => new UnitsSurrendered(at, c.Account, c.Instrument, c.Quantity, c.ComplianceYear,
                serials),
            ForceSurrenderUnits c => new UnitsForceSurrendered(at, c.Account, c.Instrument, c.Quantity,
                c.ComplianceYear, c.FreezeId, serials),
            ClawBackUnits c => new UnitsClawedBack(at, c.Account, c.Authority, c.Instrument, c.Quantity, c.Reason),
            FreezeUnits c => new UnitsFrozen(at, c.Account, c.Instrument, c.Quantity, c.FreezeId, c.Reason, serials),
            UnfreezeUnits c => new UnitsUnfrozen(at, c.Account, c.Instrument, c.Quantity, c.FreezeId, c.Reason,
                serials),
            IssueAllowances c => new AllowancesIssued(at, c.Authority, c.To, c.Instrument, c.Quantity),
            IssueCredits c => new CreditsIssued(at, c.Authority, c.To, c.Instrument, c.Serials, c.Project),
            OpenAccount c => new AccountOpened(at, c.Account, c.Type, c.Owner),
            SuspendAccount c => new AccountSuspended(at, c.Account, c.Reason),
            ReinstateAccount c => new AccountReinstated(at, c.Account, c.Reason),
            CloseAccount c => new AccountClosed(at, c.Account),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command"),
        };
    }

    /// <summary>Resolves a journaled event back to table indices (the replay half of a plan).</summary>
    private Plan PlanFromEvent(LedgerEvent e) => e switch
    {
        UnitsTransferred x => MovePlan(x.From, x.To, x.Instrument, x.Quantity.Grams, x.Serials),
        UnitsRetired x => MovePlan(x.Account, SinkAccounts.Retired, x.Instrument, x.Quantity.Grams, x.Serials),
        UnitsCancelled x => MovePlan(x.Account, SinkAccounts.Cancelled, x.Instrument, x.Quantity.Grams, x.Serials),
        UnitsSurrendered x => MovePlan(x.Account, SinkAccounts.Surrendered, x.Instrument, x.Quantity.Grams,
            x.Serials),
        UnitsForceSurrendered x => MovePlan(x.Account, SinkAccounts.Surrendered, x.Instrument, x.Quantity.Grams,
            x.Serials) with
        {
            FromBucket = x.FreezeId is null ? Bucket.Available : Bucket.Frozen, FromFreeze = x.FreezeId,
        },
        UnitsClawedBack x => MovePlan(x.Account, x.Authority, x.Instrument, x.Quantity.Grams, s_noSerials),
        UnitsFrozen x => MovePlan(x.Account, x.Account, x.Instrument, x.Quantity.Grams, x.Serials) with
        {
            ToBucket = Bucket.Frozen, ToFreeze = x.FreezeId,
        },
        UnitsUnfrozen x => MovePlan(x.Account, x.Account, x.Instrument, x.Quantity.Grams, x.Serials) with
        {
            FromBucket = Bucket.Frozen, FromFreeze = x.FreezeId,
        },
        AllowancesIssued x => IssuePlan(x.Authority, x.To, x.Instrument, x.Quantity.Grams),
        CreditsIssued x => IssuePlan(x.Authority, x.To, x.Instrument,
            Quantities.Co2e.FromTonnes(x.Serials.Count).Grams) with { Serials = [x.Serials] },
        AccountOpened x => new Plan
        {
            Mutation = Mutation.Open, NewAccount = x.Account, NewType = x.Type, NewOwner = x.Owner,
        },
        AccountSuspended x => new Plan { Mutation = Mutation.Suspend, Subject = Known(x.Account) },
        AccountReinstated x => new Plan { Mutation = Mutation.Reinstate, Subject = Known(x.Account) },
        AccountClosed x => new Plan { Mutation = Mutation.Close, Subject = Known(x.Account) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown event"),
    };

    private Plan MovePlan(AccountId from, AccountId to, InstrumentId instrument, long grams,
        IReadOnlyList<SerialRange> serials)
    {
        LedgerAssert.That(_instrumentIndex.TryGetValue(instrument, out int ins), "journal moves an unknown instrument");
        bool credits = instrument.IsSerialNumbered;
        LedgerAssert.That(credits == (serials.Count > 0), "journaled serials present exactly for credits");
        return new Plan
        {
            Mutation = Mutation.Move,
            Subject = Known(from), Target = Known(to), Instrument = ins, InstrumentId = instrument, Grams = grams,
            FromBucket = Bucket.Available, ToBucket = Bucket.Available,
            Serials = credits ? [.. serials] : null,
        };
    }

    private Plan IssuePlan(AccountId authority, AccountId to, InstrumentId instrument, long grams) => new()
    {
        Mutation = Mutation.Issue,
        Subject = Known(authority), Target = Known(to), InstrumentId = instrument, Grams = grams,
        Instrument = _instrumentIndex.GetValueOrDefault(instrument, -1),
    };

    private int Known(AccountId id)
    {
        LedgerAssert.That(_accountIndex.TryGetValue(id, out int index), $"journal names unknown account {id}");
        return index;
    }
}
