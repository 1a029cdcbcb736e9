using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Compliance;

public sealed class ObligationFormulaTests
{
    internal static ComplianceRules National(int year, Scaled? gapCap = null) => new(
        year, 1, Programme.Cea, 2019, year, [Programme.Ccer], Scaled.Parse("0.05"), false, gapCap,
        PenaltyRule.FixedFine(Money.FromYuan(20_000), Money.FromYuan(30_000)), true,
        new LocalDateTime(year + 1, 12, 31, 17, 0), true, "test rules");

    [Fact]
    public void GapAndBorrowing_Scenario3_Limit135000()
    {
        Assert.Equal(270_000, ObligationFormula.Gap(1_980_000, 1_710_000));
        Assert.Equal(1_364, ObligationFormula.GapRateBasisPoints(1_980_000, 1_710_000));
        long limit = ObligationFormula.BorrowingLimit(1_980_000, 1_710_000, Scaled.Parse("0.10"), Scaled.Parse("0.50"));
        Assert.Equal(135_000, limit);
        Assert.True(135_001 > limit);
    }

    [Fact]
    public void BorrowingLimit_GapRateBelowThreshold_IsZero()
    {
        // 9.99 % gap: not eligible; exactly 10 %: eligible.
        Assert.Equal(0, ObligationFormula.BorrowingLimit(10_000, 9_001, Scaled.Parse("0.10"), Scaled.Parse("0.50")));
        Assert.Equal(500, ObligationFormula.BorrowingLimit(10_000, 9_000, Scaled.Parse("0.10"), Scaled.Parse("0.50")));
        Assert.Equal(0, ObligationFormula.BorrowingLimit(10_000, 12_000, Scaled.Parse("0.10"), Scaled.Parse("0.50")));
    }

    [Fact]
    public void OffsetCap_Scenario4And15_FivePercentRoundedDown()
    {
        Assert.Equal(99_000, ObligationFormula.OffsetCap(National(2022), 1_980_000));
        Assert.Equal(10_000, ObligationFormula.OffsetCap(National(2022), 200_000));
        Assert.Equal(0, ObligationFormula.OffsetCap(National(2022), 19));
        Assert.Equal(1, ObligationFormula.OffsetCap(National(2022), 39));
    }

    [Fact]
    public void Obligation_GapCapYear_CappedAtAllocationPlus20PercentOfVerified()
    {
        ComplianceRules capped = National(2020, Scaled.Parse("0.20"));

        Assert.Equal(1_980_000, ObligationFormula.Obligation(National(2022), 1_980_000, 1_000_000));
        Assert.Equal(1_396_000, ObligationFormula.Obligation(capped, 1_980_000, 1_000_000));
        Assert.Equal(1_980_000, ObligationFormula.Obligation(capped, 1_980_000, 1_710_000));
    }

    [Fact]
    public void BankingLimit_Scenario12_BasePlusOneAndAHalfNetSales()
    {
        Assert.Equal(70_000, ObligationFormula.BankingLimit(10_000, Scaled.Parse("1.5"), 40_000));
        Assert.Equal(10_000, ObligationFormula.BankingLimit(10_000, Scaled.Parse("1.5"), -5_000));
        Assert.Equal(10_001, ObligationFormula.BankingLimit(10_000, Scaled.Parse("1.5"), 1));
    }

    [Fact]
    public void IsEligibleAllowance_VintageWindow_OnlyInsideWindow()
    {
        ComplianceRules rules = National(2022);

        Assert.True(rules.IsEligibleAllowance(InstrumentId.Parse("CEA-2022")));
        Assert.True(rules.IsEligibleAllowance(InstrumentId.Parse("CEA-2019")));
        Assert.False(rules.IsEligibleAllowance(InstrumentId.Parse("CEA-2023")));
        Assert.False(rules.IsEligibleAllowance(InstrumentId.Parse("SHEA-2022")));
        Assert.True(rules.IsOffsetProgramme(Programme.Ccer));
        Assert.False(rules.IsOffsetProgramme(Programme.Shcer));
    }
}
