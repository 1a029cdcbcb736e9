using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Mrv;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Stable storage names of the workflow events (emission reports, compliance records), as
/// <see cref="Journal.EventAliases"/> is for the journal. Never change an alias; add new ones.
/// </summary>
public static class WorkflowEventAliases
{
    /// <summary>Every workflow event type with its alias.</summary>
    public static IReadOnlyList<(Type Type, string Alias)> All { get; } =
    [
        (typeof(MonitoringPlanApproved), "monitoring_plan_approved"),
        (typeof(MonthlyEvidenceSubmitted), "monthly_evidence_submitted"),
        (typeof(EvidenceHeldForReview), "evidence_held_for_review"),
        (typeof(AnnualReportSubmitted), "annual_report_submitted"),
        (typeof(VerifierAssigned), "verifier_assigned"),
        (typeof(ParameterAdjusted), "parameter_adjusted"),
        (typeof(EmissionsVerified), "emissions_verified"),
        (typeof(EmissionsConfirmed), "emissions_confirmed"),
        (typeof(EmissionsRestated), "emissions_restated"),
        (typeof(ObligationSet), "obligation_set"),
        (typeof(SurrenderRequested), "surrender_requested"),
        (typeof(SurrenderCompleted), "surrender_completed"),
        (typeof(SurrenderFailed), "surrender_failed"),
        (typeof(DeadlineExtended), "deadline_extended"),
        (typeof(ComplianceClosed), "compliance_closed"),
        (typeof(NextYearDeductionScheduled), "next_year_deduction_scheduled"),
        (typeof(PenaltyAssessed), "penalty_assessed"),
        (typeof(AllocationIssued), "allocation_issued"),
        (typeof(AllocationClawedBack), "allocation_clawed_back"),
    ];
}
