using System.Collections.Immutable;
using System.Numerics;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// The benchmark allocation of domain.md §4.1 and §4.3–4.4:
/// unit allocation = power benchmark × power × correction + heat benchmark × heat; an entity's allocation is
/// the sum over its units; pre-allocation = ratio × the allocation of the prior year's output; true-up =
/// final − pre-allocation (negative: a claw-back); exemption top-up = share × verified − allocation when
/// positive. Each unit line is exact and rounded once half-up to the gram; the entity's total is rounded
/// half-up to whole tonnes, the registry's unit (decision 0012).
/// </summary>
public static class AllocationFormula
{
    /// <summary>The allocation of <paramref name="outputs"/> under <paramref name="plan"/>.</summary>
    /// <exception cref="ArgumentException">A unit's category has no benchmark in the plan (bad rule data).</exception>
    public static AllocationResult Allocate(AllocationPlan plan, IEnumerable<UnitOutput> outputs) =>
        Compute(plan, outputs, Scaled.Whole(1), "allocation");

    /// <summary>The pre-allocation: the plan's ratio × the allocation of the prior year's output.</summary>
    public static AllocationResult PreAllocate(AllocationPlan plan, IEnumerable<UnitOutput> priorYearOutputs)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Compute(plan, priorYearOutputs, plan.PreAllocationRatio, "pre-allocation");
    }

    /// <summary>Final allocation minus what was pre-allocated: positive is issued, negative clawed back.</summary>
    public static long TrueUp(long finalTonnes, long preAllocatedTonnes) => checked(finalTonnes - preAllocatedTonnes);

    /// <summary>
    /// The exemption top-up: when the allocation is below <paramref name="share"/> × verified emissions, the
    /// difference (share × verified rounded half-up to tonnes); otherwise 0.
    /// </summary>
    public static long ExemptionTopUp(long allocationTonnes, long verifiedTonnes, Scaled share)
    {
        (BigInteger n, BigInteger d) = Scaled.Product(share, Scaled.Whole(verifiedTonnes));
        long floor = Rounding.DivideHalfUp(n, d);
        return Math.Max(0, checked(floor - allocationTonnes));
    }

    private static AllocationResult Compute(
        AllocationPlan plan, IEnumerable<UnitOutput> outputs, Scaled ratio, string what)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(outputs);
        var trace = ImmutableArray.CreateBuilder<TraceLine>();
        long grams = 0;
        string planId = $"allocation-plan/{plan.Year}/v{plan.Version}";
        foreach (UnitOutput unit in outputs.OrderBy(u => u.Unit, StringComparer.Ordinal))
        {
            if (!plan.TryBenchmark(unit.Category, out AllocationBenchmark benchmark))
            {
                throw new ArgumentException($"plan {planId} has no benchmark for category '{unit.Category}'");
            }

            (BigInteger pn, BigInteger pd) =
                Scaled.Product(ratio, benchmark.PowerPerMwh, unit.PowerMwh, unit.Correction);
            (BigInteger hn, BigInteger hd) = Scaled.Product(ratio, benchmark.HeatPerGj, unit.HeatGj);

            // a/b + c/d = (a·d + c·b) / (b·d), exact; × 10⁶ g/t; one rounding.
            long unitGrams = Rounding.DivideHalfUp(((pn * hd) + (hn * pd)) * Co2e.GramsPerTonne, pd * hd);
            grams = checked(grams + unitGrams);
            string ratioText = ratio.CompareValue(Scaled.Whole(1)) == 0 ? "" : $"{ratio} × ";
            trace.Add(new TraceLine(
                $"{what} {plan.Year} unit {unit.Unit} ({unit.Category})",
                ratioText.Length == 0
                    ? "power benchmark × power × correction + heat benchmark × heat"
                    : "ratio × (power benchmark × power × correction + heat benchmark × heat)",
                $"{ratioText}({benchmark.PowerPerMwh} tCO2/MWh × {unit.PowerMwh} MWh × {unit.Correction} + " +
                $"{benchmark.HeatPerGj} tCO2/GJ × {unit.HeatGj} GJ)",
                Co2e.FromGrams(unitGrams),
                "exact product, rounded half-up to the gram; the entity total half-up to whole tonnes",
                [planId]));
        }

        return new AllocationResult(Rounding.DivideHalfUp(grams, Co2e.GramsPerTonne), trace.ToImmutable());
    }
}
