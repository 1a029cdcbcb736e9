using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The state of one enterprise's emission report for one year, folded from its stream's events
/// (<see cref="Evolve"/>). Immutable: a fetched report is never mutated (marten.md's identity-map pitfall).
/// </summary>
public sealed record EmissionReport
{
    /// <summary>The empty report, before its plan.</summary>
    public static EmissionReport Empty { get; } = new();

    /// <summary>Where the report stands.</summary>
    public ReportStatus Status { get; init; }

    /// <summary>The approved plan (null before approval).</summary>
    public MonitoringPlan? Plan { get; init; }

    /// <summary>The counted evidence per month (latest revision; adjustments applied).</summary>
    public ImmutableSortedDictionary<int, MonthlyEvidence> Evidence { get; init; } =
        ImmutableSortedDictionary<int, MonthlyEvidence>.Empty;

    /// <summary>Submissions per month (1 = first).</summary>
    public ImmutableDictionary<int, int> Revisions { get; init; } = ImmutableDictionary<int, int>.Empty;

    /// <summary>Evidence held for review, in arrival order.</summary>
    public ImmutableList<EvidenceHeldForReview> Held { get; init; } = [];

    /// <summary>Late submissions: month → days late (latest revision).</summary>
    public ImmutableDictionary<int, int> DaysLate { get; init; } = ImmutableDictionary<int, int>.Empty;

    /// <summary>The submitted figures (null before submission).</summary>
    public AnnualReportSubmitted? Submitted { get; init; }

    /// <summary>The assigned verifier.</summary>
    public ActorId? Verifier { get; init; }

    /// <summary>The verifier's adjustments, in order.</summary>
    public ImmutableList<ParameterAdjusted> Adjustments { get; init; } = [];

    /// <summary>The verified figures (null before verification).</summary>
    public AnnualEmissions? Verified { get; init; }

    /// <summary>The confirmed tonnes, after any restatement (null before confirmation).</summary>
    public long? ConfirmedTonnes { get; init; }

    /// <summary>Restatements, in order.</summary>
    public ImmutableList<EmissionsRestated> Restatements { get; init; } = [];

    /// <summary>Applies one event.</summary>
    public EmissionReport Evolve(ReportEvent e) => e switch
    {
        MonitoringPlanApproved x => this with { Status = ReportStatus.Monitoring, Plan = x.Plan },
        MonthlyEvidenceSubmitted x => this with
        {
            Evidence = Evidence.SetItem(x.Evidence.Month, x.Evidence),
            Revisions = Revisions.SetItem(x.Evidence.Month, x.Revision),
            DaysLate = x.DaysLate > 0
                ? DaysLate.SetItem(x.Evidence.Month, x.DaysLate)
                : DaysLate.Remove(x.Evidence.Month),
        },
        EvidenceHeldForReview x => this with { Held = Held.Add(x) },
        AnnualReportSubmitted x => this with { Status = ReportStatus.Submitted, Submitted = x },
        VerifierAssigned x => this with { Verifier = x.Verifier },
        ParameterAdjusted x => this with
        {
            Status = ReportStatus.Submitted,
            Verified = null,
            Adjustments = Adjustments.Add(x),
            Evidence = Evidence.SetItem(x.Month, ReportAdjustments.Apply(Evidence[x.Month], x)),
        },
        EmissionsVerified x => this with { Status = ReportStatus.Verified, Verified = x.Figures },
        EmissionsConfirmed x => this with { Status = ReportStatus.Confirmed, ConfirmedTonnes = x.Tonnes },
        EmissionsRestated x => this with { ConfirmedTonnes = x.After, Restatements = Restatements.Add(x) },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown report event"),
    };

    /// <summary>Folds a stream.</summary>
    public static EmissionReport Replay(IEnumerable<ReportEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        EmissionReport state = Empty;
        foreach (ReportEvent e in events)
        {
            state = state.Evolve(e);
        }

        return state;
    }
}
