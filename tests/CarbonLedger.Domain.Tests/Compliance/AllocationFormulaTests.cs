using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Tests.Compliance;

public sealed class AllocationFormulaTests
{
    // domain.md §10.5 scenario 2: power 0.8000 tCO2/MWh, heat 0.1100 tCO2/GJ, pre-allocation ratio 0.70.
    private static readonly AllocationPlan Plan = new(
        2022, 1, [new AllocationBenchmark("COAL-300", Scaled.Parse("0.8000"), Scaled.Parse("0.1100"))],
        Scaled.Parse("0.70"), Scaled.Parse("0.80"), "scenario 2");

    private static UnitOutput Unit(string power, string heat, string correction = "1.000") =>
        new("U1", "COAL-300", Scaled.Parse(power), Scaled.Parse(heat), Scaled.Parse(correction));

    [Fact]
    public void Allocate_Scenario2_Is1710000()
    {
        AllocationResult result = AllocationFormula.Allocate(Plan, [Unit("2000000", "1000000")]);

        Assert.Equal(1_710_000, result.Tonnes);
        Assert.Single(result.Trace);
        Assert.Equal("allocation-plan/2022/v1", Assert.Single(result.Trace[0].FactorIds));
    }

    [Fact]
    public void PreAllocateAndTrueUp_Scenario2_Are1245300And464700()
    {
        AllocationResult pre = AllocationFormula.PreAllocate(Plan, [Unit("2100000", "900000")]);

        Assert.Equal(1_245_300, pre.Tonnes);
        Assert.Equal(464_700, AllocationFormula.TrueUp(1_710_000, pre.Tonnes));
        Assert.Equal(-90_000, AllocationFormula.TrueUp(1_710_000, 1_800_000));
    }

    [Fact]
    public void Allocate_SeveralUnits_SumsUnitsThenRoundsTheTotal()
    {
        // Two units of 0.4 t each: each unit line is 400,000 g; the total 800,000 g rounds to 1 t (half-up).
        AllocationResult result = AllocationFormula.Allocate(Plan,
        [
            new UnitOutput("A", "COAL-300", Scaled.Parse("0.5"), Scaled.Whole(0), Scaled.Whole(1)),
            new UnitOutput("B", "COAL-300", Scaled.Parse("0.5"), Scaled.Whole(0), Scaled.Whole(1)),
        ]);

        Assert.Equal(1, result.Tonnes);
        Assert.All(result.Trace, l => Assert.Equal(400_000, l.Result.Grams));
    }

    [Fact]
    public void Allocate_CategoryWithoutBenchmark_IsRefused()
    {
        var gas = new UnitOutput("G", "GAS", Scaled.Whole(1), Scaled.Whole(0), Scaled.Whole(1));

        Assert.Throws<ArgumentException>(() => AllocationFormula.Allocate(Plan, [gas]));
    }

    [Fact]
    public void ExemptionTopUp_Scenario3_RaisesAllocationTo80PercentOfVerified()
    {
        Assert.Equal(130_000, AllocationFormula.ExemptionTopUp(1_710_000, 2_300_000, Scaled.Parse("0.80")));
        Assert.Equal(0, AllocationFormula.ExemptionTopUp(1_710_000, 1_980_000, Scaled.Parse("0.80")));
        Assert.Equal(460_000, ObligationFormula.Gap(2_300_000, 1_710_000 + 130_000));
        Assert.Equal(2_000, ObligationFormula.GapRateBasisPoints(2_300_000, 1_840_000));
    }
}
