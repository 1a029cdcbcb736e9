using System.Collections.Immutable;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// One compliance year's rules (versioned rule data, domain.md §3.3, §4.4–4.6, §6): which allowance
/// programme and vintages may be surrendered, which offset programmes count and up to what share of the
/// obligation (national 5 %; in Shanghai one combined CCER + SHCER cap), whether a partial offset request is
/// cut to the cap or refused, the gap cap, the penalty, whether a shortfall is deducted from next year, the
/// deadline in Asia/Shanghai time, and whether indirect emissions count.
/// </summary>
public sealed record ComplianceRules(
    int Year,
    int Version,
    Programme AllowanceProgramme,
    int EarliestAllowanceVintage,
    int LatestAllowanceVintage,
    ImmutableArray<Programme> OffsetProgrammes,
    Scaled OffsetCapShare,
    bool PartialOffsetAcceptance,
    Scaled? GapCapShare,
    PenaltyRule Penalty,
    bool NextYearDeduction,
    LocalDateTime Deadline,
    bool IndirectInScope,
    string Source)
{
    /// <summary>True when <paramref name="instrument"/> may be surrendered as an allowance for this year.</summary>
    public bool IsEligibleAllowance(InstrumentId instrument) =>
        instrument.Programme == AllowanceProgramme
        && instrument.Vintage.Year >= EarliestAllowanceVintage
        && instrument.Vintage.Year <= LatestAllowanceVintage;

    /// <summary>True when <paramref name="programme"/> counts as an offset for this year.</summary>
    public bool IsOffsetProgramme(Programme programme) => OffsetProgrammes.Contains(programme);
}
