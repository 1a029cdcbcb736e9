using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// The compliance workflow's decisions (pure). A surrender is decided here (eligibility, cap, obligation,
/// deadline) and reserved by <see cref="SurrenderRequested"/>; the host then moves the units through the
/// ledger core under a key derived from the request, and records the core's answer with
/// <see cref="CompleteSurrender"/>. Checks follow <see cref="ComplianceRejection"/>'s declaration order.
/// </summary>
public static class ComplianceDecider
{
    /// <summary>Decides <paramref name="command"/> against <paramref name="record"/>.</summary>
    public static ComplianceDecision Decide(
        ComplianceRecord record, ComplianceCommand command, ComplianceContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        return command switch
        {
            SetObligation c => Set(record, c, context),
            RequestSurrender c => Request(record, c, context),
            ForceSurrender c => Force(record, c, context),
            CompleteSurrender c => Complete(record, c),
            ExtendDeadline c => Extend(record, c, context),
            CloseCompliance c => Close(record, c, context),
            AssessPenalty c => Assess(record, c, context),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "unknown command"),
        };
    }

    private static ComplianceDecision Set(ComplianceRecord record, SetObligation c, ComplianceContext context)
    {
        if (c.VerifiedTonnes < 0 || c.AllocationTonnes < 0)
        {
            return ComplianceDecision.Reject(ComplianceRejection.QuantityMustBePositive);
        }

        if (!context.Regulators.Contains(c.Actor))
        {
            return ComplianceDecision.Reject(ComplianceRejection.NotRegulator);
        }

        if (record.Obligation is not null)
        {
            return ComplianceDecision.Reject(ComplianceRejection.ObligationAlreadySet);
        }

        ComplianceRules rules = context.Rules;
        long obligation = ObligationFormula.Obligation(rules, c.VerifiedTonnes, c.AllocationTonnes);
        return ComplianceDecision.Accept(new ObligationSet(
            c.Enterprise, c.Account, c.EnterpriseActor, rules.Year, rules.Version, c.VerifiedTonnes, c.AllocationTonnes,
            obligation, ObligationFormula.OffsetCap(rules, obligation), rules.Deadline, c.Actor, c.At));
    }

    private static ComplianceDecision Request(ComplianceRecord record, RequestSurrender c, ComplianceContext context)
    {
        if (c.Tonnes <= 0)
        {
            return ComplianceDecision.Reject(ComplianceRejection.QuantityMustBePositive);
        }

        if (record.Requests.ContainsKey(c.RequestId))
        {
            return ComplianceDecision.Reject(ComplianceRejection.RequestIdReused);
        }

        if (context.Rules.IsOffsetProgramme(c.Instrument.Programme)
            && (c.Serials is not { } block || block.Count != c.Tonnes))
        {
            return ComplianceDecision.Reject(ComplianceRejection.OffsetSerialsRequired);
        }

        if (record.Obligation is not { } obligation)
        {
            return ComplianceDecision.Reject(ComplianceRejection.NoObligation);
        }

        if (c.Actor != obligation.EnterpriseActor)
        {
            return ComplianceDecision.Reject(ComplianceRejection.NotObligedEnterprise);
        }

        if (record.Closed is not null)
        {
            return ComplianceDecision.Reject(ComplianceRejection.ComplianceClosed);
        }

        if (c.At.InZone(context.Zone).LocalDateTime > record.Deadline)
        {
            return ComplianceDecision.Reject(ComplianceRejection.DeadlinePassed);
        }

        ComplianceRules rules = context.Rules;
        bool isOffset = rules.IsOffsetProgramme(c.Instrument.Programme);
        if (!isOffset && c.Instrument.Programme != rules.AllowanceProgramme)
        {
            return ComplianceDecision.Reject(ComplianceRejection.InstrumentIneligible);
        }

        if (!isOffset && !rules.IsEligibleAllowance(c.Instrument))
        {
            return ComplianceDecision.Reject(ComplianceRejection.VintageIneligible);
        }

        if (isOffset && (c.Project is null || context.CoveredProjects.Contains(c.Project)))
        {
            return ComplianceDecision.Reject(ComplianceRejection.OffsetFromCoveredBoundary);
        }

        long tonnes = c.Tonnes;
        if (isOffset)
        {
            long room = Math.Max(0, obligation.OffsetCapTonnes - record.OffsetTonnes - record.PendingOffsetTonnes);
            if (tonnes > room)
            {
                if (!rules.PartialOffsetAcceptance || room == 0)
                {
                    return ComplianceDecision.Reject(ComplianceRejection.OffsetCapExceeded);
                }

                tonnes = room;
            }
        }

        return tonnes > record.OpenTonnes - record.PendingTonnes
            ? ComplianceDecision.Reject(ComplianceRejection.SurrenderExceedsObligation)
            : ComplianceDecision.Accept(new SurrenderRequested(
                c.RequestId, c.Instrument, tonnes, isOffset, c.Project, Forced: false, c.Actor, c.At,
                Cut(c.Serials, tonnes)));
    }

    private static ComplianceDecision Force(ComplianceRecord record, ForceSurrender c, ComplianceContext context)
    {
        if (c.Tonnes <= 0)
        {
            return ComplianceDecision.Reject(ComplianceRejection.QuantityMustBePositive);
        }

        if (record.Requests.ContainsKey(c.RequestId))
        {
            return ComplianceDecision.Reject(ComplianceRejection.RequestIdReused);
        }

        if (record.Obligation is null)
        {
            return ComplianceDecision.Reject(ComplianceRejection.NoObligation);
        }

        if (!context.Regulators.Contains(c.Actor))
        {
            return ComplianceDecision.Reject(ComplianceRejection.NotRegulator);
        }

        if (c.Instrument.Programme != context.Rules.AllowanceProgramme)
        {
            return ComplianceDecision.Reject(ComplianceRejection.InstrumentIneligible);
        }

        if (!context.Rules.IsEligibleAllowance(c.Instrument))
        {
            return ComplianceDecision.Reject(ComplianceRejection.VintageIneligible);
        }

        return c.Tonnes > record.OpenTonnes - record.PendingTonnes
            ? ComplianceDecision.Reject(ComplianceRejection.SurrenderExceedsObligation)
            : ComplianceDecision.Accept(new SurrenderRequested(
                c.RequestId, c.Instrument, c.Tonnes, IsOffset: false, Project: null, Forced: true, c.Actor, c.At,
                FreezeId: c.FreezeId));
    }

    private static ComplianceDecision Complete(ComplianceRecord record, CompleteSurrender c)
    {
        if (!record.Pending.ContainsKey(c.RequestId))
        {
            return ComplianceDecision.Reject(ComplianceRejection.RequestUnknown);
        }

        return c.Moved
            ? ComplianceDecision.Accept(new SurrenderCompleted(c.RequestId, c.LedgerSequence, c.Serials, c.At))
            : ComplianceDecision.Accept(new SurrenderFailed(c.RequestId, c.LedgerRejection, c.Reason, c.At));
    }

    private static ComplianceDecision Extend(ComplianceRecord record, ExtendDeadline c, ComplianceContext context)
    {
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            return ComplianceDecision.Reject(ComplianceRejection.ReasonRequired);
        }

        if (record.Obligation is null)
        {
            return ComplianceDecision.Reject(ComplianceRejection.NoObligation);
        }

        if (!context.Regulators.Contains(c.Actor))
        {
            return ComplianceDecision.Reject(ComplianceRejection.NotRegulator);
        }

        return record.Closed is not null
            ? ComplianceDecision.Reject(ComplianceRejection.ComplianceClosed)
            : ComplianceDecision.Accept(new DeadlineExtended(c.Deadline, c.Reason, c.Actor, c.At));
    }

    private static ComplianceDecision Close(ComplianceRecord record, CloseCompliance c, ComplianceContext context)
    {
        if (record.Obligation is not { } obligation)
        {
            return ComplianceDecision.Reject(ComplianceRejection.NoObligation);
        }

        if (!context.Regulators.Contains(c.Actor))
        {
            return ComplianceDecision.Reject(ComplianceRejection.NotRegulator);
        }

        if (record.Closed is not null)
        {
            return ComplianceDecision.Reject(ComplianceRejection.ComplianceClosed);
        }

        if (c.At.InZone(context.Zone).LocalDateTime <= record.Deadline || !record.Pending.IsEmpty)
        {
            return ComplianceDecision.Reject(ComplianceRejection.DeadlineNotReached);
        }

        long shortfall = record.OpenTonnes;
        var closed = new ComplianceClosed(shortfall, c.Actor, c.At);
        return shortfall > 0 && context.Rules.NextYearDeduction
            ? ComplianceDecision.Accept(closed, new NextYearDeductionScheduled(obligation.Year + 1, shortfall, c.At))
            : ComplianceDecision.Accept(closed);
    }

    private static ComplianceDecision Assess(ComplianceRecord record, AssessPenalty c, ComplianceContext context)
    {
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            return ComplianceDecision.Reject(ComplianceRejection.ReasonRequired);
        }

        if (record.Obligation is null)
        {
            return ComplianceDecision.Reject(ComplianceRejection.NoObligation);
        }

        if (!context.Regulators.Contains(c.Actor))
        {
            return ComplianceDecision.Reject(ComplianceRejection.NotRegulator);
        }

        if (record.Closed is not { } closed)
        {
            return ComplianceDecision.Reject(ComplianceRejection.ComplianceOpen);
        }

        if (closed.ShortfallTonnes == 0 || record.Penalty is not null)
        {
            return ComplianceDecision.Reject(ComplianceRejection.NothingToPenalise);
        }

        PenaltyRule rule = context.Rules.Penalty;
        if (rule.IsPriceMultiple)
        {
            if (c.Multiple is not { } multiple || c.AveragePrice is not { } price
                || multiple < rule.MinimumMultiple || multiple > rule.MaximumMultiple || price.FenPerTonne <= 0)
            {
                return ComplianceDecision.Reject(ComplianceRejection.PenaltyOutsideRule);
            }

            Money amount = Money.FromFen(checked(multiple * price.FenPerTonne * closed.ShortfallTonnes));
            return ComplianceDecision.Accept(new PenaltyAssessed(amount,
                $"{multiple} × average price {price} × shortfall {closed.ShortfallTonnes} t",
                c.Reason, c.Actor, c.At));
        }

        if (c.Fine is not { } fine || fine < rule.MinimumFine!.Value || fine > rule.MaximumFine!.Value)
        {
            return ComplianceDecision.Reject(ComplianceRejection.PenaltyOutsideRule);
        }

        return ComplianceDecision.Accept(new PenaltyAssessed(fine,
            $"fixed fine within {rule.MinimumFine} – {rule.MaximumFine}", c.Reason, c.Actor, c.At));
    }

    /// <summary>The first <paramref name="tonnes"/> serials of a block cut to the offset cap.</summary>
    private static Credits.SerialRange? Cut(Credits.SerialRange? serials, long tonnes) =>
        serials is { } block && block.Count != tonnes
            ? new Credits.SerialRange(block.Start, block.Start + tonnes - 1)
            : serials;
}
