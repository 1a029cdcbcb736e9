using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Compliance;

public sealed class WhatIfTests
{
    private static readonly ActorId Regulator = ActorId.Of("MEE");
    private static readonly ActorId Plant = ActorId.Of("PLANT-A");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static Instant At(int year, int month, int day) =>
        new LocalDateTime(year, month, day, 10, 0).InZoneStrictly(Shanghai).ToInstant();

    /// <summary>Scenario 4's obligation: 99,000 t of CCER and 1,800,000 t of allowances, short 81,000 t.</summary>
    private static ComplianceRecord Closed(ComplianceRules rules)
    {
        var context = new ComplianceContext(rules, Shanghai, [Regulator], []);
        ComplianceRecord record = ComplianceRecord.Empty;
        foreach (ComplianceCommand command in new ComplianceCommand[]
        {
            new SetObligation("PLANT-A", AccountId.Of("REG-A"), Plant, 1_980_000, 1_710_000, Regulator, At(2023, 7, 1)),
            new RequestSurrender("o", InstrumentId.Parse("CCER-2021"), 99_000, "PRJ-WIND", Plant, At(2023, 9, 1),
                new Domain.Credits.SerialRange(1, 99_000)),
            new CompleteSurrender("o", true, 10, [], 0, "", Regulator, At(2023, 9, 1)),
            new RequestSurrender("a", InstrumentId.Parse("CEA-2022"), 1_800_000, null, Plant, At(2023, 9, 2)),
            new CompleteSurrender("a", true, 11, [], 0, "", Regulator, At(2023, 9, 2)),
            new CloseCompliance(Regulator, At(2024, 1, 2)),
        })
        {
            ComplianceDecision d = ComplianceDecider.Decide(record, command, context);
            Assert.True(d.IsAccepted, d.Rejection.ToString());
            record = d.Events.Aggregate(record, (r, e) => r.Evolve(e));
        }

        return record;
    }

    [Fact]
    public void WhatIf_LowerOffsetCap_CountsFewerOffsetsAndTheShortfallGrows()
    {
        ComplianceRules rules = ObligationFormulaTests.National(2022);
        ComplianceRecord record = Closed(rules);

        WhatIfOutcome same = WhatIf.Evaluate("PLANT-A", record, EmissionReport.Empty, rules, null);
        WhatIfOutcome lower = WhatIf.Evaluate("PLANT-A", record, EmissionReport.Empty,
            rules with { OffsetCapShare = Scaled.Parse("0.02") }, null);
        WhatIfOutcome higher = WhatIf.Evaluate("PLANT-A", record, EmissionReport.Empty,
            rules with { OffsetCapShare = Scaled.Parse("0.10") }, null);

        Assert.Equal((81_000L, 81_000L, 99_000L), (same.RecordedShortfall, same.Shortfall, same.OffsetCap));
        Assert.Equal((39_600L, 81_000L + 59_400L), (lower.OffsetCap, lower.Shortfall));
        Assert.Equal((198_000L, 81_000L), (higher.OffsetCap, higher.Shortfall));
        Assert.True(lower.Penalty && lower.RecordedPenalty);
    }

    [Fact]
    public void WhatIf_GapCap_ObligationCappedAndShortfallGone()
    {
        ComplianceRules rules = ObligationFormulaTests.National(2022);

        WhatIfOutcome capped = WhatIf.Evaluate("PLANT-A", Closed(rules), EmissionReport.Empty,
            rules with { GapCapShare = Scaled.Parse("0.05") }, null);

        // 1,710,000 + 5 % × 1,980,000 = 1,809,000 ≤ 1,899,000 surrendered.
        Assert.Equal((1_809_000L, 0L, false), (capped.Obligation, capped.Shortfall, capped.Penalty));
    }
}
