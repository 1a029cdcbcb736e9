using System.Collections.Immutable;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// A year's allocation rules (versioned rule data, domain.md §4): the benchmarks per category, the
/// pre-allocation ratio applied to the prior year's output (e.g. 0.70), and optionally the exemption share
/// (allocation raised to this share of verified emissions, e.g. 0.80 in 2021/22). A correction is a new
/// <see cref="Version"/>.
/// </summary>
public sealed record AllocationPlan(
    int Year, int Version, ImmutableArray<AllocationBenchmark> Benchmarks, Scaled PreAllocationRatio,
    Scaled? ExemptionShare, string Source)
{
    /// <summary>The benchmark of <paramref name="category"/>; false when the plan has none.</summary>
    public bool TryBenchmark(string category, out AllocationBenchmark benchmark)
    {
        foreach (AllocationBenchmark b in Benchmarks)
        {
            if (b.Category == category)
            {
                benchmark = b;
                return true;
            }
        }

        benchmark = null!;
        return false;
    }
}
