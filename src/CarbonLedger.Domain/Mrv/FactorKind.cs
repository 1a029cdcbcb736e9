namespace CarbonLedger.Domain.Mrv;

/// <summary>What a published MRV parameter measures (domain.md §5.1).</summary>
public enum FactorKind
{
    /// <summary>Grid emission factor for purchased electricity, tCO2/MWh (EF_grid).</summary>
    GridEmission = 1,

    /// <summary>Net calorific value of a fuel (NCV), GJ per unit of consumption (t or 10⁴ Nm³).</summary>
    NetCalorificValue = 2,

    /// <summary>Carbon content per unit of heat (CC), tC/GJ.</summary>
    CarbonContent = 3,

    /// <summary>Oxidation rate (OF), a fraction ≤ 1.</summary>
    OxidationRate = 4,
}
