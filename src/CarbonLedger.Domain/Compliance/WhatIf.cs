using CarbonLedger.Domain.Mrv;

namespace CarbonLedger.Domain.Compliance;

/// <summary>One enterprise's year as recorded and as it would have been under other rules.</summary>
public sealed record WhatIfOutcome(
    string Enterprise, long RecordedVerified, long Verified, long RecordedObligation, long Obligation,
    long RecordedOffsetCap, long OffsetCap, long RecordedShortfall, long Shortfall, bool RecordedPenalty,
    bool Penalty);

/// <summary>
/// Replays a closed compliance year under another rule version (issue #7: e.g. an offset cap of 10 % instead of
/// 5 %, another grid factor): verified emissions recomputed from the report's recorded evidence when the grid
/// factor changes, then the obligation, the offset cap, how much of what was surrendered would have counted, the
/// shortfall, and whether a penalty would be due. Pure: the recorded history is only read.
/// </summary>
public static class WhatIf
{
    /// <summary>
    /// Evaluates <paramref name="record"/> (and its <paramref name="report"/>) under <paramref name="rules"/>.
    /// </summary>
    public static WhatIfOutcome Evaluate(string enterprise, ComplianceRecord record, EmissionReport report,
        ComplianceRules rules, ParameterValue? gridFactor)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rules);
        ObligationSet recorded = record.Obligation
            ?? throw new ArgumentException($"{enterprise} has no obligation to replay", nameof(record));
        long verified = recorded.VerifiedTonnes;
        if (gridFactor is not null && report.Plan is { } plan)
        {
            verified = AnnualEmissions.Compute(plan.Year, report.Evidence.Values, gridFactor, rules.IndirectInScope)
                .Tonnes;
        }

        long obligation = ObligationFormula.Obligation(rules, verified, recorded.AllocationTonnes);
        long cap = ObligationFormula.OffsetCap(rules, obligation);
        long allowances = record.SurrenderedTonnes - record.OffsetTonnes;
        long counted = allowances + Math.Min(record.OffsetTonnes, cap);
        long shortfall = Math.Max(0, obligation - counted);
        long recordedShortfall = record.Closed?.ShortfallTonnes ?? record.OpenTonnes;
        return new WhatIfOutcome(enterprise, recorded.VerifiedTonnes, verified, recorded.ObligationTonnes, obligation,
            recorded.OffsetCapTonnes, cap, recordedShortfall, shortfall, recordedShortfall > 0, shortfall > 0);
    }
}
