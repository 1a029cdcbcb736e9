using System.Collections.Immutable;
using System.Numerics;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The MRV equations of domain.md §5.1, exactly: E_fuel = FC × NCV × CC × OF × 44/12 and
/// E_elec = MWh × EF_grid, in tonnes of CO2. Each line's exact product (a fraction, no floating point) is
/// rounded once, half away from zero, to the gram; sums of lines are then exact. Each call returns the result
/// with its <see cref="TraceLine"/>.
/// </summary>
public static class EmissionEquations
{
    /// <summary>How every line is rounded (stated in each trace line).</summary>
    public const string GramRounding = "exact product, rounded half-up to the gram";

    private static readonly BigInteger s_gramsPerTonne = Co2e.GramsPerTonne;

    /// <summary>The combustion emissions of one resolved fuel line.</summary>
    public static TraceLine Fuel(string label, FuelLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Invariants.LedgerAssert.That(line.IsResolved, "a fuel line is computed only once its parameters are resolved");
        ParameterValue ncv = line.NetCalorificValue!;
        ParameterValue cc = line.CarbonContent!;
        ParameterValue of = line.OxidationRate!;
        (BigInteger numerator, BigInteger denominator) =
            Scaled.Product(line.Consumption, ncv.Value, cc.Value, of.Value);

        // × 44/12 (the mass ratio of CO2 to C) and × 1,000,000 g/t, then one rounding.
        long grams = Rounding.DivideHalfUp(numerator * 44 * s_gramsPerTonne, denominator * 12);
        return new TraceLine(
            label,
            "FC × NCV × CC × OF × 44/12",
            $"{line.Consumption} × {ncv} GJ/unit × {cc} tC/GJ × {of} × 44/12",
            Co2e.FromGrams(grams),
            GramRounding,
            DefaultIds(ncv, cc, of));
    }

    /// <summary>The indirect emissions of purchased electricity with the grid factor in force.</summary>
    public static TraceLine Electricity(string label, Scaled megawattHours, ParameterValue gridFactor)
    {
        ArgumentNullException.ThrowIfNull(gridFactor);
        (BigInteger numerator, BigInteger denominator) = Scaled.Product(megawattHours, gridFactor.Value);
        long grams = Rounding.DivideHalfUp(numerator * s_gramsPerTonne, denominator);
        return new TraceLine(
            label,
            "AD_elec × EF_grid",
            $"{megawattHours} MWh × {gridFactor} tCO2/MWh",
            Co2e.FromGrams(grams),
            GramRounding,
            DefaultIds(gridFactor));
    }

    private static ImmutableArray<string> DefaultIds(params ReadOnlySpan<ParameterValue> values)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (ParameterValue v in values)
        {
            if (v.Basis == ParameterBasis.Default)
            {
                ids.Add(v.Provenance);
            }
        }

        return ids.ToImmutable();
    }
}
