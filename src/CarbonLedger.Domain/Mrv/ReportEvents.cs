using CarbonLedger.Domain.Identity;
using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>An event of an emission report's stream (one stream per enterprise and year).</summary>
public abstract record ReportEvent(Instant At);

/// <summary>The regulator approved the monitoring plan: the report exists from here.</summary>
public sealed record MonitoringPlanApproved(MonitoringPlan Plan, ActorId Regulator, Instant At) : ReportEvent(At);

/// <summary>
/// A month's evidence was recorded with every parameter resolved (defaults pinned to their library
/// versions). A later submission for the same month, before the annual report, supersedes it
/// (<paramref name="Revision"/> counts them). <paramref name="DaysLate"/> is 0 when on time.
/// </summary>
public sealed record MonthlyEvidenceSubmitted(MonthlyEvidence Evidence, int Revision, int DaysLate, Instant At)
    : ReportEvent(At);

/// <summary>Evidence above a plausibility bound: kept for review, not counted.</summary>
public sealed record EvidenceHeldForReview(MonthlyEvidence Evidence, string Reason, Instant At) : ReportEvent(At);

/// <summary>The reporter submitted the annual report: the figures computed from the recorded evidence.</summary>
public sealed record AnnualReportSubmitted(AnnualEmissions Figures, ParameterValue GridFactor, Instant At)
    : ReportEvent(At);

/// <summary>The regulator assigned the verifier (核查机构) to the report.</summary>
public sealed record VerifierAssigned(ActorId Verifier, ActorId Regulator, Instant At) : ReportEvent(At);

/// <summary>The verifier changed one value of one month, with a reason; the trace keeps both.</summary>
public sealed record ParameterAdjusted(
    int Month, string? Fuel, AdjustableParameter Parameter, ParameterValue Before, ParameterValue After, string Reason,
    ActorId Verifier, Instant At) : ReportEvent(At);

/// <summary>The verifier issued the verified emissions (recomputed with every adjustment).</summary>
public sealed record EmissionsVerified(AnnualEmissions Figures, ActorId Verifier, Instant At) : ReportEvent(At);

/// <summary>The regulator confirmed the verified figure: from here only a restatement changes it.</summary>
public sealed record EmissionsConfirmed(long Tonnes, ActorId Regulator, Instant At) : ReportEvent(At);

/// <summary>The regulator restated a confirmed figure, with a reason.</summary>
public sealed record EmissionsRestated(long Before, long After, string Reason, ActorId Regulator, Instant At)
    : ReportEvent(At);

/// <summary>What a verifier may adjust.</summary>
public enum AdjustableParameter
{
    /// <summary>A fuel line's consumption FC.</summary>
    Consumption = 1,

    /// <summary>A fuel line's NCV.</summary>
    NetCalorificValue = 2,

    /// <summary>A fuel line's CC.</summary>
    CarbonContent = 3,

    /// <summary>A fuel line's OF.</summary>
    OxidationRate = 4,

    /// <summary>The month's purchased electricity (no fuel).</summary>
    PurchasedElectricity = 5,
}

