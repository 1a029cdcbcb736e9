using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The factor library the CLI and simulations start from. Evidence labels as in domain.md: [F] sourced there,
/// [B] unverified (confirm against the primary text before relying on it). A deployment loads its own
/// library; these are data, not code paths.
/// </summary>
public static class DefaultFactors
{
    /// <summary>The national grid (the ETS default for purchased electricity).</summary>
    public const string NationalGrid = "CN-GRID";

    /// <summary>Natural gas, consumption in 10⁴ Nm³.</summary>
    public const string NaturalGas = "NATURAL-GAS";

    /// <summary>Bituminous coal, consumption in t.</summary>
    public const string BituminousCoal = "COAL-BITUMINOUS";

    /// <summary>
    /// The library: grid factors for 2021 and 2022, gas and bituminous-coal defaults for 2021–2024.
    /// </summary>
    public static FactorLibrary Create()
    {
        FactorLibrary library = FactorLibrary.Empty
            .With(Factor(FactorKind.GridEmission, NationalGrid, 2021, "0.6101", "tCO2/MWh",
                "[B] 发电设施 guideline 2021 (环办气候〔2021〕9号) default", new LocalDate(2021, 3, 29)))
            .With(Factor(FactorKind.GridEmission, NationalGrid, 2021, 2, "0.5810", "tCO2/MWh",
                "[B] 2022 revision of the guideline, for 2021 data", new LocalDate(2022, 6, 8)))
            .With(Factor(FactorKind.GridEmission, NationalGrid, 2022, "0.5703", "tCO2/MWh",
                "[F] MEE default for reporting 2022 emissions (S-MRV-2325, domain.md §5.1)",
                new LocalDate(2023, 2, 7)));
        for (int year = 2021; year <= 2024; year++)
        {
            var published = new LocalDate(year, 1, 1);
            library = library
                .With(Factor(FactorKind.NetCalorificValue, NaturalGas, year, "389.31", "GJ/10^4Nm3",
                    "[B] GB/T 32150 appendix default", published))
                .With(Factor(FactorKind.CarbonContent, NaturalGas, year, "0.01532", "tC/GJ",
                    "[B] GB/T 32150 appendix default", published))
                .With(Factor(FactorKind.OxidationRate, NaturalGas, year, "0.99", "1",
                    "[B] GB/T 32150 appendix default", published))
                .With(Factor(FactorKind.NetCalorificValue, BituminousCoal, year, "19.570", "GJ/t",
                    "[B] power-sector accounting guideline default", published))
                .With(Factor(FactorKind.CarbonContent, BituminousCoal, year, "0.02618", "tC/GJ",
                    "[B] power-sector accounting guideline default", published))
                .With(Factor(FactorKind.OxidationRate, BituminousCoal, year, "0.93", "1",
                    "[B] power-sector accounting guideline default", published));
        }

        return library;
    }

    private static EmissionFactor Factor(FactorKind kind, string subject, int year, string value, string unit,
        string source, LocalDate published) => Factor(kind, subject, year, 1, value, unit, source, published);

    private static EmissionFactor Factor(FactorKind kind, string subject, int year, int version, string value,
        string unit, string source, LocalDate published) =>
        new(kind, subject, year, version, Scaled.Parse(value), unit, source, ParameterBasis.Default, published);
}
