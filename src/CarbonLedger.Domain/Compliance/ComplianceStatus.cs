using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Mrv;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// One enterprise's compliance year in figures, flattened from its three folded records (emission report,
/// allocation, compliance record): what <c>asof --enterprise</c> shows and what <c>audit summary</c> writes per
/// row. Plain values only, so two statuses compare by value (as-of then = live then). Tonnes are whole tonnes;
/// null means "not there yet" (no obligation, not verified, not closed), never zero.
/// </summary>
public sealed record ComplianceStatus(
    string Enterprise,
    int Year,
    ReportStatus ReportStatus,
    long? SubmittedTonnes,
    long? VerifiedTonnes,
    long? ConfirmedTonnes,
    long PreAllocatedTonnes,
    long TrueUpTonnes,
    long ExemptionTopUpTonnes,
    long ClawedBackTonnes,
    long ClawBackDeficitTonnes,
    long? ObligationTonnes,
    long? OffsetCapTonnes,
    long AllowancesSurrenderedTonnes,
    long CcerSurrenderedTonnes,
    long ShcerSurrenderedTonnes,
    long PendingTonnes,
    long FailedSurrenders,
    LocalDateTime? Deadline,
    bool Closed,
    long? ShortfallTonnes,
    long? PenaltyFen,
    long? DeductionTonnes)
{
    /// <summary>Allowances issued net of claw-back (pre-allocation + true-up + top-up − clawed back).</summary>
    public long NetAllocationTonnes =>
        checked(PreAllocatedTonnes + TrueUpTonnes + ExemptionTopUpTonnes - ClawedBackTonnes);

    /// <summary>Offsets surrendered, every programme.</summary>
    public long OffsetsSurrenderedTonnes => checked(CcerSurrenderedTonnes + ShcerSurrenderedTonnes);

    /// <summary>What the obligation still lacks (0 before it is set or once met).</summary>
    public long OpenTonnes => ObligationTonnes is { } o
        ? Math.Max(0, checked(o - AllowancesSurrenderedTonnes - OffsetsSurrenderedTonnes))
        : 0;

    /// <summary>One word for where the year stands: no obligation, open, met (open), compliant, short.</summary>
    public string State => this switch
    {
        { ObligationTonnes: null } => "no obligation",
        { Closed: false, OpenTonnes: 0 } => "met (open)",
        { Closed: false } => "open",
        { ShortfallTonnes: 0 } => "compliant",
        _ => "short",
    };

    /// <summary>
    /// The status of <paramref name="enterprise"/>'s <paramref name="year"/> from its folded records.
    /// </summary>
    public static ComplianceStatus Of(string enterprise, int year, EmissionReport report, AllocationRecord allocation,
        ComplianceRecord record)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(record);
        long Issued(AllocationKind kind) =>
            allocation.Steps.OfType<AllocationIssued>().Where(s => s.Kind == kind).Sum(s => s.Tonnes);
        long Surrendered(Func<SurrenderRequested, bool> which) =>
            record.Surrendered.Where(s => which(s.Request)).Sum(s => s.Request.Tonnes);

        return new ComplianceStatus(enterprise, year, report.Status, report.Submitted?.Figures.Tonnes,
            report.Verified?.Tonnes, report.ConfirmedTonnes,
            Issued(AllocationKind.PreAllocation), Issued(AllocationKind.TrueUp), Issued(AllocationKind.ExemptionTopUp),
            allocation.ClawedTonnes, allocation.DeficitTonnes,
            record.Obligation?.ObligationTonnes, record.Obligation?.OffsetCapTonnes,
            Surrendered(r => !r.IsOffset),
            Surrendered(r => r.IsOffset && r.Instrument.Programme == Programme.Ccer),
            Surrendered(r => r.IsOffset && r.Instrument.Programme == Programme.Shcer),
            record.PendingTonnes, record.Failed.Count, record.Deadline, record.Closed is not null,
            record.Closed?.ShortfallTonnes, record.Penalty?.Amount.Fen, record.Deduction?.Tonnes);
    }
}
