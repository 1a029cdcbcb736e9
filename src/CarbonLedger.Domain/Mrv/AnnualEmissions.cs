using System.Collections.Immutable;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// A year's emissions computed from its monthly evidence: one trace line per fuel line per month and one per
/// month of purchased electricity, summed exactly in grams. <see cref="InScope"/> adds indirect emissions only
/// when the year's rules count them (domain.md §5.1: from 2023 they are excluded from the power sector's
/// compliance scope, but still reported). <see cref="Tonnes"/> is the figure compliance uses: the in-scope
/// grams rounded half-up to whole tonnes (decision 0012).
/// </summary>
public sealed record AnnualEmissions(
    int Year, Co2e Direct, Co2e Indirect, bool IndirectInScope, ImmutableArray<TraceLine> Trace)
{
    /// <summary>Direct, plus indirect when the year counts it.</summary>
    public Co2e InScope => IndirectInScope ? Direct + Indirect : Direct;

    /// <summary>The in-scope total in whole tonnes, half-up (0.5 t counts as a tonne).</summary>
    public long Tonnes => Rounding.DivideHalfUp(InScope.Grams, Co2e.GramsPerTonne);

    /// <summary>
    /// Computes the year from <paramref name="months"/> (every fuel line resolved) with the grid factor
    /// <paramref name="gridFactor"/>.
    /// </summary>
    public static AnnualEmissions Compute(
        int year, IEnumerable<MonthlyEvidence> months, ParameterValue gridFactor, bool indirectInScope)
    {
        ArgumentNullException.ThrowIfNull(months);
        var trace = ImmutableArray.CreateBuilder<TraceLine>();
        Co2e direct = Co2e.Zero;
        Co2e indirect = Co2e.Zero;
        foreach (MonthlyEvidence month in months.OrderBy(m => m.Month))
        {
            string period = $"{year:D4}-{month.Month:D2}";
            foreach (FuelLine fuel in month.Fuels)
            {
                TraceLine line = EmissionEquations.Fuel($"{period} fuel {fuel.Fuel}", fuel);
                direct += line.Result;
                trace.Add(line);
            }

            if (!month.PurchasedElectricityMwh.IsZero)
            {
                TraceLine line = EmissionEquations.Electricity(
                    $"{period} purchased electricity", month.PurchasedElectricityMwh, gridFactor);
                indirect += line.Result;
                trace.Add(line);
            }
        }

        return new AnnualEmissions(year, direct, indirect, indirectInScope, trace.ToImmutable());
    }
}
