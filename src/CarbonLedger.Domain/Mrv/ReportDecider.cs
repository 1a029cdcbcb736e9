using System.Collections.Immutable;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The emission-report workflow's decisions (pure: state, command and context in; events or a rejection
/// out). Checks run in <see cref="MrvRejection"/>'s declaration order: values, the report's existence, who
/// may act, then the report's state. The host appends the events with optimistic concurrency on the stream.
/// </summary>
public static class ReportDecider
{
    /// <summary>Decides <paramref name="command"/> against <paramref name="report"/>.</summary>
    public static ReportDecision Decide(EmissionReport report, ReportCommand command, MrvContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        return command switch
        {
            ApproveMonitoringPlan c => Approve(report, c, context),
            SubmitMonthlyEvidence c => SubmitEvidence(report, c, context),
            SubmitAnnualReport c => SubmitReport(report, c, context),
            AssignVerifier c => Assign(report, c, context),
            AdjustParameter c => Adjust(report, c),
            VerifyEmissions c => Verify(report, c, context),
            ConfirmEmissions c => Confirm(report, c, context),
            RestateEmissions c => Restate(report, c, context),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command?.GetType().Name, "unknown command"),
        };
    }

    private static ReportDecision Approve(EmissionReport report, ApproveMonitoringPlan c, MrvContext context)
    {
        MonitoringPlan plan = c.Plan;
        if (plan.FirstMonth is < 1 or > 12 || plan.LastMonth is < 1 or > 12 || plan.LastMonth < plan.FirstMonth)
        {
            return ReportDecision.Reject(MrvRejection.MonthInvalid);
        }

        if (plan.MaxMonthlyElectricityMwh.IsNegative || plan.Fuels.Any(f => f.MaxMonthlyConsumption.IsNegative))
        {
            return ReportDecision.Reject(MrvRejection.ActivityNegative);
        }

        if (plan.Fuels.Select(f => f.Fuel).Distinct(StringComparer.Ordinal).Count() != plan.Fuels.Length)
        {
            return ReportDecision.Reject(MrvRejection.FuelRepeated);
        }

        if (!context.Regulators.Contains(c.Actor))
        {
            return ReportDecision.Reject(MrvRejection.NotRegulator);
        }

        return report.Status != ReportStatus.None
            ? ReportDecision.Reject(MrvRejection.PlanAlreadyApproved)
            : ReportDecision.Accept(new MonitoringPlanApproved(plan, c.Actor, c.At));
    }

    private static ReportDecision SubmitEvidence(EmissionReport report, SubmitMonthlyEvidence c, MrvContext context)
    {
        MonthlyEvidence evidence = c.Evidence;
        MrvRejection invalid = CheckValues(evidence);
        if (invalid != MrvRejection.None)
        {
            return ReportDecision.Reject(invalid);
        }

        if (report.Plan is not { } plan)
        {
            return ReportDecision.Reject(MrvRejection.NoMonitoringPlan);
        }

        if (c.Actor != plan.Reporter)
        {
            return ReportDecision.Reject(MrvRejection.NotReporter);
        }

        MrvRejection state = report.Status switch
        {
            ReportStatus.Confirmed => MrvRejection.ReportConfirmed,
            ReportStatus.Submitted or ReportStatus.Verified => MrvRejection.ReportAlreadySubmitted,
            _ => plan.Covers(evidence.Month) ? MrvRejection.None : MrvRejection.MonthOutsidePlan,
        };
        if (state != MrvRejection.None)
        {
            return ReportDecision.Reject(state);
        }

        if (evidence.Fuels.Any(f => !plan.TryFuel(f.Fuel, out _)))
        {
            return ReportDecision.Reject(MrvRejection.FuelNotInPlan);
        }

        LocalDate today = c.At.InZone(context.Zone).Date;
        var resolved = ImmutableArray.CreateBuilder<FuelLine>(evidence.Fuels.Length);
        foreach (FuelLine line in evidence.Fuels)
        {
            FuelLine? full = Resolve(line, plan.Year, today, context.Factors);
            if (full is null)
            {
                return ReportDecision.Reject(MrvRejection.DefaultFactorMissing);
            }

            resolved.Add(full);
        }

        MonthlyEvidence recorded = evidence with { Fuels = resolved.ToImmutable() };
        string? implausible = Implausible(plan, recorded);
        if (implausible is not null)
        {
            return new ReportDecision(MrvRejection.ActivityImplausible,
                [new EvidenceHeldForReview(recorded, implausible, c.At)]);
        }

        int revision = report.Revisions.TryGetValue(evidence.Month, out int previous) ? previous + 1 : 1;
        int late = EvidenceDeadline.DaysLate(plan.Year, evidence.Month, c.At, context.Zone);
        return ReportDecision.Accept(new MonthlyEvidenceSubmitted(recorded, revision, late, c.At));
    }

    private static ReportDecision SubmitReport(EmissionReport report, SubmitAnnualReport c, MrvContext context)
    {
        if (report.Plan is not { } plan)
        {
            return ReportDecision.Reject(MrvRejection.NoMonitoringPlan);
        }

        if (c.Actor != plan.Reporter)
        {
            return ReportDecision.Reject(MrvRejection.NotReporter);
        }

        if (report.Status == ReportStatus.Confirmed)
        {
            return ReportDecision.Reject(MrvRejection.ReportConfirmed);
        }

        if (report.Status is ReportStatus.Submitted or ReportStatus.Verified)
        {
            return ReportDecision.Reject(MrvRejection.ReportAlreadySubmitted);
        }

        LocalDate today = c.At.InZone(context.Zone).Date;
        if (!context.Factors.TryFind(FactorKind.GridEmission, plan.Grid, plan.Year, today, out EmissionFactor grid))
        {
            return ReportDecision.Reject(MrvRejection.GridFactorMissing);
        }

        for (int month = plan.FirstMonth; month <= plan.LastMonth; month++)
        {
            if (!report.Evidence.ContainsKey(month))
            {
                return ReportDecision.Reject(MrvRejection.EvidenceMissing);
            }
        }

        ParameterValue gridFactor = ParameterValue.From(grid);
        AnnualEmissions figures = AnnualEmissions.Compute(
            plan.Year, report.Evidence.Values, gridFactor, context.IndirectInScope);
        return ReportDecision.Accept(new AnnualReportSubmitted(figures, gridFactor, c.At));
    }

    private static ReportDecision Assign(EmissionReport report, AssignVerifier c, MrvContext context)
    {
        if (RegulatorGate(report, c, context) is { } refused)
        {
            return refused;
        }

        return report.Status switch
        {
            ReportStatus.Confirmed => ReportDecision.Reject(MrvRejection.ReportConfirmed),
            ReportStatus.Monitoring => ReportDecision.Reject(MrvRejection.ReportNotSubmitted),
            _ => ReportDecision.Accept(new VerifierAssigned(c.Verifier, c.Actor, c.At)),
        };
    }

    private static ReportDecision Adjust(EmissionReport report, AdjustParameter c)
    {
        if (c.Month is < 1 or > 12)
        {
            return ReportDecision.Reject(MrvRejection.MonthInvalid);
        }

        if (c.After.Value.IsNegative)
        {
            return ReportDecision.Reject(MrvRejection.ActivityNegative);
        }

        if (!InRange(c.Parameter, c.After.Value))
        {
            return ReportDecision.Reject(MrvRejection.ParameterOutOfRange);
        }

        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            return ReportDecision.Reject(MrvRejection.ReasonRequired);
        }

        if (report.Plan is not { } plan)
        {
            return ReportDecision.Reject(MrvRejection.NoMonitoringPlan);
        }

        if (report.Verifier is not { } verifier || verifier != c.Actor)
        {
            return ReportDecision.Reject(MrvRejection.VerifierNotAssigned);
        }

        if (report.Status == ReportStatus.Confirmed)
        {
            return ReportDecision.Reject(MrvRejection.ReportConfirmed);
        }

        if (!plan.Covers(c.Month))
        {
            return ReportDecision.Reject(MrvRejection.MonthOutsidePlan);
        }

        ParameterValue? before = report.Evidence.TryGetValue(c.Month, out MonthlyEvidence? month)
            ? ReportAdjustments.Current(month, c.Fuel, c.Parameter)
            : null;
        return before is null
            ? ReportDecision.Reject(MrvRejection.AdjustmentTargetUnknown)
            : ReportDecision.Accept(new ParameterAdjusted(
                c.Month, c.Fuel, c.Parameter, before, c.After, c.Reason, c.Actor, c.At));
    }

    private static ReportDecision Verify(EmissionReport report, VerifyEmissions c, MrvContext context)
    {
        if (report.Plan is not { } plan)
        {
            return ReportDecision.Reject(MrvRejection.NoMonitoringPlan);
        }

        if (report.Verifier is not { } verifier || verifier != c.Actor)
        {
            return ReportDecision.Reject(MrvRejection.VerifierNotAssigned);
        }

        if (report.Status == ReportStatus.Confirmed)
        {
            return ReportDecision.Reject(MrvRejection.ReportConfirmed);
        }

        // Assigned implies submitted (assignment needs it); recomputed with the grid factor the report pinned.
        AnnualReportSubmitted submitted = report.Submitted!;
        AnnualEmissions figures = AnnualEmissions.Compute(
            plan.Year, report.Evidence.Values, submitted.GridFactor, context.IndirectInScope);
        return ReportDecision.Accept(new EmissionsVerified(figures, c.Actor, c.At));
    }

    private static ReportDecision Confirm(EmissionReport report, ConfirmEmissions c, MrvContext context)
    {
        if (RegulatorGate(report, c, context) is { } refused)
        {
            return refused;
        }

        return report.Status switch
        {
            ReportStatus.Confirmed => ReportDecision.Reject(MrvRejection.ReportConfirmed),
            ReportStatus.Verified =>
                ReportDecision.Accept(new EmissionsConfirmed(report.Verified!.Tonnes, c.Actor, c.At)),
            _ => ReportDecision.Reject(MrvRejection.ReportNotVerified),
        };
    }

    private static ReportDecision Restate(EmissionReport report, RestateEmissions c, MrvContext context)
    {
        if (c.Tonnes < 0)
        {
            return ReportDecision.Reject(MrvRejection.ActivityNegative);
        }

        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            return ReportDecision.Reject(MrvRejection.ReasonRequired);
        }

        if (RegulatorGate(report, c, context) is { } refused)
        {
            return refused;
        }

        return report.ConfirmedTonnes is not { } before
            ? ReportDecision.Reject(MrvRejection.ReportNotConfirmed)
            : ReportDecision.Accept(new EmissionsRestated(before, c.Tonnes, c.Reason, c.Actor, c.At));
    }

    private static MrvRejection CheckValues(MonthlyEvidence evidence)
    {
        if (evidence.Month is < 1 or > 12)
        {
            return MrvRejection.MonthInvalid;
        }

        if (evidence.PurchasedElectricityMwh.IsNegative || evidence.GenerationMwh.IsNegative
            || evidence.HeatSuppliedGj.IsNegative || evidence.Fuels.Any(f => f.Consumption.IsNegative))
        {
            return MrvRejection.ActivityNegative;
        }

        foreach (FuelLine f in evidence.Fuels)
        {
            if ((f.NetCalorificValue is { } ncv && !InRange(AdjustableParameter.NetCalorificValue, ncv.Value))
                || (f.CarbonContent is { } cc && !InRange(AdjustableParameter.CarbonContent, cc.Value))
                || (f.OxidationRate is { } of && !InRange(AdjustableParameter.OxidationRate, of.Value)))
            {
                return MrvRejection.ParameterOutOfRange;
            }
        }

        return evidence.Fuels.Select(f => f.Fuel).Distinct(StringComparer.Ordinal).Count() != evidence.Fuels.Length
            ? MrvRejection.FuelRepeated
            : MrvRejection.None;
    }

    /// <summary>NCV and CC must be positive; OF in (0, 1]; activity data only non-negative.</summary>
    private static bool InRange(AdjustableParameter parameter, Scaled value) => parameter switch
    {
        AdjustableParameter.NetCalorificValue or AdjustableParameter.CarbonContent => value.Units > 0,
        AdjustableParameter.OxidationRate => value.Units > 0 && value.CompareValue(Scaled.Whole(1)) <= 0,
        _ => !value.IsNegative,
    };

    private static FuelLine? Resolve(FuelLine line, int year, LocalDate today, FactorLibrary factors)
    {
        ParameterValue? ncv = line.NetCalorificValue ?? Default(FactorKind.NetCalorificValue);
        ParameterValue? cc = line.CarbonContent ?? Default(FactorKind.CarbonContent);
        ParameterValue? of = line.OxidationRate ?? Default(FactorKind.OxidationRate);
        return ncv is null || cc is null || of is null
            ? null
            : line with { NetCalorificValue = ncv, CarbonContent = cc, OxidationRate = of };

        ParameterValue? Default(FactorKind kind) => factors.TryFind(kind, line.Fuel, year, today, out EmissionFactor f)
            ? ParameterValue.From(f)
            : null;
    }

    private static string? Implausible(MonitoringPlan plan, MonthlyEvidence evidence)
    {
        foreach (FuelLine line in evidence.Fuels)
        {
            plan.TryFuel(line.Fuel, out PlannedFuel planned);
            if (line.Consumption.CompareValue(planned.MaxMonthlyConsumption) > 0)
            {
                return $"{line.Fuel} consumption {line.Consumption} {planned.Unit} above the plan's monthly bound " +
                    $"{planned.MaxMonthlyConsumption}";
            }
        }

        return evidence.PurchasedElectricityMwh.CompareValue(plan.MaxMonthlyElectricityMwh) > 0
            ? $"purchased electricity {evidence.PurchasedElectricityMwh} MWh above the plan's monthly bound " +
                $"{plan.MaxMonthlyElectricityMwh}"
            : null;
    }

    /// <summary>Rules 2201 and 2202 for a regulator's step: the report exists and the actor is a regulator.</summary>
    private static ReportDecision? RegulatorGate(EmissionReport report, ReportCommand c, MrvContext context)
    {
        if (report.Plan is null)
        {
            return ReportDecision.Reject(MrvRejection.NoMonitoringPlan);
        }

        return context.Regulators.Contains(c.Actor) ? null : ReportDecision.Reject(MrvRejection.NotRegulator);
    }
}
